package vn.lienthong.gateway.domain.notice;

/** The provider could not take the notice now (refused connection, timeout, 5xx, SMTP 4xx): retry later. */
public class TransientNoticeException extends NoticeDeliveryException {

    private static final long serialVersionUID = 1L;

    public TransientNoticeException(String message, Throwable cause) {
        super(message, cause);
    }
}
