package vn.lienthong.archive;

/** Stored data does not match what was recorded: a blob, the ledger or a signature was altered. */
public class IntegrityException extends ArchiveException {
    public IntegrityException(String message) {
        super(message);
    }
}
