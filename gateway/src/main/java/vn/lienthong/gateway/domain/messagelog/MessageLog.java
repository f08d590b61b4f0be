package vn.lienthong.gateway.domain.messagelog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The tamper-evident log of every message exchanged with other agencies: a hash chain of
 * records whose head is signed in batches; old records leave under the retention setting.
 */
public interface MessageLog {

    /** Stores the message as the next record of the chain; returns once it is durable. */
    MessageRecord append(LoggedMessage message);

    /** Signs the records not yet covered by a batch, if any. */
    Optional<SignedBatch> seal();

    /**
     * Purges records older than {@code cutoff}, whole signed batches only, leaving a signed anchor
     * where the chain now starts and a PURGE record in the chain; empty when nothing was old enough.
     */
    Optional<PurgeAnchor> purge(Instant cutoff);

    /** Recomputes the chain and checks every batch signature. */
    Verification verify();

    List<MessageRecord> find(MessageLogQuery query);
}
