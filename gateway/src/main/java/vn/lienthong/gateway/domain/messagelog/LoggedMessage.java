package vn.lienthong.gateway.domain.messagelog;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One message to be kept in the log, before it has a place in the chain.
 *
 * @param agencyId    the connector id (civil-status, social-insurance, ...); null for the log's own records
 * @param messageId   the stable message id the agency de-duplicates on (X-Request-Id or the SOAP header)
 * @param dossierCode the dossier the message is about, when known
 * @param httpStatus  the HTTP status of a response; null for requests and callbacks
 * @param headers     header names (lower-cased, sorted) with their values as sent or received
 * @param body        the body as is (a NUL shown as U+2400): evidence, so personal data is kept, and never logged
 */
public record LoggedMessage(MessageKind kind, String agencyId, String messageId, String dossierCode,
                            Integer httpStatus, SortedMap<String, String> headers, String body) {

    public LoggedMessage {
        Objects.requireNonNull(kind, "kind");
        SortedMap<String, String> normalized = new TreeMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> {
                if (name != null && value != null) {
                    normalized.merge(storable(name.toLowerCase(Locale.ROOT)), storable(value), (a, b) -> a + ", " + b);
                }
            });
        }
        headers = java.util.Collections.unmodifiableSortedMap(normalized);
        body = body == null ? "" : storable(body);
    }

    /**
     * The text as stored: a NUL character, which PostgreSQL text cannot hold, is kept as U+2400
     * (the visible symbol for NUL), so that a broken agency message is recorded rather than refused.
     */
    static String storable(String text) {
        return text.indexOf('\u0000') < 0 ? text : text.replace('\u0000', '\u2400');
    }

    public static LoggedMessage of(MessageKind kind, String agencyId, String messageId, String dossierCode,
                                   Integer httpStatus, Map<String, String> headers, String body) {
        return new LoggedMessage(kind, agencyId, messageId, dossierCode, httpStatus,
                headers == null ? null : new TreeMap<>(headers), body);
    }
}
