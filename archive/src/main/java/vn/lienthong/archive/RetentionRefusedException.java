package vn.lienthong.archive;

/** A deletion was refused because retention has not expired or a legal hold is set. */
public class RetentionRefusedException extends ArchiveException {
    public RetentionRefusedException(String message) {
        super(message);
    }
}
