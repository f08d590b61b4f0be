package vn.lienthong.gateway.infrastructure.agency;

/** The sandbox's address is not known yet: no plain-HTTP request has reached this gateway since it started. */
public class SandboxAddressUnknownException extends RuntimeException {

    public SandboxAddressUnknownException(String agencyId) {
        super("The sandbox address for " + agencyId + " is not known until the gateway receives its first plain-HTTP "
                + "request; set lienthong.sandbox.base-url to avoid the wait");
    }
}
