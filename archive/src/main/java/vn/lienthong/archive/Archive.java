package vn.lienthong.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import vn.lienthong.archive.audit.AuditProgress;
import vn.lienthong.archive.audit.AuditSummary;
import vn.lienthong.archive.audit.FixityAudit;
import vn.lienthong.archive.bagit.BagExporter;
import vn.lienthong.archive.bagit.BagSummary;
import vn.lienthong.archive.index.CitizenIdHasher;
import vn.lienthong.archive.index.ConnectionSource;
import vn.lienthong.archive.index.LocalIndexFile;
import vn.lienthong.archive.index.RecordIndex;
import vn.lienthong.archive.index.SearchQuery;
import vn.lienthong.archive.ledger.Ledger;
import vn.lienthong.archive.ledger.LedgerEvent;
import vn.lienthong.archive.ledger.LedgerVerification;
import vn.lienthong.archive.pdf.BuiltPdf;
import vn.lienthong.archive.pdf.PdfABuilder;
import vn.lienthong.archive.pdf.SignedPdf;
import vn.lienthong.archive.renewal.RenewalJob;
import vn.lienthong.archive.renewal.RenewalPolicy;
import vn.lienthong.archive.store.BlobDraft;
import vn.lienthong.archive.store.BlobStore;
import vn.lienthong.archive.store.StoredBlob;
import vn.lienthong.signing.DigestAlgorithm;
import vn.lienthong.signing.ltv.ArchiveTimestamp;
import vn.lienthong.signing.pdf.PadesLongTerm;

/**
 * The archive: scans in, signed PDF/A out, kept in a content-addressed store with a JDBC index and
 * a signed, hash-chained ledger of every event. Thread-safe; one instance per data directory.
 */
public final class Archive implements AutoCloseable {
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final ArchiveConfig config;
    private final BlobStore store;
    private final RecordIndex index;
    private final Ledger ledger;
    private final PdfABuilder builder;
    private final FixityAudit audit;
    private final ScheduledExecutorService scheduler;
    private final Object versionLock = new Object();

