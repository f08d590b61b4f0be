package vn.lienthong.gateway.interfaces.rest;

import jakarta.annotation.security.PermitAll;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.apache.camel.CamelExecutionException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.lienthong.gateway.infrastructure.security.CallbackAuthenticator;
import vn.lienthong.gateway.routes.AgencyCallbacks;

/**
 * Results of asynchronous agencies (residence, land registry), matched to their request by ticket.
 * Not open: each callback proves its agency by mutual TLS or an HMAC signature before it is read.
 */
@Path("/callbacks/{agency}")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quản trị liên thông / Exchange administration")
@PermitAll
public class CallbackResource {

    @Inject
    AgencyCallbacks callbacks;

    @Inject
    CallbackAuthenticator authenticator;

    @Context
    HttpServletRequest request;

    @POST
    @SecurityRequirementsSet // open: no bearer token (an empty requirement in the contract)
    @Operation(operationId = "receiveAgencyCallback", summary = "Kết quả từ cơ quan / Agency callback",
            description = "Body: {ticket, outcome: DONE|REJECTED, result: {...}, summary, reason}. No bearer token: "
                    + "the agency proves itself by its TLS client certificate, or by X-LienThong-Timestamp and "
                    + "X-LienThong-Signature (HMAC-SHA256 over \"<timestamp>.<body>\"; docs/security.md).")
    @APIResponse(responseCode = "200", description = "Applied, or a duplicate with no second effect")
    @APIResponse(responseCode = "401", description = "No valid client certificate or HMAC signature, or a replay")
    @APIResponse(responseCode = "404", description = "Unknown agency or ticket")
    @APIResponse(responseCode = "409", description = "Late: the request is not waiting for a result")
    public Response receive(@PathParam("agency") String agency,
                            @HeaderParam(CallbackAuthenticator.TIMESTAMP_HEADER) String timestamp,
                            @HeaderParam(CallbackAuthenticator.SIGNATURE_HEADER) String signature,
                            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    schema = @Schema(type = SchemaType.OBJECT, requiredProperties = "ticket", properties = {
                                            @SchemaProperty(name = "ticket", type = SchemaType.STRING),
                                            @SchemaProperty(name = "outcome", type = SchemaType.STRING,
                                                    enumeration = {"DONE", "REJECTED"}),
                                            @SchemaProperty(name = "result", type = SchemaType.OBJECT),
                                            @SchemaProperty(name = "summary", type = SchemaType.STRING),
                                            @SchemaProperty(name = "reason", type = SchemaType.STRING)})))
                            byte[] raw) {
        if (!authenticator.knows(agency)) {
            return Problem.of("not-found", Response.Status.NOT_FOUND, "Không tìm thấy", "Not found",
                    "Không có cơ quan liên thông '" + agency + "'", "No connected agency '" + agency + "'").toResponse();
        }
        byte[] bytes = raw == null ? new byte[0] : raw;
        authenticator.verify(agency, bytes, timestamp, signature,
                (X509Certificate[]) request.getAttribute("jakarta.servlet.request.X509Certificate"));
        request.setAttribute(AuditFilter.AGENCY_ACTOR, agency);
        String body = new String(bytes, StandardCharsets.UTF_8);
        String ticket;
        try {
            JsonObject json = Json.createReader(new StringReader(body == null ? "" : body)).readObject();
            ticket = json.getString("ticket", "");
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            ticket = "";
        }
        if (ticket.isBlank()) {
            return Problem.of("validation", Response.Status.BAD_REQUEST, "Dữ liệu không hợp lệ", "Invalid request",
                    "Bắt buộc: mã phiếu (ticket) trong nội dung JSON", "Required: a JSON body with the ticket")
                    .toResponse();
        }
        try {
            String outcome = callbacks.dispatch(agency, ticket, body);
            return Response.ok(Json.createObjectBuilder().add("ticket", ticket).add("outcome", outcome).build()).build();
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause; // the exchange family maps to 404 / 409
            }
            throw e;
        }
    }
}
