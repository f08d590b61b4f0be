package vn.lienthong.gateway.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.lienthong.archive.ArchiveRecord;
import vn.lienthong.archive.PdfAPart;
import vn.lienthong.archive.RecordVersion;
import vn.lienthong.archive.VerifyResult;
import vn.lienthong.archive.audit.AuditProgress;
import vn.lienthong.archive.audit.AuditSummary;
import vn.lienthong.archive.index.SearchQuery;
import vn.lienthong.archive.ledger.LedgerVerification;
import vn.lienthong.archive.renewal.RenewalProgress;
import vn.lienthong.archive.renewal.RenewalReport;
import vn.lienthong.archive.store.Sha256;
import vn.lienthong.gateway.domain.archive.ArchiveConflictException;
import vn.lienthong.gateway.domain.archive.ArchiveRenewalRun;
import vn.lienthong.gateway.domain.document.DossierDocuments;
import vn.lienthong.gateway.domain.dossier.DossierCode;
import vn.lienthong.gateway.infrastructure.persistence.JdbcArchiveRenewals;
import vn.lienthong.gateway.infrastructure.persistence.TestDatabase;

/**
 * The renewal job in the gateway: a run's row from RUNNING to DONE with its counts and actions, the
 * document list following each new version, a dry run writing nothing, one run at a time.
 */
class ArchiveRenewalTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T03:00:00Z"), ZoneOffset.UTC);
    private static final Caller AUDITOR = new Caller("auditor-1", "000.00.20.H30", java.util.Set.of(Caller.AUDITOR));
    private static final String HASH = "ab".repeat(32);

    private final Holdings holdings = new Holdings();
    private final List<String> followed = new ArrayList<>();
    private final JdbcArchiveRenewals rows = new JdbcArchiveRenewals(TestDatabase.H2.fresh());
    private final ArchiveRenewal renewal = new ArchiveRenewal(holdings, rows, documents(), CLOCK);

    @AfterEach
    void stop() {
        renewal.stop();
    }

    @Test
    void aScheduledRunRecordsWhatItDidAndTheDocumentListFollowsTheNewVersions() {
        holdings.report = new RenewalReport(false, 4,
                List.of(item("r-1", RenewalReport.Action.EXTEND), item("r-2", RenewalReport.Action.RENEW),
                        item("r-3", RenewalReport.Action.EXTEND)),
                List.of(item("r-1", RenewalReport.Action.EXTEND), item("r-2", RenewalReport.Action.RENEW)),
                List.of(item("r-3", RenewalReport.Action.EXTEND)), List.of(item("r-4", RenewalReport.Action.EXTEND)),
                Duration.ofMillis(40));

        renewal.scheduled();

        ArchiveRenewalRun run = renewal.runs(10).get(0);
        assertEquals(ArchiveRenewalRun.Status.DONE, run.status(), run.toString());
        assertEquals("scheduler", run.startedBy());
        assertEquals(List.of(4L, 1L, 1L, 1L), List.of(run.checked(), run.extended(), run.renewed(), run.failed()));
        assertEquals(List.of("EXTEND r-1", "RENEW r-2", "FAILED r-3", "WAITING r-4"), run.actions().stream()
                .map(a -> a.kind() + " " + a.recordId()).toList());
        assertEquals(List.of("r-1 " + HASH + " 7", "r-2 " + HASH + " 7"), followed);
        assertEquals(SearchQuery.all(), holdings.selection);
        assertEquals(false, holdings.dryRun);
    }

    @Test
    void aDryRunOfOneDossierListsWhatIsDueAndChangesNothing() throws InterruptedException {
        holdings.report = new RenewalReport(true, 1, List.of(item("r-1", RenewalReport.Action.RENEW)), List.of(),
                List.of(), List.of(), Duration.ofMillis(5));

        ArchiveRenewalRun started = renewal.start(AUDITOR, true, new DossierCode("000.00.20.H30-261207-0001"));
        ArchiveRenewalRun run = awaitDone(started.id());

        assertTrue(run.dryRun());
        assertEquals("000.00.20.H30-261207-0001", run.dossierCode());
        assertEquals(1, run.renewed());
        assertEquals(List.of(), followed, "a dry run writes no version");
        assertEquals(SearchQuery.byDossier("000.00.20.H30-261207-0001"), holdings.selection);
    }

    @Test
    void aSecondRunWhileOneGoesOnIsRefused() throws InterruptedException {
        holdings.gate = new CountDownLatch(1);
        holdings.report = new RenewalReport(false, 0, List.of(), List.of(), List.of(), List.of(), Duration.ZERO);
        ArchiveRenewalRun first = renewal.start(AUDITOR, false, null);

        assertThrows(ArchiveConflictException.class, () -> renewal.start(AUDITOR, true, null));
        renewal.scheduled();
        assertEquals(1, renewal.runs(10).size(), "the scheduled run is skipped, not queued");
        holdings.gate.countDown();
        assertEquals(ArchiveRenewalRun.Status.DONE, awaitDone(first.id()).status());
    }

    private ArchiveRenewalRun awaitDone(long id) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            ArchiveRenewalRun run = renewal.run(id);
            if (run.status() != ArchiveRenewalRun.Status.RUNNING) {
                return run;
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
        throw new AssertionError("run " + id + " still RUNNING");
    }

    private static RenewalReport.Item item(String id, RenewalReport.Action action) {
        return new RenewalReport.Item(id, action, "why " + id);
    }

    /** Only {@code follow} is used here. */
    private DossierDocuments documents() {
        return (DossierDocuments) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DossierDocuments.class}, (proxy, method, args) -> {
                    if (method.getName().equals("follow")) {
                        followed.add(args[0] + " " + args[1] + " " + args[2]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The archive's answers, canned. */
    private static final class Holdings implements ArchiveHoldings {
        volatile RenewalReport report;
        volatile SearchQuery selection;
        volatile boolean dryRun;
        volatile CountDownLatch gate;

        @Override
        public RenewalReport renew(String actor, boolean dry, SearchQuery query, Consumer<RenewalProgress> progress) {
            this.selection = query;
            this.dryRun = dry;
            if (gate != null) {
                try {
                    gate.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            progress.accept(new RenewalProgress(report.checked(), report.checked(), report.done().size(),
                    report.failed().size()));
            return report;
        }

        @Override
        public Optional<ArchiveRecord> find(String recordId) {
            return Optional.of(new ArchiveRecord(recordId, "000.00.20.H30-261207-0001", "result", "3.000722",
                    "000.00.20.H30", new Sha256(HASH), 7, 1, CLOCK.instant(), LocalDate.of(2046, 12, 7), false,
                    "seal", PdfAPart.A2B, ArchiveRecord.Status.ACTIVE));
        }

        @Override
        public List<RecordVersion> versions(String recordId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ArchiveRecord> search(SearchQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public VerifyResult verify(String recordId, String actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public LedgerVerification verifyLedger() {
            throw new UnsupportedOperationException();
        }

        @Override
        public AuditSummary audit(String actor, Consumer<AuditProgress> progress) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ArchiveRecord legalHold(String recordId, boolean hold, String actor, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Path exportBag(SearchQuery selection, String actor) {
            throw new UnsupportedOperationException();
        }
    }
}
