package vn.lienthong.gateway.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import vn.lienthong.gateway.application.Caller;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.lienthong.gateway.application.AgencyExchanges;
import vn.lienthong.gateway.domain.exchange.AgencyMessage;

/** Messages to other agencies that failed for good or exhausted their retries, and their replay. */
@Path("/admin/dead-letters")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quản trị liên thông / Exchange administration")
@RolesAllowed(Caller.ADMIN)
public class DeadLetterResource {

    @Inject
    AgencyExchanges exchanges;

    /** One dead letter: which dossier, which agency, why. */
    public record DeadLetterView(long id, String messageId, String dossierCode, String agency, String operation,
                                 String status, int attempts, String cause, java.time.OffsetDateTime failedAt) {
    }

    @GET
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "listDeadLetters", summary = "Thư chết / Dead letters",
            description = "FAILED: refused for good (4xx, SOAP client fault, malformed reply); "
                    + "DEAD: transient failures exhausted the retries. Newest first.")
    public List<DeadLetterView> list(@QueryParam("limit") String limit) {
        return exchanges.deadLetters(QueryParameters.integer("limit", limit, 100, 1, 1000)).stream()
                .map(DeadLetterResource::view).toList();
    }

    @POST
    @Path("{id}/replay")
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "replayDeadLetter", summary = "Gửi lại / Replay",
            description = "Puts the message back in the outbox with fresh attempts and the same message id.")
    public DeadLetterView replay(@PathParam("id") long id) {
        return view(exchanges.replay(id, caller.officerId()));
    }

    @Inject
    Caller caller;

    private static DeadLetterView view(AgencyMessage m) {
        return new DeadLetterView(m.id(), m.messageId(), m.dossierCode().value(), m.agencyId(), m.operation(),
                m.status().name(), m.attempts(), m.lastError(), m.updatedAt());
    }
}
