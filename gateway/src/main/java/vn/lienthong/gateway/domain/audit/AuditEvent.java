package vn.lienthong.gateway.domain.audit;

import java.time.OffsetDateTime;

/**
 * One call in the audit trail: who (officer, roles, agency), what (method and path), when, and
 * how it ended (the HTTP status and its class).
 *
 * @param actor     the token's officer, {@code agency:<id>} for an agency callback, or null when anonymous
 * @param action    the HTTP method
 * @param target    the path called, with its query string
 * @param outcome   SUCCESS (2xx/3xx), DENIED (401/403), REFUSED (other 4xx) or ERROR (5xx)
 * @param client    the caller's network address
 * @param requestId the caller's X-Request-Id, when it sent one
 */
public record AuditEvent(long id, OffsetDateTime occurredAt, String actor, String roles, String agencyCode,
                         String action, String target, int status, String outcome, String client, String requestId) {

    /** The outcome class of an HTTP status. */
    public static String outcomeOf(int status) {
        if (status == 401 || status == 403) {
            return "DENIED";
        }
        if (status >= 500) {
            return "ERROR";
        }
        return status >= 400 ? "REFUSED" : "SUCCESS";
    }
}
