package vn.lienthong.gateway.domain.exchange;

/** Where a message to another agency stands in the outbox. */
public enum ExchangeStatus {
    /**
     * Put in the outbox at intake but not sent yet: its request carries the dossier's attachments,
     * which the desk scans after receiving the dossier; the hand-over to the agency releases it.
     */
    HELD,
    /** Waiting for its next delivery attempt. */
    PENDING,
    /** Claimed by the delivery route; released again if the gateway dies before an outcome. */
    IN_FLIGHT,
    /** The agency took the request and gave a ticket; its result comes later by callback. */
    ACCEPTED,
    /** The agency's result is in. */
    DONE,
    /** The agency refused it for good (4xx, SOAP client fault, malformed reply): a person must look. */
    FAILED,
    /** Transient failures exhausted the retries: a dead letter, replayable. */
    DEAD;

    public boolean isDeadLetter() {
        return this == FAILED || this == DEAD;
    }
}
