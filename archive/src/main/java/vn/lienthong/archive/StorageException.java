package vn.lienthong.archive;

/** The data directory or the database could not be read or written. */
public class StorageException extends ArchiveException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
