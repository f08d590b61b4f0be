package vn.lienthong.gateway.domain.document;

import vn.lienthong.gateway.domain.RefusedException;

/**
 * The bytes start like a PDF but cannot be verified safely: malformed structure, a decompression
 * bomb, nesting too deep, or parsing that ran out of its time. The caller gets a 422 with the reason.
 */
public class UnverifiableDocumentException extends RefusedException {

    public UnverifiableDocumentException(String vietnamese, String english, Throwable cause) {
        super(vietnamese, english, cause);
    }
}
