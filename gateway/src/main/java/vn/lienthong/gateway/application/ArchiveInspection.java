package vn.lienthong.gateway.application;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.lienthong.archive.ArchiveRecord;
import vn.lienthong.archive.VerifyResult;
import vn.lienthong.archive.audit.AuditSummary;
import vn.lienthong.archive.index.SearchQuery;
import vn.lienthong.archive.ledger.LedgerVerification;
import vn.lienthong.gateway.domain.archive.ArchiveAuditRun;
import vn.lienthong.gateway.domain.archive.ArchiveAudits;
import vn.lienthong.gateway.domain.archive.ArchiveConflictException;
import vn.lienthong.gateway.domain.archive.DamagedRecord;
import vn.lienthong.gateway.domain.calendar.WorkingCalendar;
import vn.lienthong.gateway.domain.document.DocumentKind;
import vn.lienthong.gateway.domain.document.DocumentNotFoundException;
import vn.lienthong.gateway.domain.dossier.InvalidDossierException;

/**
 * The auditor's work on the archive: search, a record's check, the ledger's check, fixity audits of
 * the whole archive in the background (one at a time, whichever node; their state in the database),
 * legal holds with a reason, and BagIt exports of a selection.
 */
@ApplicationScoped
public class ArchiveInspection {

    private static final Logger LOG = Logger.getLogger(ArchiveInspection.class.getName());
    /** What one audit row keeps of its damaged records; the archive's ledger has them all. */
    static final int PROBLEMS_KEPT = 300;
    private static final int REASON_MAX = 500;

    /**
     * What to look for; null means any. {@code from} and {@code to} are days in Vietnam, both included.
     *
     * @param citizenId matched through the index's keyed hash, never stored or logged in clear
     */
    public record Criteria(String dossierCode, String procedureCode, DocumentKind kind, String citizenId,
                           LocalDate from, LocalDate to, int limit) {
    }

    @Inject
    ArchiveHoldings holdings;

    @Inject
    ArchiveAudits audits;

    @Inject
    Clock clock;

    @Resource
    ManagedThreadFactory threads;

    /** A running audit whose row has not moved for this long was left by a node that stopped. */
    @Inject
    @ConfigProperty(name = "lienthong.archive.audit.stale-minutes", defaultValue = "10")
    long staleMinutes;

    /** How often a running audit writes its progress to its row, in milliseconds. */
    @Inject
    @ConfigProperty(name = "lienthong.archive.audit.progress-ms", defaultValue = "250")
    long progressMs;

    /** The audits in the background: one thread per node, one audit across nodes. */
    private BackgroundRuns<ArchiveAuditRun> runs;

    @PostConstruct
    void start() {
        runs = new BackgroundRuns<>(new BackgroundRuns.Job("Fixity audit", "audit", LOG,
                ArchiveConflictException::auditRunning, staleMinutes, progressMs), audits, clock, threads);
    }

    @PreDestroy
    void stop() {
        runs.stop();
    }

    public List<ArchiveRecord> search(Criteria criteria) {
        return holdings.search(query(criteria));
    }

    public VerifyResult verify(String recordId, Caller caller) {
        return holdings.verify(recordId, caller.officerId());
    }

    public LedgerVerification verifyLedger() {
        return holdings.verifyLedger();
    }

    /** Puts a record on legal hold or lifts it; the reason goes into the archive's ledger. */
    public ArchiveRecord legalHold(String recordId, boolean hold, String reason, Caller caller) {
        if (reason == null || reason.isBlank() || reason.length() > REASON_MAX) {
            throw new InvalidDossierException("reason", "Cần ghi lý do (1 đến " + REASON_MAX + " ký tự)",
                    "A reason is required (1 to " + REASON_MAX + " characters)");
        }
        return holdings.legalHold(recordId, hold, caller.officerId(), reason.strip());
    }

    /** The selection as a zipped BagIt bag in a temporary file, which the caller deletes once sent. */
    public Path exportBag(Criteria criteria, Caller caller) {
        SearchQuery selection = query(criteria);
        if (holdings.search(selection.withLimit(1)).isEmpty()) {
            throw new InvalidDossierException("selection", "Không có bản lưu trữ nào khớp điều kiện đã chọn",
                    "No archived record matches the selection; nothing to export");
        }
        return holdings.exportBag(selection.withLimit(Integer.MAX_VALUE), caller.officerId());
    }

    /**
     * Starts a fixity audit of the whole archive on this node's audit thread and answers it as
     * started; refused while another one runs, here or on another node.
     */
    public ArchiveAuditRun startAudit(Caller caller) {
        return runs.start((now, staleBefore) -> audits.start(caller.officerId(), now, staleBefore), this::runAudit);
    }

    public ArchiveAuditRun audit(long id) {
        return audits.find(id).orElseThrow(() -> new DocumentNotFoundException("kiểm tra toàn vẹn / fixity audit " + id));
    }

    /** The latest audits, newest first. */
    public List<ArchiveAuditRun> audits(int limit) {
        return audits.latest(limit);
    }

    private void runAudit(ArchiveAuditRun run) {
        AuditSummary summary = holdings.audit(run.startedBy(), runs.paced(p -> p.checked() == p.total(),
                p -> audits.progress(run.id(), p.checked(), p.total(), p.bytes(), p.totalBytes(), runs.now())));
        List<DamagedRecord> damaged = summary.problems().stream().limit(PROBLEMS_KEPT).map(this::damaged).toList();
        audits.finish(new ArchiveAuditRun(run.id(), ArchiveAuditRun.Status.DONE, run.startedBy(), run.startedAt(),
                null, null, summary.checked(), summary.checked(), summary.bytes(), summary.bytes(), summary.ok(),
                summary.missing(), summary.corrupted(), summary.signatureInvalid(), summary.untrusted(),
                summary.trustChecked(), damaged, null), runs.now());
        LOG.info(() -> "Fixity audit " + run.id() + " by " + run.startedBy() + ": " + summary);
    }

    private DamagedRecord damaged(VerifyResult problem) {
        Optional<ArchiveRecord> record = holdings.find(problem.recordId());
        return new DamagedRecord(problem.recordId(), record.map(ArchiveRecord::dossierCode).orElse(""),
                record.map(ArchiveRecord::documentType).orElse(""), problem.outcome().name(), problem.detail());
    }

    private static SearchQuery query(Criteria c) {
        SearchQuery q = SearchQuery.all().withLimit(c.limit());
        if (c.dossierCode() != null) {
            q = q.withDossierCode(c.dossierCode());
        }
        if (c.procedureCode() != null) {
            q = q.withProcedureCode(c.procedureCode());
        }
        if (c.kind() != null) {
            q = q.withDocumentType(c.kind().archiveType());
        }
        if (c.citizenId() != null) {
            q = q.withCitizenId(c.citizenId());
        }
        if (c.from() != null || c.to() != null) {
            Instant from = c.from() == null ? Instant.EPOCH : c.from().atStartOfDay(WorkingCalendar.VIETNAM).toInstant();
            Instant to = c.to() == null ? Instant.parse("9999-01-01T00:00:00Z")
                    : c.to().plusDays(1).atStartOfDay(WorkingCalendar.VIETNAM).toInstant();
            q = q.between(from, to);
        }
        return q;
    }
}
