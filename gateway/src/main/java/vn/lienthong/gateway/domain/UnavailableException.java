package vn.lienthong.gateway.domain;

/**
 * Something the gateway needs (the database, the archive, the attachment store, the verifier)
 * cannot serve now; trying again later may work.
 */
public abstract class UnavailableException extends GatewayException {

    private static final long serialVersionUID = 1L;

    protected UnavailableException(String vietnamese, String english, Throwable cause) {
        super(vietnamese, english, cause);
    }

    protected UnavailableException(String english, Throwable cause) {
        super(english, cause);
    }
}
