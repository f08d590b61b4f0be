package vn.lienthong.gateway.domain.attachment;

/** The content is not one of the accepted scan formats, or is not what the request declared. */
public class UnsupportedAttachmentException extends AttachmentException {

    public UnsupportedAttachmentException(String vietnamese, String english) {
        super(vietnamese, english);
    }
}
