package vn.lienthong.gateway.domain;

/**
 * The root of every exception the gateway throws, with its reason in Vietnamese and in English.
 * Those a caller can be answered with are in one of three branches: {@link RefusedException} (the
 * request cannot be done as sent), {@link NoSuchRecordException} (it names something that does not
 * exist) and {@link UnavailableException} (try again later). The others (agency calls, notice
 * delivery, start-up, data files, papers) are read by operators and say it in English only.
 */
public abstract class GatewayException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String vietnamese;

    protected GatewayException(String vietnamese, String english, Throwable cause) {
        super(english, cause);
        this.vietnamese = vietnamese;
    }

    /** For failures only operators read: the English text stands for both. */
    protected GatewayException(String english, Throwable cause) {
        this(english, english, cause);
    }

    public String vietnamese() {
        return vietnamese;
    }

    public String english() {
        return getMessage();
    }
}
