package vn.lienthong.gateway.interfaces.rest.dossier;

import java.time.Clock;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.lienthong.gateway.application.Caller;
import vn.lienthong.gateway.application.DeskRegister;
import vn.lienthong.gateway.domain.dossier.DossierRegister;
import vn.lienthong.gateway.interfaces.rest.GatewayApi;

/** The dossier register (form 07) as the sealed PDF at a path of its own, for a print link or a download. */
@Path("/register.pdf")
@RequestScoped
@RolesAllowed({Caller.DESK_OFFICER, Caller.LEADER})
@Tag(name = "Hồ sơ / Dossiers")
public class RegisterPdfResource {

    @Inject
    DeskRegister register;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @GET
    @Produces(RegisterResource.PDF)
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "getDossierRegisterPdf", summary = "Sổ theo dõi hồ sơ (mẫu 07), bản PDF / Dossier register "
            + "(form 07) as PDF",
            description = "The register of GET /register as a PDF/A-2b sealed by the agency (one PAdES signature), "
                    + "to print; same parameters and rights.")
    @APIResponse(responseCode = "200", description = "The sealed PDF",
            content = @Content(mediaType = RegisterResource.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "A date malformed, to before from, or a period over 366 days")
    public Response get(@Parameter(description = RegisterResource.AGENCY) @QueryParam("agency") String agency,
                        @Parameter(description = RegisterResource.FROM) @QueryParam("from") String from,
                        @Parameter(description = RegisterResource.TO) @QueryParam("to") String to) {
        DossierRegister r = RegisterResource.draw(register, caller, clock, agency, from, to);
        return RegisterResource.pdf(register.sealed(r), r);
    }
}
