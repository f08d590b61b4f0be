package vn.lienthong.gateway.domain.exchange;

/**
 * Another agency's system as this gateway reaches it: id (also the route and callback path name),
 * display name, electronic agency code, the catalogue agency type it serves, whether it answers
 * asynchronously, whether it is switched on, and how delivery retries.
 */
public record Connector(String id,
                        String name,
                        String agencyCode,
                        String type,
                        boolean asynchronous,
                        boolean enabled,
                        RetrySchedule retry) {
}
