package vn.lienthong.gateway.infrastructure.messagelog;

import vn.lienthong.gateway.domain.StorageException;

/**
 * The message log could not store or read records. A delivery whose request or response could
 * not be logged fails as transient, so nothing reaches an agency unlogged and the outbox retries.
 */
public class MessageLogException extends StorageException {

    public MessageLogException(String message, Throwable cause) {
        super(message, cause);
    }
}
