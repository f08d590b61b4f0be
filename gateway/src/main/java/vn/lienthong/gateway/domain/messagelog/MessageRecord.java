package vn.lienthong.gateway.domain.messagelog;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One record of the message log as stored: its place in the chain ({@code id}, gapless from 1),
 * the message, and the SHA-256 over all of it plus the previous record's hash.
 *
 * @param headers the headers as a JSON object with sorted keys ({@link ChainHash#headerText})
 * @param loggedAt when the gateway stored it, to the millisecond (what every database keeps exactly)
 */
public record MessageRecord(long id, MessageKind kind, String agencyId, String messageId, String dossierCode,
                            Integer httpStatus, String headers, String body, Instant loggedAt,
                            String previousHash, String hash) {

    /** The record that follows {@code previousHash} as record {@code id}. */
    public static MessageRecord chain(long id, LoggedMessage m, Instant loggedAt, String previousHash) {
        Instant at = loggedAt.truncatedTo(ChronoUnit.MILLIS);
        String headers = ChainHash.headerText(m.headers());
        return new MessageRecord(id, m.kind(), m.agencyId(), m.messageId(), m.dossierCode(), m.httpStatus(),
                headers, m.body(), at, previousHash, ChainHash.of(id, m.kind(), m.agencyId(), m.messageId(),
                m.dossierCode(), m.httpStatus(), headers, m.body(), at, previousHash));
    }

    /** The hash of the fields as they are now; differs from {@link #hash()} when anything was changed. */
    public String recomputedHash() {
        return ChainHash.of(id, kind, agencyId, messageId, dossierCode, httpStatus, headers, body, loggedAt,
                previousHash);
    }
}
