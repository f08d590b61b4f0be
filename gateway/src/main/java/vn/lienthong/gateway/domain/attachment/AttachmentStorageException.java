package vn.lienthong.gateway.domain.attachment;

import vn.lienthong.gateway.domain.UnavailableException;

/** The attachment store could not write or read back an upload: the operators' to fix, the caller's to retry later. */
public class AttachmentStorageException extends UnavailableException {

    private static final long serialVersionUID = 1L;

    public AttachmentStorageException(String vietnamese, String english, Throwable cause) {
        super(vietnamese, english, cause);
    }
}
