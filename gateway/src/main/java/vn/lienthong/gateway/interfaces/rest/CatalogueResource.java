package vn.lienthong.gateway.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import vn.lienthong.gateway.application.Caller;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.lienthong.gateway.domain.dossier.UnknownReferenceException;
import vn.lienthong.gateway.domain.procedure.Agency;
import vn.lienthong.gateway.domain.procedure.Procedure;
import vn.lienthong.gateway.domain.procedure.ProcedureCatalogue;

/** The procedure catalogue and the receiving agencies it is served at. */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Danh mục / Catalogue")
@RolesAllowed({Caller.DESK_OFFICER, Caller.LEADER, Caller.ADMIN, Caller.AUDITOR})
public class CatalogueResource {

    /** The catalogue with its version. */
    public record ProceduresView(String version, List<Procedure> procedures) {
    }

    /** The receiving agencies with the catalogue version. */
    public record AgenciesView(String version, List<Agency> agencies) {
    }

    @Inject
    ProcedureCatalogue catalogue;

    @GET
    @Path("procedures")
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "listProcedures", summary = "Danh mục thủ tục / Procedure catalogue")
    public ProceduresView procedures() {
        return new ProceduresView(catalogue.version(), catalogue.procedures());
    }

    @GET
    @Path("procedures/{code}")
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "getProcedure", summary = "Một thủ tục / One procedure")
    public Procedure procedure(@PathParam("code") String code) {
        return catalogue.procedure(code).orElseThrow(() -> new UnknownReferenceException("code",
                "Thủ tục " + code + " không có trong danh mục", "Procedure " + code + " is not in the catalogue"));
    }

    @GET
    @Path("agencies")
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "listAgencies", summary = "Các đơn vị tiếp nhận / Receiving agencies")
    public AgenciesView agencies() {
        return new AgenciesView(catalogue.version(), catalogue.agencies());
    }
}
