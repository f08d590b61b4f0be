package vn.lienthong.gateway.application;

/**
 * Agency callbacks seen from the interfaces: each is applied to its request at most once.
 * Implemented by the callback route, as {@link FlowDriver} is by the flow routes; a failure
 * reaches the caller as itself (the exchange family), not wrapped by Camel.
 */
public interface CallbackIntake {

    /** Applies a callback body to the request with this ticket; answers "applied", or "duplicate" for a repeat. */
    String dispatch(String agency, String ticket, String body);
}
