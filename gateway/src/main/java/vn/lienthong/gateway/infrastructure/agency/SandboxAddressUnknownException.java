package vn.lienthong.gateway.infrastructure.agency;

import vn.lienthong.gateway.domain.GatewayException;

/** The sandbox's address is not known yet: no plain-HTTP request has reached this gateway since it started. */
public class SandboxAddressUnknownException extends GatewayException {

    public SandboxAddressUnknownException(String agencyId) {
        super("The sandbox address for " + agencyId + " is not known until the gateway receives its first plain-HTTP "
                + "request; set lienthong.sandbox.base-url to avoid the wait", null);
    }
}
