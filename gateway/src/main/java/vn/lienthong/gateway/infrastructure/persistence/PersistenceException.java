package vn.lienthong.gateway.infrastructure.persistence;

/** The database failed; the operation's transaction is rolled back. */
public class PersistenceException extends RuntimeException {

    public PersistenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
