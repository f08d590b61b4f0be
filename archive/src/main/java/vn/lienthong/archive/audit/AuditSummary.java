package vn.lienthong.archive.audit;

import java.time.Duration;
import java.util.List;
import vn.lienthong.archive.VerifyResult;

/**
 * The outcome of a fixity audit: counts per outcome and every record that is not OK.
 *
 * @param untrusted intact records whose signers the trust anchors do not accept (0 without anchors)
 * @param trustChecked whether the signers were judged against trust anchors at all
 */
public record AuditSummary(long checked, long ok, long missing, long corrupted, long signatureInvalid,
                           long untrusted, boolean trustChecked, long bytes, Duration took,
                           List<VerifyResult> problems) {
    public AuditSummary {
        problems = List.copyOf(problems);
    }

    public boolean clean() {
        return problems.isEmpty();
    }

    @Override
    public String toString() {
        return String.format("checked %d: OK %d, missing %d, corrupted %d, signature invalid %d, %s (%.1f MB in %d ms)",
                checked, ok, missing, corrupted, signatureInvalid,
                trustChecked ? "signer untrusted " + untrusted : "signers' trust not checked (no trust anchor)",
                bytes / 1e6, took.toMillis());
    }
}
