package vn.lienthong.gateway.domain.exchange;

import java.time.OffsetDateTime;
import java.util.UUID;

import vn.lienthong.gateway.domain.dossier.DossierCode;

/**
 * One message from the desk to another agency, as the outbox keeps it: the stable message id the
 * agency de-duplicates on, the payload, and how far delivery has come. Attempts are counted by the
 * outbox when it claims a message for delivery; the transitions here carry them unchanged, except a
 * replay, which starts afresh. Retries, dead letters and postponements are the outbox's.
 */
public record AgencyMessage(long id,
                            String messageId,
                            DossierCode dossierCode,
                            String agencyId,
                            String operation,
                            String payload,
                            ExchangeStatus status,
                            int attempts,
                            String ticket,
                            String result,
                            String lastError,
                            OffsetDateTime nextAttemptAt,
                            OffsetDateTime createdAt,
                            OffsetDateTime updatedAt) {

    /** A new message with a fresh message id, due at once. */
    public static AgencyMessage due(DossierCode dossierCode, String agencyId, String operation, String payload,
                                    OffsetDateTime now) {
        return create(dossierCode, agencyId, operation, payload, ExchangeStatus.PENDING, now);
    }

    /** A new message that waits for the attachments its request carries; {@link #released} sends it. */
    public static AgencyMessage held(DossierCode dossierCode, String agencyId, String operation, String payload,
                                     OffsetDateTime now) {
        return create(dossierCode, agencyId, operation, payload, ExchangeStatus.HELD, now);
    }

    private static AgencyMessage create(DossierCode dossierCode, String agencyId, String operation, String payload,
                                        ExchangeStatus status, OffsetDateTime now) {
        return new AgencyMessage(0, UUID.randomUUID().toString(), dossierCode, agencyId, operation, payload, status,
                0, null, null, null, now, now, now);
    }

    /** A held message leaves, with the request as it stands now (the attachments it has by now). */
    public AgencyMessage released(String currentPayload, OffsetDateTime now) {
        return new AgencyMessage(id, messageId, dossierCode, agencyId, operation, currentPayload, ExchangeStatus.PENDING,
                0, null, null, null, now, createdAt, now);
    }

    /** The agency took the request; its result follows by callback under {@code agencyTicket}. */
    public AgencyMessage accepted(String agencyTicket, OffsetDateTime now) {
        return delivered(ExchangeStatus.ACCEPTED, agencyTicket, null, null, nextAttemptAt, now);
    }

    /** The agency answered the delivery with its result. */
    public AgencyMessage done(String resultJson, OffsetDateTime now) {
        return delivered(ExchangeStatus.DONE, ticket, resultJson, null, nextAttemptAt, now);
    }

    /** The agency refused the delivery for good (4xx, SOAP client fault, malformed reply): no retry would help. */
    public AgencyMessage failedForGood(String reason, OffsetDateTime now) {
        return delivered(ExchangeStatus.FAILED, ticket, null, reason, nextAttemptAt, now);
    }

    /** An accepted request's result came by callback. */
    public AgencyMessage doneByCallback(String resultJson, OffsetDateTime now) {
        return delivered(ExchangeStatus.DONE, ticket, resultJson, null, nextAttemptAt, now);
    }

    /** An accepted request was rejected by callback, for {@code reason}. */
    public AgencyMessage rejectedByCallback(String resultJson, String reason, OffsetDateTime now) {
        return delivered(ExchangeStatus.FAILED, ticket, resultJson, reason, nextAttemptAt, now);
    }

    /**
     * An accepted request whose callback did not come in time: a dead letter ({@code DEAD}) with
     * {@code reason}, which an officer replays (the agency de-duplicates on the message id).
     */
    public AgencyMessage noCallback(String reason, OffsetDateTime now) {
        return delivered(ExchangeStatus.DEAD, ticket, null, reason, nextAttemptAt, now);
    }

    /** A dead letter goes out again at once with fresh attempts, under the same message id and ticket. */
    public AgencyMessage replayed(OffsetDateTime now) {
        return new AgencyMessage(id, messageId, dossierCode, agencyId, operation, payload, ExchangeStatus.PENDING, 0,
                ticket, null, lastError, now, createdAt, now);
    }

    private AgencyMessage delivered(ExchangeStatus s, String t, String r, String error, OffsetDateTime next,
                                    OffsetDateTime now) {
        return new AgencyMessage(id, messageId, dossierCode, agencyId, operation, payload, s, attempts, t, r, error,
                next, createdAt, now);
    }
}
