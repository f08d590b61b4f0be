package vn.lienthong.gateway.domain.attachment;

import vn.lienthong.gateway.domain.dossier.DossierException;

/** An attachment that cannot be taken as sent, in Vietnamese and in English. */
public abstract class AttachmentException extends DossierException {

    protected AttachmentException(String vietnamese, String english) {
        super(vietnamese, english);
    }
}
