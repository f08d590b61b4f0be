package vn.lienthong.gateway.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.lienthong.archive.ArchiveRecord;
import vn.lienthong.archive.PdfAPart;
import vn.lienthong.archive.VerifyResult;
import vn.lienthong.archive.audit.AuditProgress;
import vn.lienthong.archive.audit.AuditSummary;
import vn.lienthong.archive.index.SearchQuery;
import vn.lienthong.archive.ledger.LedgerVerification;
import vn.lienthong.archive.store.Sha256;
import vn.lienthong.gateway.domain.archive.ArchiveAuditRun;
import vn.lienthong.gateway.domain.archive.ArchiveAudits;
import vn.lienthong.gateway.domain.archive.ArchiveConflictException;
import vn.lienthong.gateway.domain.archive.DamagedRecord;
import vn.lienthong.gateway.domain.dossier.InvalidDossierException;

/** The audit job off the request thread, one at a time, its result naming the damaged record; holds and exports refused without what they need. */
class ArchiveInspectionTest {

    private static final Caller AUDITOR = new Caller("auditor-1", "000.20.20.H30", Set.of(Caller.AUDITOR));
    private static final ArchiveRecord DAMAGED = new ArchiveRecord("r-2", "000.20.20.H30-261207-0002", "scan", "2.000815",
            "000.20.20.H30", new Sha256("2".repeat(64)), 100, 1, Instant.parse("2026-12-07T02:00:00Z"),
            LocalDate.of(2046, 12, 7), false, "Lưu trữ", PdfAPart.A2B, ArchiveRecord.Status.ACTIVE);

    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final List<Long> progressWritten = new ArrayList<>();
    private final List<String> auditThreads = new ArrayList<>();
    private final MemoryAudits audits = new MemoryAudits();
    private ArchiveInspection inspection;

    @BeforeEach
    void inspection() {
        inspection = new ArchiveInspection();
        inspection.holdings = new Holdings();
        inspection.audits = audits;
        inspection.clock = Clock.fixed(Instant.parse("2026-12-07T03:00:00Z"), ZoneOffset.UTC);
        inspection.staleMinutes = 10;
        inspection.progressMs = 0;
        inspection.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        inspection.stop();
    }

    @Test
    void anAuditRunsOffTheRequestThreadOneAtATimeAndNamesTheDamagedRecord() throws InterruptedException {
        ArchiveAuditRun run = inspection.startAudit(AUDITOR);
        assertEquals(ArchiveAuditRun.Status.RUNNING, run.status());
        ArchiveConflictException refused = assertThrows(ArchiveConflictException.class, () -> inspection.startAudit(AUDITOR));
        assertTrue(refused.english().contains("number " + run.id()), refused.english());

        release.countDown();
        assertTrue(finished.await(10, TimeUnit.SECONDS), "the audit finishes");
        ArchiveAuditRun done = inspection.audit(run.id());
        assertEquals(ArchiveAuditRun.Status.DONE, done.status());
        assertEquals(100, done.percent());
        assertEquals(List.of(new DamagedRecord("r-2", DAMAGED.dossierCode(), "scan", "CORRUPTED", "blob hash differs")),
                done.problems());
        assertEquals(List.of(1L, 2L, 3L), progressWritten);
        assertTrue(auditThreads.stream().noneMatch(name -> name.equals(Thread.currentThread().getName())), auditThreads::toString);
    }

    @Test
    void aNodeStillRunningAnAuditRefusesAnotherEvenWhenTheRowWentStale() throws InterruptedException {
        ArchiveAuditRun first = inspection.startAudit(AUDITOR);
        audits.staleEverything = true;
        assertThrows(ArchiveConflictException.class, () -> inspection.startAudit(AUDITOR));
        ArchiveAuditRun refused = audits.latest(1).get(0);
        assertEquals(ArchiveAuditRun.Status.FAILED, refused.status());
        release.countDown();
        assertTrue(finished.await(10, TimeUnit.SECONDS));
        assertEquals(ArchiveAuditRun.Status.DONE, inspection.audit(first.id()).status());
    }

    @Test
    void aHoldNeedsAReasonAndAnExportSomethingToExport() {
        assertThrows(InvalidDossierException.class, () -> inspection.legalHold("r-2", true, " ", AUDITOR));
        assertThrows(InvalidDossierException.class, () -> inspection.exportBag(new ArchiveInspection.Criteria(
                "none-such", null, null, null, null, null, 1), AUDITOR));
    }

