package vn.lienthong.gateway.domain.notice;

/** A notice could not be handed to its provider; the subclass says whether trying again may help. */
public abstract class NoticeDeliveryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected NoticeDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
