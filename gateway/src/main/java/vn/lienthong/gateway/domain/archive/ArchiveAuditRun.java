package vn.lienthong.gateway.domain.archive;

import java.time.OffsetDateTime;
import java.util.List;

import vn.lienthong.gateway.domain.run.BackgroundRun;

/**
 * One fixity audit of the whole archive, as its row keeps it: who started it, how far it got, and
 * once finished the counts per outcome and every damaged record.
 *
 * @param finishedAt null while it runs
 * @param untrusted    intact records whose signers the trust anchors do not accept
 * @param trustChecked whether the signers were judged against trust anchors at all
 * @param error      why it failed, when its status is FAILED
 */
public record ArchiveAuditRun(long id, Status status, String startedBy, OffsetDateTime startedAt,
                              OffsetDateTime updatedAt, OffsetDateTime finishedAt, long checked, long total, long bytes,
                              long totalBytes, long ok, long missing, long corrupted, long signatureInvalid,
                              long untrusted, boolean trustChecked, List<DamagedRecord> problems, String error)
        implements BackgroundRun {

    /** Where the audit is. */
    public enum Status { RUNNING, DONE, FAILED }

    public ArchiveAuditRun {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    @Override
    public boolean running() {
        return status == Status.RUNNING;
    }
}
