package vn.lienthong.gateway.domain.document;

import vn.lienthong.gateway.domain.UnavailableException;

/** The archive or the document register failed; the caller may try again later. */
public class DocumentStorageException extends UnavailableException {

    public DocumentStorageException(String vietnamese, String english, Throwable cause) {
        super(vietnamese, english, cause);
    }
}
