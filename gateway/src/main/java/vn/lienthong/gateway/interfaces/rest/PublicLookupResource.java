package vn.lienthong.gateway.interfaces.rest;

import java.time.OffsetDateTime;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.lienthong.gateway.application.PublicLookup;

/** The citizen's look-up (tra cứu hồ sơ): status, step and appointment, nothing personal. */
@Path("/public/dossiers")
@RequestScoped
@PermitAll
@RateLimited("lookup")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tra cứu công khai / Public look-up")
public class PublicLookupResource {

    @Inject
    PublicLookup lookup;

    /** The public answer; the code is the one the caller gave. */
    public record PublicDossierView(String code, String status, String statusLabel, String step,
                                    OffsetDateTime dueAt, boolean resultReady) {
    }

    @GET
    @Path("{code}")
    @SecurityRequirementsSet // open: no bearer token (an empty requirement in the contract)
    @Operation(operationId = "lookUpDossier", summary = "Tra cứu tình trạng hồ sơ / Look up a dossier's status",
            description = "phone: the last 4 digits of the applicant's phone. An unknown code and a wrong "
                    + "phone answer the same 404.")
    @APIResponse(responseCode = "200", description = "status, step, dueAt, resultReady")
    @APIResponse(responseCode = "400", description = "phone is not 4 digits")
    @APIResponse(responseCode = "404", description = "No dossier with this code and phone")
    @APIResponse(responseCode = "429", description = "Too many look-ups from this address; see Retry-After")
    public Response lookUp(@PathParam("code") String code, @QueryParam("phone") String phone) {
        if (!PublicLookup.wellFormedPhoneDigits(phone)) {
            String vi = "Ghi 4 chữ số cuối của số điện thoại người nộp hồ sơ (phone=NNNN)";
            String en = "Give the last 4 digits of the applicant's phone number (phone=NNNN)";
            return Problem.of("validation", Response.Status.BAD_REQUEST, "Dữ liệu không hợp lệ", "Invalid request", vi, en)
                    .withErrors(java.util.List.of(new Problem.FieldError("phone", vi, en))).toResponse();
        }
        return lookup.lookUp(code, phone)
                .map(s -> Response.ok(new PublicDossierView(code, s.status().name(),
                        s.status().vietnamese() + " / " + s.status().english(), s.step(), s.dueAt(), s.resultReady()))
                        .build())
                .orElseGet(() -> Problem.of("not-found", Response.Status.NOT_FOUND, "Không tìm thấy", "Not found",
                        "Không có hồ sơ nào khớp mã hồ sơ và số điện thoại đã nhập",
                        "No dossier matches this code and phone number").toResponse());
    }
}
