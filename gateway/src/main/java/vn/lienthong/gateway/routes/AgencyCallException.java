package vn.lienthong.gateway.routes;

/** A call to another agency's system failed; the subclass says whether trying again can help. */
public abstract class AgencyCallException extends RuntimeException {

    protected AgencyCallException(String message, Throwable cause) {
        super(message, cause);
    }
}