    /** The archive: two records, the second corrupted; the audit waits for the test's go. */
    private final class Holdings implements ArchiveHoldings {

        @Override
        public List<vn.lienthong.archive.RecordVersion> versions(String recordId) {
            throw new UnsupportedOperationException("not used here");
        }

        @Override
        public vn.lienthong.archive.renewal.RenewalReport renew(String actor, boolean dryRun, SearchQuery selection,
                java.util.function.Consumer<vn.lienthong.archive.renewal.RenewalProgress> progress) {
            throw new UnsupportedOperationException("not used here");
        }

        @Override
        public List<ArchiveRecord> search(SearchQuery query) {
            return query.dossierCode().map(code -> code.equals(DAMAGED.dossierCode()) ? List.of(DAMAGED) : List.<ArchiveRecord>of())
                    .orElse(List.of(DAMAGED));
        }

        @Override
        public Optional<ArchiveRecord> find(String recordId) {
            return recordId.equals(DAMAGED.id()) ? Optional.of(DAMAGED) : Optional.empty();
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
            synchronized (auditThreads) {
                auditThreads.add(Thread.currentThread().getName());
            }
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (int i = 1; i <= 3; i++) {
                progress.accept(new AuditProgress(i, 3, i * 100L, 300, 1e6, Duration.ZERO));
            }
            return new AuditSummary(3, 2, 0, 1, 0, 0, true, 300, Duration.ofMillis(5),
                    List.of(new VerifyResult("r-2", VerifyResult.Outcome.CORRUPTED, "blob hash differs")));
        }

        @Override
        public ArchiveRecord legalHold(String recordId, boolean hold, String actor, String reason) {
            return DAMAGED.withLegalHold(hold);
        }

        @Override
        public Path exportBag(SearchQuery selection, String actor) {
            throw new UnsupportedOperationException();
        }
    }

    /** The audits' rows in memory, with the same rule as the SQL: one RUNNING row that is not stale. */
    private final class MemoryAudits implements ArchiveAudits {

        private final List<ArchiveAuditRun> rows = new ArrayList<>();
        volatile boolean staleEverything;

        @Override
        public synchronized Optional<ArchiveAuditRun> start(String startedBy, OffsetDateTime now, OffsetDateTime staleBefore) {
            if (!staleEverything && rows.stream().anyMatch(r -> r.status() == ArchiveAuditRun.Status.RUNNING)) {
                return Optional.empty();
            }
            ArchiveAuditRun run = new ArchiveAuditRun(rows.size() + 1, ArchiveAuditRun.Status.RUNNING, startedBy, now, now,
                    null, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, List.of(), null);
            rows.add(run);
            return Optional.of(run);
        }

        @Override
        public synchronized void progress(long id, long checked, long total, long bytes, long totalBytes, OffsetDateTime now) {
            progressWritten.add(checked);
            ArchiveAuditRun r = find(id).orElseThrow();
            put(new ArchiveAuditRun(id, r.status(), r.startedBy(), r.startedAt(), now, null, checked, total, bytes,
                    totalBytes, 0, 0, 0, 0, 0, false, List.of(), null));
        }

        @Override
        public synchronized void finish(ArchiveAuditRun result, OffsetDateTime now) {
            put(result);
            finished.countDown();
        }

        @Override
        public synchronized void fail(long id, String error, OffsetDateTime now) {
            ArchiveAuditRun r = find(id).orElseThrow();
            put(new ArchiveAuditRun(id, ArchiveAuditRun.Status.FAILED, r.startedBy(), r.startedAt(), now, now, r.checked(),
                    r.total(), r.bytes(), r.totalBytes(), 0, 0, 0, 0, 0, false, List.of(), error));
        }

        @Override
        public synchronized Optional<ArchiveAuditRun> find(long id) {
            return rows.stream().filter(r -> r.id() == id).findFirst();
        }

        @Override
        public synchronized List<ArchiveAuditRun> latest(int limit) {
            List<ArchiveAuditRun> newest = new ArrayList<>(rows);
            java.util.Collections.reverse(newest);
            return newest.stream().limit(limit).toList();
        }

        private void put(ArchiveAuditRun run) {
            rows.set((int) run.id() - 1, run);
        }
    }
}
