package vn.lienthong.gateway.domain.exchange;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

import vn.lienthong.gateway.domain.dossier.DossierCode;

/**
 * The transactional outbox of messages to other agencies. Writes join the caller's transaction,
 * so a message exists exactly when the dossier change that caused it is committed.
 */
public interface Outbox {

    void add(AgencyMessage message);

    /**
     * Claims up to {@code limit} messages that are due (pending and due, or in flight past their
     * lease), marking them in flight until {@code leaseUntil}; each claim spends an attempt. The
     * claim commits on its own, outside any caller transaction. Answers the messages as claimed.
     */
    List<AgencyMessage> claimDue(OffsetDateTime now, OffsetDateTime leaseUntil, int limit);

    /**
     * A claimed message's delivery failed for a transient reason: due again after the schedule's
     * backoff, or a DEAD letter once its attempts are spent. Answers the message as stored.
     */
    AgencyMessage retryLater(AgencyMessage message, RetrySchedule retries, DoubleSupplier random, String error,
                             OffsetDateTime now);

    /** A claimed message not tried (circuit open, connector off): pending until {@code until}, no attempt spent. */
    void handBack(AgencyMessage message, OffsetDateTime until, String reason, OffsetDateTime now);

    Optional<AgencyMessage> find(String messageId);

    Optional<AgencyMessage> findById(long id);

    /** Reads and locks the message until the transaction ends. */
    Optional<AgencyMessage> findForUpdate(String messageId);

    Optional<AgencyMessage> findByTicket(String agencyId, String ticket);

    /** Stores the message's new status, attempts, ticket, result, error, next attempt and payload. */
    void update(AgencyMessage message);

    List<AgencyMessage> ofDossier(DossierCode code);

    /** Whether the dossier has messages and every one of them is {@link ExchangeStatus#DONE}. */
    default boolean allDone(DossierCode code) {
        List<AgencyMessage> messages = ofDossier(code);
        return !messages.isEmpty() && messages.stream().allMatch(m -> m.status() == ExchangeStatus.DONE);
    }

    List<AgencyMessage> deadLetters(int limit);

    /**
     * Up to {@code limit} accepted requests whose callback has not come since before {@code cutoff}
     * (accepted before it), oldest first.
     */
    List<AgencyMessage> acceptedBefore(OffsetDateTime cutoff, int limit);
}
