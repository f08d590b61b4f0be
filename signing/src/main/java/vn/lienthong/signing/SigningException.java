package vn.lienthong.signing;

/** Root of the signing module's exceptions; each subtype says which side was at fault. */
public class SigningException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SigningException(String message) {
        super(message);
    }

    public SigningException(String message, Throwable cause) {
        super(message, cause);
    }
}
