package vn.lienthong.gateway.domain.document;

import vn.lienthong.gateway.domain.RefusedException;

/** The pages or the PDF cannot be archived as given (unreadable image, unsigned or tampered PDF). */
public class DocumentRefusedException extends RefusedException {

    public DocumentRefusedException(String vietnamese, String english, Throwable cause) {
        super(vietnamese, english, cause);
    }
}
