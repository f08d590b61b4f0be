package vn.lienthong.gateway.routes;

import vn.lienthong.gateway.domain.GatewayException;

/** A call to another agency's system failed; the subclass says whether trying again can help. */
public abstract class AgencyCallException extends GatewayException {

    protected AgencyCallException(String message, Throwable cause) {
        super(message, cause);
    }
}
