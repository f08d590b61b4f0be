package vn.lienthong.gateway.domain.notice;

/** The provider refused the notice for good (SMS API 4xx, SMTP 5xx such as an unknown address): no retry. */
public class PermanentNoticeException extends NoticeDeliveryException {

    private static final long serialVersionUID = 1L;

    public PermanentNoticeException(String message, Throwable cause) {
        super(message, cause);
    }
}
