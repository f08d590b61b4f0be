package vn.lienthong.signing;

/** A key source could not be opened or refused to sign (wrong PIN, missing alias, token gone). */
public class KeyAccessException extends SigningException {
    private static final long serialVersionUID = 1L;

    public KeyAccessException(String message) {
        super(message);
    }

    public KeyAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
