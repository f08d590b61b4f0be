package vn.lienthong.gateway.domain.archive;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Where fixity audits keep their state, so that any node reports them. */
public interface ArchiveAudits {

    /**
     * Adds a RUNNING audit unless another one is running (its row updated after {@code staleBefore});
     * answers the new audit, or empty when one runs already.
     */
    Optional<ArchiveAuditRun> start(String startedBy, OffsetDateTime now, OffsetDateTime staleBefore);

    void progress(long id, long checked, long total, long bytes, long totalBytes, OffsetDateTime now);

    /** Records the result of a finished audit (status DONE, counts and damaged records). */
    void finish(ArchiveAuditRun result, OffsetDateTime now);

    void fail(long id, String error, OffsetDateTime now);

    Optional<ArchiveAuditRun> find(long id);

    /** The latest audits, newest first. */
    List<ArchiveAuditRun> latest(int limit);
}
