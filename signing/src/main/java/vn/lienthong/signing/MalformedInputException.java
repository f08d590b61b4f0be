package vn.lienthong.signing;

/** The input is not what it claims to be: truncated CMS, garbage DER, unreadable PDF. */
public class MalformedInputException extends SigningException {
    private static final long serialVersionUID = 1L;

    public MalformedInputException(String message) {
        super(message);
    }

    public MalformedInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
