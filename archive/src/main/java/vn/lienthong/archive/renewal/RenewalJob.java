package vn.lienthong.archive.renewal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import vn.lienthong.archive.Archive;
import vn.lienthong.archive.ArchiveException;
import vn.lienthong.archive.ArchiveRecord;
import vn.lienthong.archive.StorageException;
import vn.lienthong.archive.index.SearchQuery;
import vn.lienthong.signing.SigningException;
import vn.lienthong.signing.ltv.ArchiveTimestamp;

/**
 * Keeps archived evidence valid for its whole retention: finds the records whose newest document
 * time-stamp's TSA certificate ends within the policy's margin, or whose imprint digest is on the list
 * to retire, and renews them (fresh validation data and a new document time-stamp, as a new version);
 * records not yet at PAdES-BASELINE-LTA are extended to it once their validation data is in (B-LT).
 * One run at a time per store (a file lock);
 * a dry run only reports. Each action is a ledger entry (EXTEND, RENEW) and so is each run's summary.
 */
public final class RenewalJob {
    private final Archive archive;
    private final RenewalPolicy policy;
    private final Clock clock;
    private final Path lockFile;

    public RenewalJob(Archive archive, RenewalPolicy policy, Clock clock, Path lockFile) {
        this.archive = archive;
        this.policy = policy;
        this.clock = clock;
        this.lockFile = lockFile;
    }

    /** Looks at every active record; renews or extends those due unless {@code dryRun}. */
    public RenewalReport run(String actor, boolean dryRun, Consumer<RenewalProgress> progress) {
        return run(actor, dryRun, SearchQuery.all(), progress);
    }

    /** As {@link #run(String, boolean, Consumer)}, over the active records {@code selection} finds (a dossier's). */
    public RenewalReport run(String actor, boolean dryRun, SearchQuery selection, Consumer<RenewalProgress> progress) {
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = tryLock(channel)) {
            if (lock == null) {
                throw new ArchiveException("Another renewal run holds " + lockFile + "; one run at a time");
            }
            return runLocked(actor, dryRun, selection, progress);
        } catch (IOException e) {
            throw new StorageException("Cannot lock " + lockFile + ": " + e.getMessage(), e);
        }
    }

    private RenewalReport runLocked(String actor, boolean dryRun, SearchQuery selection,
                                    Consumer<RenewalProgress> progress) {
        Instant start = clock.instant();
        long t0 = System.nanoTime();
        List<ArchiveRecord> records = archive.search(selection.withLimit(Integer.MAX_VALUE));
        List<RenewalReport.Item> due = new ArrayList<>();
        List<RenewalReport.Item> done = new ArrayList<>();
        List<RenewalReport.Item> failed = new ArrayList<>();
        List<RenewalReport.Item> waiting = new ArrayList<>();
        int checked = 0;
        for (ArchiveRecord r : records) {
            Optional<RenewalReport.Item> item;
            try {
                item = assess(r, start, waiting);
            } catch (ArchiveException | SigningException e) {
                item = Optional.empty();
                failed.add(new RenewalReport.Item(r.id(), RenewalReport.Action.RENEW, "unreadable: " + e.getMessage()));
            }
            if (item.isPresent()) {
                due.add(item.get());
                if (!dryRun) {
                    try {
                        act(item.get(), actor);
                        done.add(item.get());
                    } catch (ArchiveException | SigningException e) {
                        failed.add(new RenewalReport.Item(r.id(), item.get().action(), e.getMessage()));
                    }
                }
            }
            checked++;
            progress.accept(new RenewalProgress(checked, records.size(), done.size(), failed.size()));
        }
        RenewalReport report = new RenewalReport(dryRun, checked, due, done, failed, waiting,
                Duration.ofNanos(System.nanoTime() - t0));
        if (!dryRun) {
            archive.recordRenewalRun(actor, report.toString() + "; margin=" + policy.margin() + ";weak="
                    + policy.weakDigests() + ";digest=" + policy.digest().jcaName());
        }
        return report;
    }

    /** Whether {@code r} needs an action at {@code now}, and why. */
    public Optional<RenewalReport.Item> due(ArchiveRecord r, Instant now) {
        return assess(r, now, new ArrayList<>());
    }

    /** As {@link #due}; a record the LTA step waits for goes into {@code waiting}. */
    private Optional<RenewalReport.Item> assess(ArchiveRecord r, Instant now, List<RenewalReport.Item> waiting) {
        List<ArchiveTimestamp> stamps = archive.documentTimestamps(r);
        if (stamps.isEmpty()) {
            if (!policy.extendUnarchived()) {
                return Optional.empty();
            }
            // The LTA step comes after the LT step: a paper issued at B-T waits for its own validation data
            // (added by whoever issued it), so that its revocation answers date from near its signing.
            if (!archive.hasValidationData(r)) {
                waiting.add(new RenewalReport.Item(r.id(), RenewalReport.Action.EXTEND,
                        "no validation data yet (B-B or B-T); extended once it is in"));
                return Optional.empty();
            }
            return Optional.of(new RenewalReport.Item(r.id(), RenewalReport.Action.EXTEND, "not yet PAdES-BASELINE-LTA"));
        }
        ArchiveTimestamp newest = stamps.get(stamps.size() - 1);
        if (!newest.tsaNotAfter().minus(policy.margin()).isAfter(now)) {
            return Optional.of(new RenewalReport.Item(r.id(), RenewalReport.Action.RENEW, "the TSA certificate of the"
                    + " newest time-stamp (" + newest.time() + ") ends " + newest.tsaNotAfter() + ", within "
                    + policy.margin().toDays() + " days"));
        }
        if (policy.weakDigests().contains(newest.digest())) {
            return Optional.of(new RenewalReport.Item(r.id(), RenewalReport.Action.RENEW, "the newest time-stamp's"
                    + " digest " + newest.digest().jcaName() + " is to be retired"));
        }
        return Optional.empty();
    }

    private void act(RenewalReport.Item item, String actor) {
        if (item.action() == RenewalReport.Action.EXTEND) {
            archive.extendToArchive(item.recordId(), actor);
        } else {
            archive.renew(item.recordId(), actor, policy.digest(), item.reason());
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }
}
