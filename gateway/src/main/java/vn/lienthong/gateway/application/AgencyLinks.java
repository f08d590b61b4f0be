package vn.lienthong.gateway.application;

/**
 * The live side of the link to each agency, as the delivery routes hold it: the state of its
 * circuit breaker, and a test call through its connector's configuration.
 */
public interface AgencyLinks {

    /** CLOSED, OPEN, HALF_OPEN, ... as resilience4j names it; NONE when the agency has no breaker (switched off). */
    String breakerState(String agencyId);

    /**
     * A cheap GET to the agency's base URL with its TLS, credentials and timeouts, creating nothing:
     * any answer below 500 means it is reachable.
     */
    TestCall test(String agencyId);

    /** The test call's outcome: the HTTP status (0 when none came back), how long it took, and the error if any. */
    record TestCall(boolean reachable, int status, long millis, String error) {
    }
}
