package vn.lienthong.archive.audit;

import java.time.Duration;
import java.util.List;
import vn.lienthong.archive.VerifyResult;

/** The outcome of a fixity audit: counts per outcome and every record that is not OK. */
public record AuditSummary(long checked, long ok, long missing, long corrupted, long signatureInvalid, long bytes,
                           Duration took, List<VerifyResult> problems) {
    public AuditSummary {
        problems = List.copyOf(problems);
    }

    public boolean clean() {
        return problems.isEmpty();
    }

    @Override
    public String toString() {
        return String.format("checked %d: OK %d, missing %d, corrupted %d, signature invalid %d (%.1f MB in %d ms)",
                checked, ok, missing, corrupted, signatureInvalid, bytes / 1e6, took.toMillis());
    }
}
