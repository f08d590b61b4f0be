package vn.lienthong.gateway.domain.document;

/** No such document, or no such archive record. */
public class DocumentNotFoundException extends DocumentException {

    public DocumentNotFoundException(String what) {
        super("Không tìm thấy tài liệu " + what, "No document " + what, null);
    }
}
