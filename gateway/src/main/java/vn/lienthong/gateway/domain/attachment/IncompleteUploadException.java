package vn.lienthong.gateway.domain.attachment;

import vn.lienthong.gateway.domain.RefusedException;

/** The client stopped sending before the end of the file, or sent less than it declared: worth sending again. */
public class IncompleteUploadException extends RefusedException {

    private static final long serialVersionUID = 1L;

    public IncompleteUploadException(String vietnamese, String english, Throwable cause) {
        super(vietnamese, english, cause);
    }
}
