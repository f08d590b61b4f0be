package vn.lienthong.gateway.domain.rating;

import java.time.OffsetDateTime;

/**
 * A citizen's comment: with a dossier's rating (then dossier, procedure and officer are those of the
 * dossier) or from the feedback box (about a unit, and a procedure if the citizen named one).
 * Plain text as written; whoever shows it must show it as text.
 */
public record CitizenComment(long id, Source source, String dossierCode, String agencyCode, String procedureCode,
                             String officerId, String text, Moderation moderation, String moderatedBy,
                             OffsetDateTime moderatedAt, OffsetDateTime receivedAt) {

    /** Where the comment came from. */
    public enum Source {
        RATING,
        FEEDBACK
    }

    /** The longest comment kept. */
    public static final int MAX_LENGTH = 2000;
}
