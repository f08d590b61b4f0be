package vn.lienthong.gateway.domain.paper;

import java.time.OffsetDateTime;

import vn.lienthong.gateway.domain.document.DocumentKind;
import vn.lienthong.gateway.domain.dossier.DossierCode;

/**
 * One paper of a dossier to render, sign twice and archive: a result (source = the agency message
 * id), form 01 ("form-01"), form 06 ("form-06"), or a desk decision's form 02 to 05 (see
 * {@link #deskSource}), which carries the {@link DeskDecision} it states. Or the long-term update of
 * a paper issued at PAdES-BASELINE-T because no revocation data could be had when it was signed
 * (see {@link #longTermSource}): its validation data added to the archived paper later.
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

    /** What the source of a paper's long-term update starts with. */
    static final String LONG_TERM = "lt:";

    /**
     * The source of the long-term update of the paper made from {@code paperSource}, e.g. "lt:form-01":
     * a job of its own, retried until the revocation data can be had, that never holds the paper back.
     */
    public static String longTermSource(String paperSource) {
        return LONG_TERM + paperSource;
    }

    /** Whether this job adds validation data to an archived paper rather than making one. */
    public boolean longTermUpdate() {
        return source.startsWith(LONG_TERM);
    }

    /** The source of the paper this job makes, or whose validation data it adds. */
    public String paperSource() {
        return longTermUpdate() ? source.substring(LONG_TERM.length()) : source;
    }

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
        /** Signed and deposited (a long-term update: its validation data added and deposited). */
        DONE,
        /** Gave up after the configured attempts; {@code lastError} says why. */
        FAILED
    }
}
