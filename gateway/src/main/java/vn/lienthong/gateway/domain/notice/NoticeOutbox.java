package vn.lienthong.gateway.domain.notice;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

import vn.lienthong.gateway.domain.dossier.DossierCode;
import vn.lienthong.gateway.domain.exchange.RetrySchedule;

/**
 * The transactional outbox of citizen notices. {@link #add} joins the caller's transaction, so a
 * notice exists exactly when the dossier change that caused it is committed.
 */
public interface NoticeOutbox {

    /** Stores the notice unless one for the same dossier, event and channel exists; true when stored. */
    boolean add(CitizenNotice notice);

    /**
     * Claims up to {@code limit} due notices of one channel (pending and due, or in flight past their
     * lease); each claim spends an attempt and commits on its own, outside any caller transaction.
     */
    List<CitizenNotice> claimDue(NoticeChannel channel, OffsetDateTime now, OffsetDateTime leaseUntil, int limit);

    /**
     * A claimed notice was not sent for a transient reason: due again after the schedule's backoff,
     * or DEAD once its attempts are spent. Answers the notice as stored.
     */
    CitizenNotice retryLater(CitizenNotice notice, RetrySchedule retries, DoubleSupplier random, String error,
                             OffsetDateTime now);

    Optional<CitizenNotice> find(String noticeId);

    /** Stores the notice's status, error and next attempt, and ends its lease. */
    void update(CitizenNotice notice);

    /** Newest first; a null status lists every status. */
    List<CitizenNotice> list(NoticeStatus status, int limit);

    List<CitizenNotice> ofDossier(DossierCode code);
}
