package vn.lienthong.gateway.domain.paper;

import vn.lienthong.gateway.domain.GatewayException;

/** A paper could not be made: its data, its keys, rendering or signing failed. */
public class PaperException extends GatewayException {

    public PaperException(String message, Throwable cause) {
        super(message, cause);
    }
}
