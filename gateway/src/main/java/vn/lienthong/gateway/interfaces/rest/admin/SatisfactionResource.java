package vn.lienthong.gateway.interfaces.rest.admin;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.lienthong.gateway.application.Caller;
import vn.lienthong.gateway.application.CitizenRatings;
import vn.lienthong.gateway.domain.calendar.WorkingCalendar;
import vn.lienthong.gateway.domain.dossier.StatisticsGrouping;
import vn.lienthong.gateway.domain.rating.CitizenComment;
import vn.lienthong.gateway.domain.rating.Moderation;
import vn.lienthong.gateway.interfaces.rest.GatewayApi;
import vn.lienthong.gateway.interfaces.rest.QueryParameters;

/** Citizens' satisfaction for leaders: the figures from ratings, and the moderation of comments. */
@Path("/satisfaction")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Mức độ hài lòng / Satisfaction")
@RolesAllowed(Caller.LEADER)
public class SatisfactionResource {

    @Inject
    CitizenRatings ratings;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** POST .../moderation: APPROVED or REJECTED. */
    public record ModerationRequest(@NotNull(message = "Bắt buộc: APPROVED hoặc REJECTED | Required: APPROVED or REJECTED")
                                    Moderation decision) {
    }

    @GET
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "getSatisfaction", summary = "Mức độ hài lòng / Citizens' satisfaction",
            description = "Ratings given from..to (default: this month) to the leader's units, grouped by AGENCY, "
                    + "PROCEDURE or OFFICER (who settled the dossier): how many, the average mark 1–5 for attitude, "
                    + "time and overall, and how many rated 4 or 5 overall (satisfiedPercent). Never the citizens.")
    public CitizenRatings.Satisfaction satisfaction(@QueryParam("from") String from, @QueryParam("to") String to,
                                                    @QueryParam("groupBy") String groupBy) {
        LocalDate today = LocalDate.now(clock.withZone(WorkingCalendar.VIETNAM));
        LocalDate start = QueryParameters.date("from", from);
        LocalDate end = QueryParameters.date("to", to);
        StatisticsGrouping grouping = QueryParameters.enumeration("groupBy", groupBy, StatisticsGrouping.class);
        return ratings.satisfaction(caller.readScope(), start == null ? today.withDayOfMonth(1) : start,
                end == null ? today : end, grouping == null ? StatisticsGrouping.AGENCY : grouping);
    }

    @GET
    @Path("comments")
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "listCitizenComments", summary = "Ý kiến của người dân / Citizens' comments",
            description = "Comments from ratings and the feedback box about the leader's units, newest first (at "
                    + "most 200); status: PENDING, APPROVED or REJECTED (default: all). Plain text as written.")
    public List<CitizenComment> comments(@QueryParam("status") String status) {
        return ratings.comments(caller.readScope(), QueryParameters.enumeration("status", status, Moderation.class));
    }

    @POST
    @Path("comments/{id}/moderation")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = GatewayApi.BEARER)
    @Operation(operationId = "moderateCitizenComment", summary = "Duyệt ý kiến / Approve or reject a comment",
            description = "decision: APPROVED (then anyone may read it, GET /api/v1/public/feedback) or REJECTED.")
    @APIResponse(responseCode = "200", description = "The comment as moderated")
    @APIResponse(responseCode = "400", description = "decision is not APPROVED or REJECTED")
    @APIResponse(responseCode = "404", description = "No such comment in the leader's units")
    public CitizenComment moderate(@PathParam("id") String id,
                                   @Valid @NotNull(message = "Bắt buộc có nội dung JSON | A JSON body is required")
                                   ModerationRequest body) {
        long commentId = QueryParameters.integer("id", id, 0, 1, Integer.MAX_VALUE);
        return ratings.moderate(caller, commentId, body.decision());
    }
}
