package vn.lienthong.gateway.domain.exchange;

/**
 * Another agency's system as this gateway reaches it: id (also the route and callback path name),
 * display name, electronic agency code, the catalogue agency type it serves, whether it answers
 * asynchronously, whether it is switched on, how delivery retries, and whether its requests carry
 * the dossier's attachments (then intake holds the message until the desk hands the step over,
 * because the scans are attached after the dossier is received).
 */
public record Connector(String id,
                        String name,
                        String agencyCode,
                        String type,
                        boolean asynchronous,
                        boolean enabled,
                        RetrySchedule retry,
                        boolean carriesAttachments) {

    /** A connector whose requests carry no attachments. */
    public Connector(String id, String name, String agencyCode, String type, boolean asynchronous, boolean enabled,
                     RetrySchedule retry) {
        this(id, name, agencyCode, type, asynchronous, enabled, retry, false);
    }
}
