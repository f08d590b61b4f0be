package vn.lienthong.gateway.domain.document;

import vn.lienthong.gateway.domain.UnavailableException;

/** Every verification slot is taken; the caller may retry after {@link #retryAfterSeconds()}. */
public class VerifierBusyException extends UnavailableException {

    private final long retryAfterSeconds;

    public VerifierBusyException(long retryAfterSeconds) {
        super("Hệ thống đang kiểm tra nhiều tài liệu; vui lòng thử lại sau " + retryAfterSeconds + " giây",
                "All verification slots are busy; retry in " + retryAfterSeconds + " s", null);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
