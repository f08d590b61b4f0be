package vn.lienthong.signing;

/** Building or embedding a signature failed for a reason that is not the caller's input. */
public class SignatureCreationException extends SigningException {
    private static final long serialVersionUID = 1L;

    public SignatureCreationException(String message) {
        super(message);
    }

    public SignatureCreationException(String message, Throwable cause) {
        super(message, cause);
    }
}
