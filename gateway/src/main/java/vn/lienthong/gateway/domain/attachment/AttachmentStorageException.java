package vn.lienthong.gateway.domain.attachment;

/**
 * The upload could not be stored: the client stopped sending before the end (its fault, worth
 * sending again), or the disk refused to write (the operators' to fix).
 */
public class AttachmentStorageException extends AttachmentException {

    private final boolean incompleteUpload;

    public AttachmentStorageException(boolean incompleteUpload, String vietnamese, String english, Throwable cause) {
        super(vietnamese, english);
        this.incompleteUpload = incompleteUpload;
        initCause(cause);
    }

    /** True when the request body ended early or broke off; false when the store itself failed. */
    public boolean incompleteUpload() {
        return incompleteUpload;
    }
}
