package vn.lienthong.gateway.domain.archive;

import java.time.OffsetDateTime;
import java.util.Optional;

import vn.lienthong.gateway.domain.run.RunHistory;

/** Where fixity audits keep their state, so that any node reports them. */
public interface ArchiveAudits extends RunHistory<ArchiveAuditRun> {

    /**
     * Adds a RUNNING audit unless another one is running (its row updated after {@code staleBefore});
     * answers the new audit, or empty when one runs already.
     */
    Optional<ArchiveAuditRun> start(String startedBy, OffsetDateTime now, OffsetDateTime staleBefore);

    void progress(long id, long checked, long total, long bytes, long totalBytes, OffsetDateTime now);

    /** Records the result of a finished audit (status DONE, counts and damaged records). */
    void finish(ArchiveAuditRun result, OffsetDateTime now);
}