    private Archive(ArchiveConfig config) {
        this.config = config;
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new StorageException("Cannot create the data directory " + config.dataDir(), e);
        }
        this.store = new BlobStore(config.dataDir());
        ConnectionSource db = config.database().orElseGet(() -> {
            LocalIndexFile local = new LocalIndexFile(config.dataDir());
            local.refuseIfMoved();
            return local.source();
        });
        this.index = new RecordIndex(db, new CitizenIdHasher(config.citizenIdSalt().orElseGet(this::localSalt)));
        this.ledger = new Ledger(config.dataDir().resolve("ledger").resolve("ledger.log"), config.headSigner(),
                config.headPolicy(), index, config.clock());
        this.builder = new PdfABuilder(config.pdfOptions());
        this.audit = new FixityAudit(store, config.documentSigner(), config.signerTrust(), config.clock());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "archive-scheduler");
            t.setDaemon(true);
            return t;
        });
        // Quiet periods still get their head signed within the policy's interval.
        long every = config.headPolicy().interval().toMillis();
        scheduler.scheduleWithFixedDelay(this::sealQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    public static Archive open(ArchiveConfig config) {
        return new Archive(config);
    }

    /**
     * Builds the PDF/A, signs it, stores it and records it; nothing is left behind if any step fails.
     *
     * <p>The PDF is written once, straight into the store's temp file and hashed on the way; the
     * signature revision is appended to that file and continues the same SHA-256, so the bytes are
     * neither copied nor read again, and the file is fsynced once.
     */
    public ArchiveRecord ingest(IngestRequest request) {
        String id = UUID.randomUUID().toString();
        StoredBlob blob = null;
        boolean indexed = false;
        try (BlobDraft draft = store.draft()) {
            BuiltPdf built;
            try (OutputStream out = draft.output()) {
                built = builder.build(request.pages(), request.metadata(), request.pdfaPart(), out);
            }
            String signer = config.documentSigner().signAppending(draft.path(), draft.digestSoFar());
            blob = draft.commit();
            Instant now = config.clock().instant();
            LocalDate retainUntil = request.retainUntil()
                    .orElse(LocalDate.ofInstant(now, VIETNAM).plus(config.defaultRetention()));
            DocumentMetadata m = request.metadata();
            ArchiveRecord record = new ArchiveRecord(id, m.dossierCode(), m.documentType(), m.procedureCode(),
                    m.agencyCode(), blob.hash(), blob.size(), built.pages(), now, retainUntil, false, signer,
                    request.pdfaPart(), ArchiveRecord.Status.ACTIVE);
            index.insert(record, request.citizenId());
            indexed = true;
            ledger.append(LedgerEvent.INGEST, id, blob.hash().hex(), request.actor(),
                    "dossier=" + m.dossierCode() + ";type=" + m.documentType() + ";pages=" + built.pages()
                            + ";bytes=" + blob.size() + ";sources=" + built.sources().size());
            return record;
        } catch (IOException e) {
            undo(id, blob, indexed);
            throw new StorageException("Ingest failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            undo(id, blob, indexed);
            throw e;
        }
    }

    /**
     * Keeps an already signed PDF exactly as it is: copied into the store byte for byte, never rebuilt
     * or re-signed, so its signatures (officer and agency, for a result) stay valid. The copy in the
     * store, not the caller's file, is checked: every signature must verify and the last must cover the
     * whole file; or, with the signer's statement ({@link DepositRequest#stated}), the copy must hash to
     * the SHA-256 it states. Nothing is left behind if any step fails.
     *
     * @throws BadInputException not a PDF, no signature, or a signature that does not verify
     */
    public ArchiveRecord deposit(DepositRequest request) {
        String id = UUID.randomUUID().toString();
        StoredBlob blob = null;
        boolean indexed = false;
        try {
            blob = store.put(request.signedPdf());
            Path kept = store.path(blob.hash());
            SignedPdf facts;
            SignatureCheck signatures;
            if (request.stated().isPresent()) {
                // Signed in this process a moment ago: the copy kept must be those very bytes, and then
                // parsing and verifying them again would only repeat what the signer did.
                SignerStatement stated = request.stated().get();
                if (!blob.hash().hex().equals(stated.sha256())) {
                    throw new BadInputException("The PDF is not the one signed: its SHA-256 is " + blob.hash().hex()
                            + ", the signer's " + stated.sha256() + " / Tệp PDF không phải tệp đã ký");
                }
                facts = new SignedPdf(stated.pages(), stated.signatures());
                signatures = SignatureCheck.ok(stated.signer());
            } else {
                facts = SignedPdf.inspect(kept);
                if (facts.signatures() == 0) {
                    throw new BadInputException("The PDF carries no signature; a deposit keeps signed PDFs only "
                            + "(use ingest for unsigned pages) / Tệp PDF chưa được ký số");
                }
                signatures = config.documentSigner().verify(kept);
                if (!signatures.valid()) {
                    throw new BadInputException("A signature of the PDF does not verify: " + signatures.reason()
                            + " / Chữ ký số trên tệp không hợp lệ");
                }
            }
            Instant now = config.clock().instant();
            LocalDate retainUntil = request.retainUntil()
                    .orElse(LocalDate.ofInstant(now, VIETNAM).plus(config.defaultRetention()));
            DocumentMetadata m = request.metadata();
            ArchiveRecord record = new ArchiveRecord(id, m.dossierCode(), m.documentType(), m.procedureCode(),
                    m.agencyCode(), blob.hash(), blob.size(), facts.pages(), now, retainUntil, false,
                    signatures.signer(), request.pdfaPart(), ArchiveRecord.Status.ACTIVE);
            index.insert(record, request.citizenId());
            indexed = true;
            ledger.append(LedgerEvent.DEPOSIT, id, blob.hash().hex(), request.actor(),
                    "dossier=" + m.dossierCode() + ";type=" + m.documentType() + ";pages=" + facts.pages()
                            + ";bytes=" + blob.size() + ";signatures=" + facts.signatures());
            return record;
        } catch (RuntimeException e) {
            undo(id, blob, indexed);
            throw e;
        }
    }

    public Optional<ArchiveRecord> find(String id) {
        return index.find(id);
    }

    public List<ArchiveRecord> search(SearchQuery query) {
        return index.search(query);
    }

    /** Opens a record's signed PDF for reading and records the read in the ledger. */
    public InputStream read(String id, String actor) {
        ArchiveRecord r = active(id);
        InputStream in = store.open(r.blobHash());
        ledger.append(LedgerEvent.READ, id, r.blobHash().hex(), actor, "");
        return in;
    }

    /**
     * Re-hashes one record and checks its signature, at every version (a damaged earlier version fails
     * it as a damaged newest one does); the result goes into the ledger.
     */
    public VerifyResult verify(String id, String actor) {
        ArchiveRecord r = active(id);
        List<RecordVersion> versions = index.versions(r);
        VerifyResult result = null;
        for (RecordVersion v : versions) {
            VerifyResult one = audit.check(r.atVersion(v));
            if (!one.ok()) {
                result = versions.size() == 1 ? one
                        : new VerifyResult(id, one.outcome(), "version " + v.version() + ": " + one.detail());
                break;
            }
            result = versions.size() == 1 ? one
                    : new VerifyResult(id, one.outcome(), versions.size() + " versions; newest " + one.detail());
        }
        ledger.append(LedgerEvent.VERIFY, id, r.blobHash().hex(), actor, result.outcome() + " " + result.detail());
        return result;
    }

    /** Every version of a record's signed PDF, oldest first; the last is the current one. */
    public List<RecordVersion> versions(String id) {
        return index.versions(active(id));
    }

    /** Opens one version of a record's signed PDF (1 = as ingested or deposited) and records the read. */
    public InputStream read(String id, int version, String actor) {
        ArchiveRecord r = active(id);
        RecordVersion v = index.versions(r).stream().filter(x -> x.version() == version).findFirst()
                .orElseThrow(() -> new RecordNotFoundException(id + " version " + version));
        InputStream in = store.open(v.blobHash());
        ledger.append(LedgerEvent.READ, id, v.blobHash().hex(), actor, "version=" + version);
        return in;
    }

    /**
     * Brings a record to PAdES-BASELINE-LTA: validation data and a document time-stamp over the whole
     * document, written as a new version (the earlier blob is kept); the ledger's EXTEND entry names both
     * digests. Fails, changing nothing, when the signer has no TSA or the validation data is not available.
     */
    public ArchiveRecord extendToArchive(String id, String actor) {
        return newVersion(id, LedgerEvent.EXTEND, actor, DigestAlgorithm.SHA256, "");
    }

    /**
     * Renews a PAdES-BASELINE-LTA record before its newest time-stamp's evidence ends: fresh validation
     * data for that time-stamp's TSA and a new document time-stamp with {@code digest}, as a new version;
     * the ledger's RENEW entry names both digests and {@code why}.
     */
    public ArchiveRecord renew(String id, String actor, DigestAlgorithm digest, String why) {
        return newVersion(id, LedgerEvent.RENEW, actor, digest, why);
    }

    /**
     * Keeps {@code revisedPdf} as the record's next version: the current version's bytes followed by
     * incremental revisions (validation data added to a paper issued at PAdES-BASELINE-T), every signature
     * valid. The earlier version is kept; the ledger's EXTEND entry names both digests. The same bytes as the
     * current version change nothing.
     *
     * @throws BadInputException the file does not start with the current version, or a signature fails
     */
    public ArchiveRecord revise(String id, Path revisedPdf, String actor) {
        synchronized (versionLock) {
            ArchiveRecord r = active(id);
            StoredBlob blob = null;
            try {
                long size = Files.size(revisedPdf);
                if (size < r.size() || !startsWith(revisedPdf, r)) {
                    throw new BadInputException("The revised PDF does not start with version "
                            + index.versions(r).size() + " of " + id + "; a revision only appends to it"
                            + " / Tệp sửa đổi phải giữ nguyên bản đang lưu và chỉ ghi thêm");
                }
                blob = store.put(revisedPdf);
                if (blob.hash().equals(r.blobHash())) {
                    return r;
                }
                SignatureCheck signatures = config.documentSigner().verify(store.path(blob.hash()));
                if (!signatures.valid()) {
                    throw new BadInputException("A signature of the revised PDF does not verify: " + signatures.reason()
                            + " / Chữ ký số trên tệp sửa đổi không hợp lệ");
                }
                index.supersede(r, blob.hash(), blob.size(), config.clock().instant(), LedgerEvent.EXTEND.name());
                ArchiveRecord now = find(id).orElseThrow(() -> new RecordNotFoundException(id));
                ledger.append(LedgerEvent.EXTEND, id, blob.hash().hex(), actor, "previous=" + r.blobHash().hex()
                        + ";sha256=" + blob.hash().hex() + ";version=" + index.versions(now).size() + ";bytes="
                        + blob.size() + ";added=revision after the last signature (validation data)");
                return now;
            } catch (IOException e) {
                dropUnreferenced(blob);
                throw new StorageException("A revision of " + id + " failed: " + e.getMessage(), e);
            } catch (RuntimeException e) {
                dropUnreferenced(blob);
                throw e;
            }
        }
    }

    /** Whether a record's current version carries validation data (B-LT or above): the LTA step waits for it. */
    public boolean hasValidationData(ArchiveRecord record) {
        return SignedPdf.hasValidationData(store.path(record.blobHash()));
    }

    private boolean startsWith(Path file, ArchiveRecord r) throws IOException {
        try (InputStream a = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16);
                InputStream b = new java.io.BufferedInputStream(store.open(r.blobHash()), 1 << 16)) {
            for (long i = 0; i < r.size(); i++) {
                if (a.read() != b.read()) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The renewal job for this archive (one run at a time per data directory), on the archive's clock. */
    public RenewalJob renewalJob(RenewalPolicy policy) {
        return new RenewalJob(this, policy, config.clock(), config.dataDir().resolve("renewal.lock"));
    }

    /** Records a renewal run's summary in the ledger (its actions have entries of their own). */
    public void recordRenewalRun(String actor, String summary) {
        ledger.append(LedgerEvent.RENEW, "", "", actor, summary);
    }

    /** The document time-stamps of a record's current version, oldest first (empty: not yet LTA). */
    public List<ArchiveTimestamp> documentTimestamps(ArchiveRecord record) {
        return PadesLongTerm.documentTimestamps(store.path(record.blobHash()));
    }

    private ArchiveRecord newVersion(String id, LedgerEvent event, String actor, DigestAlgorithm digest, String why) {
        synchronized (versionLock) {
            ArchiveRecord r = active(id);
            StoredBlob blob = null;
            try (BlobDraft draft = store.draft()) {
                try (OutputStream out = draft.output(); InputStream in = store.open(r.blobHash())) {
                    in.transferTo(out);
                }
                String added = config.documentSigner().timestampForArchive(draft.path(), digest);
                blob = draft.commit();
                index.supersede(r, blob.hash(), blob.size(), config.clock().instant(), event.name());
                ArchiveRecord now = find(id).orElseThrow(() -> new RecordNotFoundException(id));
                int version = index.versions(now).size();
                ledger.append(event, id, blob.hash().hex(), actor, "previous=" + r.blobHash().hex() + ";sha256="
                        + blob.hash().hex() + ";version=" + version + ";bytes=" + blob.size() + ";added=" + added
                        + (why.isEmpty() ? "" : ";why=" + why));
                return now;
            } catch (IOException e) {
                dropUnreferenced(blob);
                throw new StorageException("A new version of " + id + " failed: " + e.getMessage(), e);
            } catch (RuntimeException e) {
                dropUnreferenced(blob);
                throw e;
            }
        }
    }

    private void dropUnreferenced(StoredBlob blob) {
        if (blob != null && blob.created() && index.activeReferences(blob.hash()) == 0) {
            store.delete(blob.hash());
        }
    }

    public LedgerVerification verifyLedger() {
        return ledger.verify();
    }

    /** Re-hashes every blob of every version and verifies every signature; each version counts as one. */
    public AuditSummary audit(String actor, Consumer<AuditProgress> progress) {
        List<ArchiveRecord> everyVersion = new ArrayList<>();
        for (ArchiveRecord r : index.active()) {
            for (RecordVersion v : index.versions(r)) {
                everyVersion.add(r.atVersion(v));
            }
        }
        AuditSummary summary = audit.run(everyVersion, progress);
        ledger.append(LedgerEvent.AUDIT, "", "", actor, summary.toString());
        return summary;
    }

    /** Runs {@link #audit} every {@code interval}; cancel the returned future to stop. */
    public ScheduledFuture<?> scheduleAudit(Duration interval, Consumer<AuditSummary> onDone) {
        long ms = interval.toMillis();
        return scheduler.scheduleWithFixedDelay(() -> onDone.accept(audit("scheduler", p -> { })), ms, ms,
                TimeUnit.MILLISECONDS);
    }

    public void setLegalHold(String id, boolean hold, String actor, String reason) {
        ArchiveRecord r = active(id);
        index.setLegalHold(id, hold);
        ledger.append(hold ? LedgerEvent.LEGAL_HOLD_SET : LedgerEvent.LEGAL_HOLD_LIFTED, id, r.blobHash().hex(),
                actor, reason);
    }

    /** Records every active record whose retention has ended by {@code today} (not on hold) and returns them. */
    public List<ArchiveRecord> expireRetention(LocalDate today, String actor) {
        List<ArchiveRecord> expired = index.expiredBy(today);
        for (ArchiveRecord r : expired) {
            ledger.append(LedgerEvent.RETENTION_EXPIRED, r.id(), r.blobHash().hex(), actor,
                    "retain-until=" + r.retainUntil());
        }
        return expired;
    }

    /**
     * Deletes a record (every version) whose retention has ended and that is not on hold; otherwise refuses
     * and records why.
     */
    public void delete(String id, String actor, String reason) {
        ArchiveRecord r = active(id);
        LocalDate today = LocalDate.ofInstant(config.clock().instant(), VIETNAM);
        String refusal = r.legalHold() ? "the record is on legal hold / hồ sơ đang bị phong tỏa"
                : !today.isAfter(r.retainUntil()) ? "it must be kept until " + r.retainUntil()
                        + " / chưa hết thời hạn lưu trữ" : null;
        if (refusal != null) {
            ledger.append(LedgerEvent.DELETE_REFUSED, id, r.blobHash().hex(), actor, refusal);
            throw new RetentionRefusedException("Deletion of " + id + " refused: " + refusal);
        }
        List<RecordVersion> versions = index.versions(r);
        index.markDeleted(id, config.clock().instant());
        for (RecordVersion v : versions) {
            if (index.activeReferences(v.blobHash()) == 0 && store.exists(v.blobHash())) {
                store.delete(v.blobHash());
            }
        }
        ledger.append(LedgerEvent.DELETE, id, r.blobHash().hex(), actor, reason);
    }

    public BagSummary exportBag(SearchQuery selection, Path bagDirectory) {
        List<ArchiveRecord> records = index.search(selection.withLimit(Integer.MAX_VALUE));
        if (records.isEmpty()) {
            throw new BadInputException("No archived records match the selection; nothing to export");
        }
        Map<String, List<RecordVersion>> versions = new LinkedHashMap<>();
        for (ArchiveRecord r : records) {
            versions.put(r.id(), index.versions(r));
        }
        return new BagExporter(store, ledger).export(records, versions, bagDirectory,
                LocalDate.ofInstant(config.clock().instant(), VIETNAM));
    }

    /** Where a record's signed PDF lives, for callers that stream it themselves. */
    public Path blobPath(ArchiveRecord record) {
        return store.path(record.blobHash());
    }

    /** Signs the ledger head now if anything is unsigned. */
    public void sealLedger() {
        ledger.sealHead();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            ledger.close();
        } finally {
            index.close();
        }
    }

    private ArchiveRecord active(String id) {
        ArchiveRecord r = index.find(id).orElseThrow(() -> new RecordNotFoundException(id));
        if (r.status() != ArchiveRecord.Status.ACTIVE) {
            throw new RecordNotFoundException(id + " (deleted)");
        }
        return r;
    }

    private void undo(String id, StoredBlob blob, boolean indexed) {
        // Leave nothing partial: a record without its ledger entry, or a blob nobody references.
        try {
            if (indexed) {
                index.delete(id);
            }
            if (blob != null && blob.created() && index.activeReferences(blob.hash()) == 0) {
                store.delete(blob.hash());
            }
        } catch (ArchiveException cleanup) {
            System.getLogger(Archive.class.getName()).log(System.Logger.Level.ERROR,
                    "Cleanup after a failed ingest of " + id + " failed; the audit will report it", cleanup);
        }
    }

    private void sealQuietly() {
        try {
            ledger.sealHead();
        } catch (ArchiveException e) {
            System.getLogger(Archive.class.getName()).log(System.Logger.Level.ERROR,
                    "Periodic ledger head signature failed; will retry", e);
        }
    }

    private byte[] localSalt() {
        Path file = config.dataDir().resolve("citizen-id.salt");
        try {
            if (Files.exists(file)) {
                return Files.readAllBytes(file);
            }
            byte[] salt = new byte[32];
            new SecureRandom().nextBytes(salt);
            Files.write(file, salt);
            return salt;
        } catch (IOException e) {
            throw new StorageException("Cannot read or create " + file, e);
        }
    }
}
