package vn.lienthong.archive;

/** Root of the archive module's exceptions; every failure the archive reports is one of these. */
public class ArchiveException extends RuntimeException {
    public ArchiveException(String message) {
        super(message);
    }

    public ArchiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
