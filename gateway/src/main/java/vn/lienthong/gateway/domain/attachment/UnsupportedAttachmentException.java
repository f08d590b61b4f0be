package vn.lienthong.gateway.domain.attachment;

import vn.lienthong.gateway.domain.RefusedException;

/** The content is not one of the accepted scan formats, or is not what the request declared. */
public class UnsupportedAttachmentException extends RefusedException {

    public UnsupportedAttachmentException(String vietnamese, String english) {
        super(vietnamese, english, null);
    }
}
