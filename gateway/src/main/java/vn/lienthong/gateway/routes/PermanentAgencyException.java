package vn.lienthong.gateway.routes;

/** Retrying cannot help: 4xx, a SOAP client fault, a reply that breaks the agreed format. */
public class PermanentAgencyException extends AgencyCallException {

    public PermanentAgencyException(String message, Throwable cause) {
        super(message, cause);
    }
}
