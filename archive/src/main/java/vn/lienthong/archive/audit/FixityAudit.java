package vn.lienthong.archive.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import vn.lienthong.archive.ArchiveRecord;
import vn.lienthong.archive.DocumentSigner;
import vn.lienthong.archive.SignatureCheck;
import vn.lienthong.archive.VerifyResult;
import vn.lienthong.archive.store.BlobStore;
import vn.lienthong.archive.store.Sha256;

/**
 * Re-hashes every blob and re-verifies every signature, and with trust anchors judges the signers
 * too, reporting progress as it goes.
 */
public final class FixityAudit {
    private final BlobStore store;
    private final DocumentSigner signer;
    private final Optional<SignerTrust> trust;
    private final Clock clock;

    public FixityAudit(BlobStore store, DocumentSigner signer, Optional<SignerTrust> trust, Clock clock) {
        this.store = store;
        this.signer = signer;
        this.trust = trust;
        this.clock = clock;
    }

    /** Checks one record: present, same hash as recorded, signature intact, then (with anchors) its signers trusted. */
    public VerifyResult check(ArchiveRecord r) {
        Optional<Sha256> actual = store.rehash(r.blobHash());
        if (actual.isEmpty()) {
            return new VerifyResult(r.id(), VerifyResult.Outcome.MISSING, "blob " + r.blobHash() + " is missing");
        }
        if (!actual.get().equals(r.blobHash())) {
            return new VerifyResult(r.id(), VerifyResult.Outcome.CORRUPTED,
                    "blob hash is " + actual.get() + ", recorded " + r.blobHash());
        }
        SignatureCheck signature = signer.verify(store.path(r.blobHash()));
        if (!signature.valid()) {
            return new VerifyResult(r.id(), VerifyResult.Outcome.SIGNATURE_INVALID, signature.reason());
        }
        if (trust.isPresent()) {
            Optional<String> untrusted = trust.get().problems(store.path(r.blobHash()));
            if (untrusted.isPresent()) {
                return new VerifyResult(r.id(), VerifyResult.Outcome.UNTRUSTED,
                        "intact, but not valid under the trust anchors: " + untrusted.get());
            }
        }
        return new VerifyResult(r.id(), VerifyResult.Outcome.OK, "signed by " + signature.signer());
    }

    public AuditSummary run(List<ArchiveRecord> records, Consumer<AuditProgress> progress) {
        Instant start = clock.instant();
        long totalBytes = records.stream().mapToLong(ArchiveRecord::size).sum();
        long bytes = 0;
        long[] counts = new long[VerifyResult.Outcome.values().length];
        List<VerifyResult> problems = new ArrayList<>();
        int checked = 0;
        for (ArchiveRecord r : records) {
            VerifyResult result = check(r);
            counts[result.outcome().ordinal()]++;
            if (!result.ok()) {
                problems.add(result);
            }
            checked++;
            bytes += r.size();
            double seconds = Math.max(1e-3, Duration.between(start, clock.instant()).toNanos() / 1e9);
            double rate = bytes / seconds;
            long left = rate > 0 ? (long) ((totalBytes - bytes) / rate) : 0;
            progress.accept(new AuditProgress(checked, records.size(), bytes, totalBytes, rate,
                    Duration.ofSeconds(left)));
        }
        return new AuditSummary(checked, counts[VerifyResult.Outcome.OK.ordinal()],
                counts[VerifyResult.Outcome.MISSING.ordinal()], counts[VerifyResult.Outcome.CORRUPTED.ordinal()],
                counts[VerifyResult.Outcome.SIGNATURE_INVALID.ordinal()],
                counts[VerifyResult.Outcome.UNTRUSTED.ordinal()], trust.isPresent(), bytes,
                Duration.between(start, clock.instant()), problems);
    }
}
