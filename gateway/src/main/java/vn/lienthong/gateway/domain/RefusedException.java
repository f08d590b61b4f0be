package vn.lienthong.gateway.domain;

/** The request cannot be done as sent (a rule, a limit, a state, a missing proof); the caller must change it. */
public abstract class RefusedException extends GatewayException {

    private static final long serialVersionUID = 1L;

    protected RefusedException(String vietnamese, String english, Throwable cause) {
        super(vietnamese, english, cause);
    }
}
