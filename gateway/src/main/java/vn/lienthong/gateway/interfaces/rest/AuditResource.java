package vn.lienthong.gateway.interfaces.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

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
import vn.lienthong.gateway.domain.audit.AuditEvent;
import vn.lienthong.gateway.domain.audit.AuditTrail;
import vn.lienthong.gateway.domain.calendar.WorkingCalendar;
import vn.lienthong.gateway.domain.dossier.InvalidDossierException;

/** The audit trail: every state-changing call and every refused one, for leaders and admins. */
@Path("/admin/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.LEADER, Caller.ADMIN})
@Tag(name = "Quản trị / Administration")
public class AuditResource {

    private static final Set<String> OUTCOMES = Set.of("SUCCESS", "DENIED", "REFUSED", "ERROR");

    @Inject
    AuditTrail trail;

    @GET
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "listAuditEvents", summary = "Nhật ký truy cập / Audit trail",
            description = "Newest first. Filters: from, to (dates in Vietnam, inclusive), actor, "
                    + "outcome (SUCCESS, DENIED, REFUSED, ERROR), limit (1-1000, default 100).")
    public List<AuditEvent> find(@QueryParam("from") String from, @QueryParam("to") String to,
                                 @QueryParam("actor") String actor, @QueryParam("outcome") String outcome,
                                 @QueryParam("limit") String limit) {
        LocalDate start = QueryParameters.date("from", from);
        LocalDate end = QueryParameters.date("to", to);
        String wanted = outcome == null || outcome.isBlank() ? null : outcome.trim().toUpperCase();
        if (wanted != null && !OUTCOMES.contains(wanted)) {
            throw new InvalidDossierException("outcome", "Chọn một trong: " + String.join(", ", OUTCOMES),
                    "Use one of: " + String.join(", ", OUTCOMES));
        }
        return trail.find(new AuditTrail.Query(startOf(start), end == null ? null : startOf(end.plusDays(1)),
                actor == null || actor.isBlank() ? null : actor.trim(), wanted,
                QueryParameters.integer("limit", limit, 100, 1, 1000)));
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(WorkingCalendar.VIETNAM).toOffsetDateTime();
    }
}
