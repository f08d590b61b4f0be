package vn.lienthong.gateway.interfaces.rest;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.lienthong.gateway.application.Caller;
import vn.lienthong.gateway.application.NoticeDeliveries;
import vn.lienthong.gateway.domain.dossier.PersonalDataMask;
import vn.lienthong.gateway.domain.notice.CitizenNotice;
import vn.lienthong.gateway.domain.notice.NoticeStatus;

/** The citizen notice outbox for administrators: what was sent, what waits, what failed and why. */
@Path("/admin/notices")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Thông báo công dân / Citizen notifications")
@RolesAllowed(Caller.ADMIN)
public class NoticeResource {

    @Inject
    NoticeDeliveries deliveries;

    /** One notice; the recipient is masked, the body left out (it is the citizen's). */
    public record NoticeView(String noticeId, String dossierCode, String event, String channel, String recipient,
                             String subject, String status, int attempts, String lastError,
                             OffsetDateTime nextAttemptAt, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    @GET
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "listCitizenNotices", summary = "Thông báo gửi công dân / Citizen notices",
            description = "Newest first. status: PENDING, IN_FLIGHT, SENT, FAILED (refused for good: SMS API 4xx, "
                    + "SMTP 5xx) or DEAD (transient failures used up every attempt); unset lists all.")
    public List<NoticeView> list(@QueryParam("status") String status, @QueryParam("limit") String limit) {
        NoticeStatus wanted = QueryParameters.enumeration("status", status, NoticeStatus.class);
        return deliveries.list(wanted, QueryParameters.integer("limit", limit, 100, 1, 1000)).stream()
                .map(NoticeResource::view).toList();
    }

    private static NoticeView view(CitizenNotice n) {
        return new NoticeView(n.noticeId(), n.dossierCode().value(), n.eventKey(), n.channel().name(),
                PersonalDataMask.mask(n.recipient()), n.subject(), n.status().name(), n.attempts(), n.lastError(),
                n.nextAttemptAt(), n.createdAt(), n.updatedAt());
    }
}
