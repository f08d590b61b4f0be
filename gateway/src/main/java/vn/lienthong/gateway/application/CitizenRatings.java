package vn.lienthong.gateway.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import vn.lienthong.gateway.domain.calendar.WorkingCalendar;
import vn.lienthong.gateway.domain.dossier.AgencyScope;
import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.dossier.DossierEvent;
import vn.lienthong.gateway.domain.dossier.DossierRepository;
import vn.lienthong.gateway.domain.dossier.InvalidDossierException;
import vn.lienthong.gateway.domain.dossier.StatisticsGrouping;
import vn.lienthong.gateway.domain.dossier.UnknownReferenceException;
import vn.lienthong.gateway.domain.procedure.ProcedureCatalogue;
import vn.lienthong.gateway.domain.rating.CitizenComment;
import vn.lienthong.gateway.domain.rating.Moderation;
import vn.lienthong.gateway.domain.rating.NoRatingTargetException;
import vn.lienthong.gateway.domain.rating.Rating;
import vn.lienthong.gateway.domain.rating.RatingConflictException;
import vn.lienthong.gateway.domain.rating.Ratings;
import vn.lienthong.gateway.domain.rating.SatisfactionRow;
import vn.lienthong.gateway.domain.rating.SatisfactionSums;
import vn.lienthong.gateway.domain.rating.Scores;

/**
 * Citizens rate the service (seed 001: "đánh giá việc thực thi nhiệm vụ của cán bộ … thông qua hộp thư
 * góp ý"): a finished dossier is rated once, with its code and phone digits, no sign-in; the feedback
 * box takes comments about a unit or a procedure; leaders see satisfaction figures and moderate the
 * comments, which nobody else sees before they are approved.
 */
@ApplicationScoped
@Transactional
public class CitizenRatings {

    private static final int MAX_COMMENTS = 200;

    @Inject
    PublicLookup lookup;

    @Inject
    DossierRepository dossiers;

    @Inject
    Ratings ratings;

    @Inject
    ProcedureCatalogue catalogue;

    @Inject
    Clock clock;

    /** What the citizen sends: the look-up's code and phone digits, the marks, an optional comment. */
    public record RateDossier(String code, String phoneDigits, Scores scores, String comment) {
    }

    /** The rating kept; {@code comment} is what was kept of it (PENDING until the leader approves it). */
    public record Rated(String code, OffsetDateTime ratedAt, String comment, Moderation commentStatus) {
    }

    /** Rates a finished dossier once; a wrong code or phone is refused as the look-up refuses it. */
    public Rated rate(RateDossier request) {
        Dossier dossier = lookup.verified(request.code(), request.phoneDigits())
                .orElseThrow(NoRatingTargetException::noDossier);
        if (!dossier.status().isFinished()) {
            throw new RatingConflictException("Hồ sơ " + dossier.code() + " chưa giải quyết xong; xin đánh giá sau khi "
                    + "nhận kết quả", "Dossier " + dossier.code() + " is not finished yet; rate it once it is");
        }
        if (ratings.rated(dossier.code())) {
            throw RatingConflictException.alreadyRated(dossier.code().value());
        }
        OffsetDateTime now = now();
        String comment = text(request.comment());
        ratings.add(new Rating(dossier.code(), dossier.agencyCode(), dossier.procedureCode(), settledBy(dossier),
                request.scores(), now), comment);
        return new Rated(dossier.code().value(), now, comment, comment == null ? null : Moderation.PENDING);
    }

    /** A comment from the feedback box about a unit and, if named, one of its procedures. */
    public long feedback(String agencyCode, String procedureCode, String comment) {
        if (agencyCode == null || catalogue.agency(agencyCode).isEmpty()) {
            throw new UnknownReferenceException("agencyCode", "Không có đơn vị " + agencyCode + " trong danh mục",
                    "Agency " + agencyCode + " is not in the catalogue (GET /api/v1/agencies)");
        }
        if (procedureCode != null && catalogue.procedure(procedureCode).isEmpty()) {
            throw new UnknownReferenceException("procedureCode", "Không có thủ tục " + procedureCode + " trong danh mục",
                    "Procedure " + procedureCode + " is not in the catalogue (GET /api/v1/procedures)");
        }
        String text = text(comment);
        if (text == null) {
            throw new InvalidDossierException("comment", "Xin ghi ý kiến góp ý", "Write the comment");
        }
        return ratings.addFeedback(agencyCode, procedureCode, text, now());
    }

    /** Approved comments about a unit: what anyone may read. */
    public List<CitizenComment> approved(String agencyCode) {
        return ratings.comments(AgencyScope.only(agencyCode), Moderation.APPROVED, MAX_COMMENTS);
    }

    /** The comments of the leader's units, of one moderation status or all. */
    public List<CitizenComment> comments(AgencyScope scope, Moderation moderation) {
        return ratings.comments(scope, moderation, MAX_COMMENTS);
    }

    /** Approves or rejects a comment of a unit in the leader's scope. */
    public CitizenComment moderate(Caller leader, long id, Moderation decision) {
        if (decision == null || decision == Moderation.PENDING) {
            throw new InvalidDossierException("decision", "Quyết định phải là APPROVED hoặc REJECTED",
                    "decision must be APPROVED or REJECTED");
        }
        CitizenComment comment = ratings.comment(id).filter(c -> leader.readScope().covers(c.agencyCode()))
                .orElseThrow(() -> new NoRatingTargetException("Không có ý kiến số " + id + " trong phạm vi đơn vị",
                        "No comment " + id + " in your units"));
        ratings.moderate(id, decision, leader.officerId(), now());
        return ratings.comment(comment.id()).orElseThrow();
    }

    /** The satisfaction report: ratings given from..to, grouped, and their total. */
    public record Satisfaction(LocalDate from, LocalDate to, StatisticsGrouping groupBy, List<SatisfactionRow> rows,
                               SatisfactionRow total) {
    }

    public Satisfaction satisfaction(AgencyScope scope, LocalDate from, LocalDate to, StatisticsGrouping grouping) {
        if (to.isBefore(from)) {
            throw new InvalidDossierException("to", "Ngày kết thúc (to) phải sau ngày bắt đầu (from)",
                    "'to' must not be before 'from'");
        }
        List<SatisfactionSums> sums = ratings.satisfaction(scope, from, to, grouping);
        SatisfactionSums total = sums.stream().reduce(new SatisfactionSums("TOTAL", 0, 0, 0, 0, 0), SatisfactionSums::plus);
        return new Satisfaction(from, to, grouping, sums.stream().map(SatisfactionSums::toRow).toList(), total.toRow());
    }

    /** The officer who settled the dossier: who moved it to its final status, else who received it. */
    private String settledBy(Dossier dossier) {
        List<DossierEvent> history = dossiers.history(dossier.code());
        for (int i = history.size() - 1; i >= 0; i--) {
            DossierEvent e = history.get(i);
            if (e.toStatus() == dossier.status() && e.toStatus() != null && e.toStatus().isFinished() && e.actor() != null) {
                return e.actor();
            }
        }
        return dossier.receivedBy();
    }

    private static String text(String comment) {
        if (comment == null || comment.isBlank()) {
            return null;
        }
        String trimmed = comment.strip();
        if (trimmed.length() > CitizenComment.MAX_LENGTH) {
            throw new InvalidDossierException("comment", "Ý kiến dài tối đa " + CitizenComment.MAX_LENGTH + " ký tự",
                    "A comment may be at most " + CitizenComment.MAX_LENGTH + " characters");
        }
        return trimmed;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(WorkingCalendar.VIETNAM);
    }
}
