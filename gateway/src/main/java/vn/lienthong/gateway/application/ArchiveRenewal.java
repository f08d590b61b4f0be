package vn.lienthong.gateway.application;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.lienthong.archive.ArchiveRecord;
import vn.lienthong.archive.RecordVersion;
import vn.lienthong.archive.index.SearchQuery;
import vn.lienthong.archive.renewal.RenewalReport;
import vn.lienthong.gateway.domain.archive.ArchiveConflictException;
import vn.lienthong.gateway.domain.archive.ArchiveRenewalRun;
import vn.lienthong.gateway.domain.archive.ArchiveRenewals;
import vn.lienthong.gateway.domain.document.DocumentNotFoundException;
import vn.lienthong.gateway.domain.document.DossierDocuments;
import vn.lienthong.gateway.domain.dossier.DossierCode;

/**
 * Keeps the archive's evidence valid: the LTA step (every archived document whose validation data is
 * in gets a document time-stamp over it, PAdES-BASELINE-LTA) and the renewal of time-stamps whose TSA
 * certificate or digest nears its end, each a new version of the record; the dossier's document list
 * follows the newest version. Scheduled on the node holding the run-once lease, or asked for by an
 * auditor (also as a dry run, which writes nothing); one run at a time across nodes (the RUNNING row),
 * its progress and result in the database. Runs on the gateway's clock, so the demo clock moves it.
 */
@ApplicationScoped
public class ArchiveRenewal {

    private static final Logger LOG = Logger.getLogger(ArchiveRenewal.class.getName());
    static final String SCHEDULER = "scheduler";
    /** What one run's row keeps of its actions; the archive's ledger has them all. */
    static final int ACTIONS_KEPT = 500;

    @Inject
    ArchiveHoldings holdings;

    @Inject
    ArchiveRenewals renewals;

    @Inject
    DossierDocuments documents;

    @Inject
    Clock clock;

    @Resource
    ManagedThreadFactory threads;

    /** A running run whose row has not moved for this long was left by a node that stopped. */
    @Inject
    @ConfigProperty(name = "lienthong.archive.renewal.stale-minutes", defaultValue = "10")
    long staleMinutes;

    /** How often a running run writes its progress to its row, in milliseconds. */
    @Inject
    @ConfigProperty(name = "lienthong.archive.audit.progress-ms", defaultValue = "250")
    long progressMs;

    private final String node = ManagementFactory.getRuntimeMXBean().getName();

    /** The runs in the background: one thread per node for runs an auditor asks for, one run across nodes. */
    private BackgroundRuns<ArchiveRenewalRun> runs;

    /** For CDI. */
    public ArchiveRenewal() {
    }

    /** For tests outside the container: runs on the caller's thread when {@code threads} is null. */
    public ArchiveRenewal(ArchiveHoldings holdings, ArchiveRenewals renewals, DossierDocuments documents, Clock clock) {
        this.holdings = holdings;
        this.renewals = renewals;
        this.documents = documents;
        this.clock = clock;
        this.staleMinutes = 10;
        this.progressMs = 250;
        start();
    }

    @PostConstruct
    void start() {
        runs = new BackgroundRuns<>(new BackgroundRuns.Job("Archive renewal", "renewal", LOG,
                ArchiveConflictException::renewalRunning, staleMinutes, progressMs), renewals, clock, threads);
    }

    @PreDestroy
    void stop() {
        runs.stop();
    }

    /** The scheduled run, on the run-once lease holder; skipped (logged) while another run goes on. */
    public void scheduled() {
        runs.open((now, staleBefore) -> renewals.start(SCHEDULER, node, false, null, now, staleBefore))
                .ifPresentOrElse(run -> runs.run(run, this::run),
                        () -> LOG.info("Archive renewal: a run is going on already; this one is skipped"));
    }

    /**
     * Starts a run on this node's renewal thread, over one dossier's records or ({@code dossier} null)
     * every one, and answers it as started; refused while another run goes on, here or on another node.
     */
    public ArchiveRenewalRun start(Caller caller, boolean dryRun, DossierCode dossier) {
        return runs.start((now, staleBefore) -> renewals.start(caller.officerId(), node, dryRun,
                dossier == null ? null : dossier.value(), now, staleBefore), this::run);
    }

    public ArchiveRenewalRun run(long id) {
        return renewals.find(id).orElseThrow(() -> new DocumentNotFoundException("gia hạn lưu trữ / renewal run " + id));
    }

    /** The latest runs, newest first. */
    public List<ArchiveRenewalRun> runs(int limit) {
        return renewals.latest(limit);
    }

    /** Every version of an archived record, oldest first. */
    public List<RecordVersion> versions(String recordId) {
        return holdings.versions(recordId);
    }

    private void run(ArchiveRenewalRun run) {
        SearchQuery selection = run.dossierCode() == null ? SearchQuery.all()
                : SearchQuery.byDossier(run.dossierCode());
        RenewalReport report = holdings.renew(run.startedBy(), run.dryRun(), selection, runs.paced(
                p -> p.checked() == p.total(),
                p -> renewals.progress(run.id(), p.checked(), p.total(), p.failed(), runs.now())));
        List<ArchiveRenewalRun.Action> actions = new ArrayList<>();
        for (RenewalReport.Item item : run.dryRun() ? report.due() : report.done()) {
            actions.add(new ArchiveRenewalRun.Action(item.action().name(), item.recordId(), item.reason()));
            if (!run.dryRun()) {
                follow(item.recordId());
            }
        }
        for (RenewalReport.Item item : report.failed()) {
            actions.add(new ArchiveRenewalRun.Action("FAILED", item.recordId(), item.action() + ": " + item.reason()));
        }
        for (RenewalReport.Item item : report.waiting()) {
            actions.add(new ArchiveRenewalRun.Action("WAITING", item.recordId(), item.reason()));
        }
        List<RenewalReport.Item> counted = run.dryRun() ? report.due() : report.done();
        renewals.finish(new ArchiveRenewalRun(run.id(), ArchiveRenewalRun.Status.DONE, run.dryRun(),
                run.dossierCode(), run.startedBy(), run.node(), run.startedAt(), null, null, report.checked(), report.checked(),
                counted.stream().filter(i -> i.action() == RenewalReport.Action.EXTEND).count(),
                counted.stream().filter(i -> i.action() == RenewalReport.Action.RENEW).count(),
                report.failed().size(), actions.stream().limit(ACTIONS_KEPT).toList(), null), runs.now());
        LOG.log(report.due().isEmpty() && report.failed().isEmpty() ? Level.FINE : Level.INFO,
                () -> "Archive renewal " + run.id() + " by " + run.startedBy() + ": " + report);
    }

    /** The dossier's document listed with the record now has the record's newest bytes. */
    private void follow(String recordId) {
        try {
            ArchiveRecord record = holdings.find(recordId).orElseThrow();
            documents.follow(recordId, record.blobHash().hex(), record.size());
        } catch (RuntimeException e) {
            // The archive holds the version either way, and a download gives the newest; only the listed digest lags.
            LOG.log(Level.WARNING, "Cannot update the document listed with archive record " + recordId, e);
        }
    }
}
