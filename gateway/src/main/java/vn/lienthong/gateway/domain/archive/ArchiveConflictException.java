package vn.lienthong.gateway.domain.archive;

import vn.lienthong.gateway.domain.RefusedException;

/**
 * The archive's state does not allow the request now: a fixity audit is running already (one at a
 * time, whichever node), or a record to export is damaged in the store.
 */
public class ArchiveConflictException extends RefusedException {

    private static final long serialVersionUID = 1L;

    public ArchiveConflictException(String vietnamese, String english, Throwable cause) {
        super(vietnamese, english, cause);
    }

    public static ArchiveConflictException auditRunning(long running) {
        return new ArchiveConflictException("Đang có một đợt kiểm tra toàn vẹn kho lưu trữ (số " + running
                + "); chờ đợt đó xong rồi chạy lại", "A fixity audit of the archive is running (number " + running
                + "); wait for it to finish", null);
    }

    public static ArchiveConflictException renewalRunning(long running) {
        return new ArchiveConflictException("Đang có một đợt gia hạn chứng cứ lưu trữ (số " + running
                + "); chờ đợt đó xong rồi chạy lại", "A renewal run of the archive is going on (number " + running
                + "); wait for it to finish", null);
    }
}
