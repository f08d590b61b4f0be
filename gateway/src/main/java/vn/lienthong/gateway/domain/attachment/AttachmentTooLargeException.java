package vn.lienthong.gateway.domain.attachment;

import vn.lienthong.gateway.domain.RefusedException;

/** The file is longer than the per-file limit. */
public class AttachmentTooLargeException extends RefusedException {

    private final long limit;

    public AttachmentTooLargeException(long limit) {
        super("Tệp đính kèm vượt quá giới hạn " + limit + " byte (" + limit / (1024 * 1024) + " MiB); "
                        + "chia bản scan thành nhiều tệp hoặc giảm độ phân giải",
                "The attachment exceeds the limit of " + limit + " bytes (" + limit / (1024 * 1024) + " MiB); "
                        + "split the scan into several files or lower its resolution", null);
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
