package vn.lienthong.gateway.domain.notice;

import vn.lienthong.gateway.domain.GatewayException;

/** A notice could not be handed to its provider; the subclass says whether trying again may help. */
public abstract class NoticeDeliveryException extends GatewayException {

    private static final long serialVersionUID = 1L;

    protected NoticeDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
