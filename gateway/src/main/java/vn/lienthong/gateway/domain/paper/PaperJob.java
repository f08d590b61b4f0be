package vn.lienthong.gateway.domain.paper;

import java.time.OffsetDateTime;

import vn.lienthong.gateway.domain.document.DocumentKind;
import vn.lienthong.gateway.domain.dossier.DossierCode;

/**
 * One paper of a dossier to render, sign twice and archive: a result (source = the agency message
 * id), form 01 ("form-01") or form 06 ("form-06").
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
                       OffsetDateTime updatedAt) {

    /** Source of the intake receipt, form 01. */
    public static final String FORM_01 = "form-01";
    /** Source of the tracking sheet, form 06. */
    public static final String FORM_06 = "form-06";

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
