package vn.lienthong.gateway.domain.exchange;

import java.time.OffsetDateTime;
import java.util.UUID;

import vn.lienthong.gateway.domain.dossier.DossierCode;

/**
 * One message from the desk to another agency, as the outbox keeps it: the stable message id the
 * agency de-duplicates on, the payload, and how far delivery has come. A delivery outcome spends an
 * attempt; a callback, a postponement and a replay do not.
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

    /** A transient failure: try again at {@code next}. */
    public AgencyMessage retryAt(OffsetDateTime next, String error, OffsetDateTime now) {
        return delivered(ExchangeStatus.PENDING, ticket, null, error, next, now);
    }

    /** Transient failures used up every attempt: a dead letter. */
    public AgencyMessage dead(String error, OffsetDateTime now) {
        return delivered(ExchangeStatus.DEAD, ticket, null, error, nextAttemptAt, now);
    }

    /** An accepted request's result came by callback. */
    public AgencyMessage doneByCallback(String resultJson, OffsetDateTime now) {
        return with(ExchangeStatus.DONE, attempts, resultJson, null, nextAttemptAt, now);
    }

    /** An accepted request was rejected by callback, for {@code reason}. */
    public AgencyMessage rejectedByCallback(String resultJson, String reason, OffsetDateTime now) {
        return with(ExchangeStatus.FAILED, attempts, resultJson, reason, nextAttemptAt, now);
    }

    /** Not sent now (the agency's circuit is open, its connector off): waits until {@code until}, no attempt spent. */
    public AgencyMessage postponed(OffsetDateTime until, String reason, OffsetDateTime now) {
        return with(ExchangeStatus.PENDING, attempts, result, reason, until, now);
    }

    /** A dead letter goes out again at once with fresh attempts, under the same message id and ticket. */
    public AgencyMessage replayed(OffsetDateTime now) {
        return new AgencyMessage(id, messageId, dossierCode, agencyId, operation, payload, ExchangeStatus.PENDING, 0,
                ticket, null, lastError, now, createdAt, now);
    }

    /** A delivery attempt's outcome: one attempt more. */
    private AgencyMessage delivered(ExchangeStatus s, String t, String r, String error, OffsetDateTime next,
                                    OffsetDateTime now) {
        return new AgencyMessage(id, messageId, dossierCode, agencyId, operation, payload, s, attempts + 1, t, r, error,
                next, createdAt, now);
    }

    private AgencyMessage with(ExchangeStatus s, int a, String r, String error, OffsetDateTime next,
                               OffsetDateTime now) {
        return new AgencyMessage(id, messageId, dossierCode, agencyId, operation, payload, s, a, ticket, r, error, next,
                createdAt, now);
    }
}
