package vn.lienthong.gateway.application.event;

/**
 * A message in the outbox is due now: queued at intake or by a flow step, handed over by an
 * officer, or replayed. Fired in the transaction that wrote it; an observer that waits for the
 * commit ({@code during = AFTER_SUCCESS}) can start the delivery at once instead of at the next poll.
 *
 * @param messageId the message's stable id
 * @param agencyId  the connector that will carry it
 */
public record OutboxMessageDue(String messageId, String agencyId) {
}
