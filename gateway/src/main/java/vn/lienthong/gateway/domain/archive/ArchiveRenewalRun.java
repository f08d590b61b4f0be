package vn.lienthong.gateway.domain.archive;

import java.time.OffsetDateTime;
import java.util.List;

import vn.lienthong.gateway.domain.run.BackgroundRun;

/**
 * One run of the archive's renewal job (the LTA step and time-stamp renewal), as its row keeps it:
 * who started it, on which node, how far it got, and once finished what it extended, renewed or
 * failed to (a dry run: what it would do).
 *
 * @param dossierCode the dossier the run was limited to; null: every archived record
 * @param startedBy the auditor who asked, or "scheduler"
 * @param node      the gateway node that ran it (the run-once lease holder for scheduled runs)
 * @param actions   the first actions, in order; the archive's ledger has them all
 * @param finishedAt null while it runs
 * @param error     why it failed, when its status is FAILED
 */
public record ArchiveRenewalRun(long id, Status status, boolean dryRun, String dossierCode, String startedBy, String node,
                                OffsetDateTime startedAt, OffsetDateTime updatedAt, OffsetDateTime finishedAt,
                                long checked, long total, long extended, long renewed, long failed,
                                List<Action> actions, String error) implements BackgroundRun {

    /** Where the run is. */
    public enum Status { RUNNING, DONE, FAILED }

    /**
     * One record acted on: EXTEND (brought to PAdES-BASELINE-LTA), RENEW (a new document time-stamp),
     * or FAILED (tried again at the next run), and why.
     */
    public record Action(String kind, String recordId, String reason) {
    }

    public ArchiveRenewalRun {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    @Override
    public boolean running() {
        return status == Status.RUNNING;
    }
}
