package vn.lienthong.gateway.domain.paper;

import java.time.OffsetDateTime;

import vn.lienthong.gateway.domain.document.DocumentKind;
import vn.lienthong.gateway.domain.dossier.DossierCode;

/**
 * One paper of a dossier to render, sign twice and archive: a result (source = the agency message
 * id), form 01 ("form-01"), form 06 ("form-06"), or a desk decision's form 02 to 05 (see
 * {@link #deskSource}), which carries the {@link DeskDecision} it states.
 */
public record PaperJob(long id,
                       DossierCode dossierCode,
                       DocumentKind kind,
                       String source,
                       Status status,
                       int attempts,
                       String lastError,
                       OffsetDateTime nextAttemptAt,
                       OffsetDateTime claimedUntil,
                       OffsetDateTime createdAt,
                       OffsetDateTime updatedAt,
                       DeskDecision decision) {

    /** Source of the intake receipt, form 01. */
    public static final String FORM_01 = "form-01";
    /** Source of the tracking sheet, form 06. */
    public static final String FORM_06 = "form-06";

    /**
     * The source of a desk decision's form: "form-03" and "form-05" happen once per dossier (the
     * dossier ends); a supplement request (02) and a new date (04) can come again, so theirs carries
     * the moment, e.g. "form-02@2026-10-08T02:15:00.123Z".
     */
    public static String deskSource(DocumentKind kind, OffsetDateTime at) {
        return switch (kind) {
            case FORM_02, FORM_04 -> kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "@"
                    + at.toInstant();
            case FORM_03, FORM_05 -> kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            default -> throw new IllegalArgumentException(kind + " is not a desk decision's form");
        };
    }

    /** Where a job is. */
    public enum Status {
        /** Waiting for its next attempt. */
        PENDING,
        /** Claimed by a worker until {@code claimedUntil}; claimable again after it (the worker died). */
        CLAIMED,
        /** Signed and deposited. */
        DONE,
        /** Gave up after the configured attempts; {@code lastError} says why. */
        FAILED
    }
}
