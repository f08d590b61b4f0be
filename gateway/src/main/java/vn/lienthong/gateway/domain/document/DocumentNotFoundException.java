package vn.lienthong.gateway.domain.document;

import vn.lienthong.gateway.domain.NoSuchRecordException;

/** No such document, or no such archive record. */
public class DocumentNotFoundException extends NoSuchRecordException {

    public DocumentNotFoundException(String what) {
        super("Không tìm thấy tài liệu " + what, "No document " + what);
    }
}
