package vn.lienthong.gateway.interfaces.rest.admin;

import jakarta.annotation.security.RolesAllowed;
import vn.lienthong.gateway.interfaces.rest.GatewayApi;
import vn.lienthong.gateway.application.Caller;
import java.time.Clock;
import java.time.LocalDate;

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

import vn.lienthong.gateway.application.DeskStatistics;
import vn.lienthong.gateway.domain.calendar.WorkingCalendar;
import vn.lienthong.gateway.domain.dossier.StatisticsGrouping;
import vn.lienthong.gateway.interfaces.rest.QueryParameters;

/** The desk's report figures for leaders. */
@Path("/statistics")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Thống kê / Statistics")
@RolesAllowed(Caller.LEADER)
public class StatisticsResource {

    @Inject
    DeskStatistics statistics;

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @GET
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "getDossierStatistics", summary = "Thống kê hồ sơ / Dossier statistics",
            description = "Dossiers received from..to (default: this month), grouped by agency, procedure or "
                    + "officer: received, in progress, completed early / on time / late against the legal "
                    + "deadline, overdue, rejected, stopped; and goldenDays: the dossiers settled with a result on a golden "
                    + "day of their unit for their field (hai ngày vàng, GET /api/v1/calendar/golden-days) against "
                    + "those settled on other days; onTheSpot: the dossiers settled on the spot (4 tại chỗ, "
                    + "POST /api/v1/dossiers/{code}/on-the-spot).")
    public DeskStatistics.Report report(@QueryParam("from") String from, @QueryParam("to") String to,
                                        @QueryParam("groupBy") String groupBy) {
        LocalDate today = LocalDate.now(clock.withZone(WorkingCalendar.VIETNAM));
        LocalDate start = QueryParameters.date("from", from);
        LocalDate end = QueryParameters.date("to", to);
        StatisticsGrouping grouping = QueryParameters.enumeration("groupBy", groupBy, StatisticsGrouping.class);
        return statistics.report(caller.readScope(), start == null ? today.withDayOfMonth(1) : start, end == null ? today : end,
                grouping == null ? StatisticsGrouping.AGENCY : grouping);
    }

    @GET
    @Path("steps")
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "getStepStatistics", summary = "Thống kê bước liên thông / Liên thông step statistics",
            description = "Agency steps of the liên thông flows started from..to (default: this month), per agency: "
                    + "started, done on time or late against each step's own deadline (form 06), open past it, failed.")
    public DeskStatistics.StepReport steps(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate today = LocalDate.now(clock.withZone(WorkingCalendar.VIETNAM));
        LocalDate start = QueryParameters.date("from", from);
        LocalDate end = QueryParameters.date("to", to);
        return statistics.steps(caller.readScope(), start == null ? today.withDayOfMonth(1) : start,
                end == null ? today : end);
    }
}
