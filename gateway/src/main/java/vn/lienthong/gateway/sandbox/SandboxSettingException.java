package vn.lienthong.gateway.sandbox;

import vn.lienthong.gateway.domain.GatewayException;

/** A sandbox setting the gateway cannot start with. */
public class SandboxSettingException extends GatewayException {

    private static final long serialVersionUID = 1L;

    public SandboxSettingException(String message) {
        super(message, null);
    }
}
