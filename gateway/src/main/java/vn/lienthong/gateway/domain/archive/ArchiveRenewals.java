package vn.lienthong.gateway.domain.archive;

import java.time.OffsetDateTime;
import java.util.Optional;

import vn.lienthong.gateway.domain.run.RunHistory;

/** Where the renewal job's runs keep their state and history, so that any node reports them. */
public interface ArchiveRenewals extends RunHistory<ArchiveRenewalRun> {

    /**
     * Adds a RUNNING run unless another one is running (its row updated after {@code staleBefore});
     * answers the new run, or empty when one runs already.
     */
    Optional<ArchiveRenewalRun> start(String startedBy, String node, boolean dryRun, String dossierCode,
                                      OffsetDateTime now, OffsetDateTime staleBefore);

    /** How far a running run is: records checked of the total, actions failed so far. */
    void progress(long id, long checked, long total, long failed, OffsetDateTime now);

    /** Records the result of a finished run (status DONE, counts and actions). */
    void finish(ArchiveRenewalRun result, OffsetDateTime now);
}
