package vn.lienthong.signing;

/** The time-stamp authority could not be reached or answered with something unusable. */
public class TimestampException extends SigningException {
    private static final long serialVersionUID = 1L;

    public TimestampException(String message) {
        super(message);
    }

    public TimestampException(String message, Throwable cause) {
        super(message, cause);
    }
}
