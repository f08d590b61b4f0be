package vn.lienthong.gateway.domain.paper;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

import vn.lienthong.gateway.domain.document.DocumentKind;
import vn.lienthong.gateway.domain.dossier.DossierCode;

/** The papers still to make, as durable jobs; calls join the caller's transaction when there is one. */
public interface PaperJobs {

    /** Adds a job due now; a second request for the same (dossier, source) is ignored. Answers whether it was added. */
    default boolean request(DossierCode code, DocumentKind kind, String source, OffsetDateTime now) {
        return request(code, kind, source, null, now);
    }

    /** The same, for a paper that states a desk decision (forms 02 to 05); {@code decision} may be null. */
    boolean request(DossierCode code, DocumentKind kind, String source, DeskDecision decision, OffsetDateTime now);

    /**
     * Claims up to {@code limit} jobs that are due, or whose claim expired (the worker died), until
     * {@code claimUntil}; each claim spends an attempt. A job is claimed by one caller only, whichever
     * database.
     */
    List<PaperJob> claimDue(OffsetDateTime now, OffsetDateTime claimUntil, int limit);

    void done(PaperJob job, OffsetDateTime now);

    /**
     * Records a failed attempt of a claimed job: FAILED for good once its attempts reached
     * {@code maxAttempts}, else due again after {@code backoff} of its attempts. Answers the job as
     * stored; unchanged when its claim expired and was taken over.
     */
    PaperJob failed(PaperJob job, String error, int maxAttempts, IntFunction<Duration> backoff, OffsetDateTime now);

    /**
     * Whether any paper of the dossier is not done yet (pending, claimed or failed). A pending
     * long-term update does not count: its paper is issued already.
     */
    boolean pending(DossierCode code);

    Optional<PaperJob> find(DossierCode code, String source);
}
