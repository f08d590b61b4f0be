package vn.lienthong.gateway.routes;

/** Worth retrying: refused connection, timeout, 502/503/504, a SOAP server fault. */
public class TransientAgencyException extends AgencyCallException {

    public TransientAgencyException(String message, Throwable cause) {
        super(message, cause);
    }
}
