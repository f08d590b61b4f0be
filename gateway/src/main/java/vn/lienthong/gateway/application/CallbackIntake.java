package vn.lienthong.gateway.application;

/**
 * Agency callbacks seen from the interfaces: each is applied to its request at most once.
 * Implemented by the callback route, as {@link FlowDriver} is by the flow routes; a failure
 * (an unknown ticket, a result the request no longer waits for) reaches the caller as itself,
 * not wrapped by Camel.
 */
public interface CallbackIntake {

    /** Applies a callback body to the request with this ticket; answers "applied", or "duplicate" for a repeat. */
    String dispatch(String agency, String ticket, String body);
}
