package vn.lienthong.gateway.application;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import vn.lienthong.archive.ArchiveRecord;
import vn.lienthong.archive.RecordVersion;
import vn.lienthong.archive.VerifyResult;
import vn.lienthong.archive.audit.AuditProgress;
import vn.lienthong.archive.audit.AuditSummary;
import vn.lienthong.archive.index.SearchQuery;
import vn.lienthong.archive.ledger.LedgerVerification;
import vn.lienthong.archive.renewal.RenewalProgress;
import vn.lienthong.archive.renewal.RenewalReport;

/**
 * The archive's port for auditors: the archive library's search, checks, legal hold and BagIt
 * export, with its failures turned into the gateway's exceptions (no such record: {@code
 * DocumentNotFoundException}; the archive failing: {@code DocumentStorageException}). Every check,
 * hold and export is an entry of the archive's own ledger, under {@code actor}.
 */
public interface ArchiveHoldings {

    /** Active records matching the query, oldest first; a citizen ID is matched through the index's keyed hash. */
    List<ArchiveRecord> search(SearchQuery query);

    /** One record as the index knows it, deleted ones included. */
    Optional<ArchiveRecord> find(String recordId);

    /** The record's blob re-hashed and its signatures verified. */
    VerifyResult verify(String recordId, String actor);

    /** The ledger's chain and signed heads walked from the start. */
    LedgerVerification verifyLedger();

    /** Every active record checked, {@code progress} told after each one. */
    AuditSummary audit(String actor, Consumer<AuditProgress> progress);

    /** Puts a record on legal hold (it cannot be deleted, whatever its retention) or lifts the hold; answers it anew. */
    ArchiveRecord legalHold(String recordId, boolean hold, String actor, String reason);

    /**
     * The matching records as one BagIt bag (payload, index, ledger excerpt, SHA-256 manifests),
     * zipped into a temporary file that the caller deletes once sent.
     */
    Path exportBag(SearchQuery selection, String actor);

    /** Every version of a record, oldest first; the last is the current one. */
    List<RecordVersion> versions(String recordId);

    /**
     * The renewal job once over every active record under the configured policy: records whose
     * validation data is in are brought to PAdES-BASELINE-LTA (EXTEND), those whose newest time-stamp
     * nears its end get a new one (RENEW), each as a new version; a dry run only reports. Over the
     * records {@code selection} finds ({@code SearchQuery.all()}: every one).
     */
    RenewalReport renew(String actor, boolean dryRun, SearchQuery selection, Consumer<RenewalProgress> progress);
}
