package vn.lienthong.archive.renewal;

import java.time.Duration;
import java.util.List;

/**
 * What one renewal run found and did.
 *
 * @param dryRun  nothing was written
 * @param checked active records looked at
 * @param due     the records that needed an action, and why (in a dry run: what a run would do)
 * @param done    the actions that were carried out (empty in a dry run)
 * @param failed  the actions that failed, with the reason; the record is unchanged and is tried at the next run
 * @param waiting the records not yet at PAdES-BASELINE-LTA whose validation data is not in (B-B or B-T): the LTA
 *                step waits for it, and takes them at the first run after it came
 * @param took    how long the run took
 */
public record RenewalReport(boolean dryRun, int checked, List<Item> due, List<Item> done, List<Item> failed,
                            List<Item> waiting, Duration took) {

    /** What to do to a record: EXTEND (to PAdES-BASELINE-LTA) or RENEW (a new document time-stamp). */
    public enum Action { EXTEND, RENEW }

    /** One record's action and why. */
    public record Item(String recordId, Action action, String reason) {
    }

    public RenewalReport {
        due = List.copyOf(due);
        done = List.copyOf(done);
        failed = List.copyOf(failed);
        waiting = List.copyOf(waiting);
    }

    /** Documents per second over the run. */
    public double rate() {
        return checked / Math.max(1e-3, took.toNanos() / 1e9);
    }

    @Override
    public String toString() {
        return (dryRun ? "dry run: " : "") + "checked " + checked + ", due " + due.size() + " (extend "
                + due.stream().filter(i -> i.action() == Action.EXTEND).count() + ", renew "
                + due.stream().filter(i -> i.action() == Action.RENEW).count() + "), done " + done.size()
                + ", failed " + failed.size() + ", waiting for validation data " + waiting.size() + " in "
                + took.toMillis() + " ms";
    }
}
