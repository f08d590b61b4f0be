package vn.lienthong.gateway.interfaces.rest;

import java.io.StringReader;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.apache.camel.CamelExecutionException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.lienthong.gateway.routes.AgencyCallbacks;

/** Results of asynchronous agencies (residence, land registry), matched to their request by ticket. */
@Path("/callbacks/{agency}")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quản trị liên thông / Exchange administration")
public class CallbackResource {

    @Inject
    AgencyCallbacks callbacks;

    @POST
    @Operation(summary = "Kết quả từ cơ quan / Agency callback",
            description = "Body: {ticket, outcome: DONE|REJECTED, result: {...}, summary, reason}.")
    @APIResponse(responseCode = "200", description = "Applied, or a duplicate with no second effect")
    @APIResponse(responseCode = "404", description = "Unknown ticket")
    @APIResponse(responseCode = "409", description = "Late: the request is not waiting for a result")
    public Response receive(@PathParam("agency") String agency, String body) {
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
