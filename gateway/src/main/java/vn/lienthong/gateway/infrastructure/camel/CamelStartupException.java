package vn.lienthong.gateway.infrastructure.camel;

import vn.lienthong.gateway.domain.GatewayException;

/** Camel could not start; the deployment fails rather than run without its routes. */
public class CamelStartupException extends GatewayException {

    public CamelStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
