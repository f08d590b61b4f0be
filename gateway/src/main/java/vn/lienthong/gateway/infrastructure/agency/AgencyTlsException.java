package vn.lienthong.gateway.infrastructure.agency;

import vn.lienthong.gateway.domain.GatewayException;

/**
 * A truststore or client keystore for an agency is misconfigured (missing file, wrong password,
 * unknown alias). The message names the configuration key to fix; deliveries to that agency wait
 * (transient) until the operator fixes it and restarts.
 */
public class AgencyTlsException extends GatewayException {

    public AgencyTlsException(String message, Throwable cause) {
        super("Cấu hình TLS sai / TLS misconfiguration: " + message, cause);
    }
}
