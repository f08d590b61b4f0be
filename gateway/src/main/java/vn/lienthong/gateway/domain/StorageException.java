package vn.lienthong.gateway.domain;

/** The database failed; the operation's transaction is rolled back and the caller may try again later. */
public class StorageException extends UnavailableException {

    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
