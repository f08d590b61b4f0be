package vn.lienthong.gateway.interfaces.rest.citizen;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.lienthong.gateway.application.CitizenRatings;
import vn.lienthong.gateway.domain.rating.CitizenComment;
import vn.lienthong.gateway.domain.rating.Moderation;
import vn.lienthong.gateway.domain.rating.Scores;
import vn.lienthong.gateway.interfaces.rest.security.RateLimited;

/**
 * Citizens rate a finished dossier and write to the feedback box, without signing in. A rating needs
 * what the look-up needs (the dossier code and the last 4 digits of the phone) and shares its throttle.
 */
@Path("/public")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Đánh giá, góp ý / Ratings and feedback")
public class PublicRatingResource {

    private static final String BODY_REQUIRED = "Bắt buộc có nội dung JSON | A JSON body is required";
    private static final String MARK = "Điểm từ 1 đến 5 | A mark from 1 to 5";

    @Inject
    CitizenRatings ratings;

    /** POST /api/v1/public/ratings: the look-up's code and phone digits, three marks 1–5, an optional comment. */
    public record RateRequest(
            @NotBlank(message = "Bắt buộc: mã hồ sơ | Required: the dossier code")
            @Size(max = 64, message = "Tối đa 64 ký tự | At most 64 characters")
            String code,
            @NotNull(message = "Bắt buộc: 4 chữ số cuối số điện thoại | Required: the last 4 digits of the phone")
            @Pattern(regexp = "\\d{4}", message = "Ghi 4 chữ số cuối của số điện thoại | Give the last 4 digits of the phone")
            String phone,
            @NotNull(message = MARK) @Min(value = 1, message = MARK) @Max(value = 5, message = MARK) Integer attitude,
            @NotNull(message = MARK) @Min(value = 1, message = MARK) @Max(value = 5, message = MARK) Integer time,
            @NotNull(message = MARK) @Min(value = 1, message = MARK) @Max(value = 5, message = MARK) Integer overall,
            @Size(max = CitizenComment.MAX_LENGTH, message = "Tối đa 2000 ký tự | At most 2000 characters")
            String comment) {
    }

    /** The rating kept: the comment as kept, waiting for moderation. */
    public record RatedView(String code, OffsetDateTime ratedAt, String comment, Moderation commentStatus) {
    }

    /** POST /api/v1/public/feedback: a comment about a unit and, optionally, one of its procedures. */
    public record FeedbackRequest(
            @NotBlank(message = "Bắt buộc: mã đơn vị | Required: the unit's agency code")
            @Size(max = 40, message = "Tối đa 40 ký tự | At most 40 characters")
            String agencyCode,
            @Size(max = 40, message = "Tối đa 40 ký tự | At most 40 characters")
            String procedureCode,
            @NotBlank(message = "Bắt buộc: nội dung góp ý | Required: the comment")
            @Size(max = CitizenComment.MAX_LENGTH, message = "Tối đa 2000 ký tự | At most 2000 characters")
            String comment) {
    }

    /** A feedback comment kept, waiting for moderation. */
    public record FeedbackView(long id, Moderation moderation) {
    }

    /** An approved comment as anyone may read it: no dossier, no officer, no citizen. */
    public record PublicCommentView(String procedureCode, String comment, OffsetDateTime receivedAt) {
    }

    @POST
    @Path("ratings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited("lookup")
    @SecurityRequirementsSet // open: no bearer token
    @Operation(operationId = "rateDossier", summary = "Đánh giá hồ sơ đã giải quyết / Rate a finished dossier",
            description = "Once per dossier, without signing in: code and phone (last 4 digits) as for the look-up; "
                    + "attitude, time and overall marks 1–5; an optional comment (plain text, at most 2000 "
                    + "characters), shown to others only after the unit's leader approves it. The rating is tied to "
                    + "the dossier and the officer who settled it, never to the citizen.")
    @APIResponse(responseCode = "201", description = "Rated")
    @APIResponse(responseCode = "400", description = "A mark outside 1–5, phone not 4 digits, comment too long")
    @APIResponse(responseCode = "404", description = "No dossier with this code and phone (the look-up's answer)")
    @APIResponse(responseCode = "409", description = "Rated already, or not finished yet")
    @APIResponse(responseCode = "429", description = "Too many look-ups and ratings from this address; see Retry-After")
    public Response rate(@Valid @NotNull(message = BODY_REQUIRED) RateRequest body) {
        CitizenRatings.Rated rated = ratings.rate(new CitizenRatings.RateDossier(body.code(), body.phone(),
                new Scores(body.attitude(), body.time(), body.overall()), body.comment()));
        return Response.status(Response.Status.CREATED)
                .entity(new RatedView(rated.code(), rated.ratedAt(), rated.comment(), rated.commentStatus())).build();
    }

    @POST
    @Path("feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited("feedback")
    @SecurityRequirementsSet // open: no bearer token
    @Operation(operationId = "sendFeedback", summary = "Hộp thư góp ý / Feedback box",
            description = "A comment about a unit (agencyCode, GET /api/v1/agencies) and, optionally, one of its "
                    + "procedures. Plain text; PENDING until the unit's leader approves or rejects it.")
    @APIResponse(responseCode = "201", description = "Kept, waiting for moderation; Location names it")
    @APIResponse(responseCode = "400", description = "No comment, or too long")
    @APIResponse(responseCode = "422", description = "Unknown unit or procedure")
    @APIResponse(responseCode = "429", description = "Too many comments from this address; see Retry-After")
    public Response feedback(@Valid @NotNull(message = BODY_REQUIRED) FeedbackRequest body) {
        long id = ratings.feedback(body.agencyCode(), blankToNull(body.procedureCode()), body.comment());
        return Response.created(URI.create("api/v1/satisfaction/comments/" + id))
                .entity(new FeedbackView(id, Moderation.PENDING)).build();
    }

    @GET
    @Path("feedback")
    @RateLimited("lookup")
    @SecurityRequirementsSet // open: no bearer token
    @Operation(operationId = "listApprovedFeedback", summary = "Ý kiến đã duyệt / Approved comments about a unit",
            description = "The comments about a unit that its leader approved, newest first (at most 200): "
                    + "plain text, never who wrote them, nor the dossier or officer.")
    @APIResponse(responseCode = "200", description = "The approved comments")
    @APIResponse(responseCode = "429", description = "Too many requests from this address; see Retry-After")
    public List<PublicCommentView> approved(@QueryParam("agencyCode") String agencyCode) {
        if (agencyCode == null || agencyCode.isBlank()) {
            return List.of();
        }
        return ratings.approved(agencyCode.trim()).stream()
                .map(c -> new PublicCommentView(c.procedureCode(), c.text(), c.receivedAt())).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
