package vn.lienthong.archive.audit;

import java.time.Duration;

/** Where a running fixity audit is: records and bytes done, rate, and estimated time left. */
public record AuditProgress(long checked, long total, long bytes, long totalBytes, double bytesPerSecond,
                            Duration remaining) {
    @Override
    public String toString() {
        return String.format("%d/%d records, %.1f/%.1f MB, %.1f MB/s, ~%ds left", checked, total, bytes / 1e6,
                totalBytes / 1e6, bytesPerSecond / 1e6, remaining.toSeconds());
    }
}
