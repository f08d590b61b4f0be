package vn.lienthong.archive;

/** No archive record has the requested id. */
public class RecordNotFoundException extends ArchiveException {
    public RecordNotFoundException(String id) {
        super("No archive record with id " + id + " / Không tìm thấy bản lưu trữ có mã " + id);
    }
}
