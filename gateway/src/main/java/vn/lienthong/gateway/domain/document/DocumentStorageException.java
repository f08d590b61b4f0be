package vn.lienthong.gateway.domain.document;

/** The archive or the document register failed; the caller may try again later. */
public class DocumentStorageException extends DocumentException {

    public DocumentStorageException(String vietnamese, String english, Throwable cause) {
        super(vietnamese, english, cause);
    }
}
