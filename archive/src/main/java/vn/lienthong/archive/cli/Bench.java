package vn.lienthong.archive.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import vn.lienthong.archive.Archive;
import vn.lienthong.archive.ArchiveConfig;
import vn.lienthong.archive.audit.AuditSummary;
import vn.lienthong.archive.audit.SignerTrust;
import vn.lienthong.archive.ArchiveRecord;
import vn.lienthong.archive.DocumentMetadata;
import vn.lienthong.archive.IngestRequest;
import vn.lienthong.archive.StorageException;
import vn.lienthong.archive.renewal.RenewalPolicy;
import vn.lienthong.archive.renewal.RenewalReport;
import vn.lienthong.archive.sign.CmsHeadSigner;
import vn.lienthong.archive.sign.PadesDocumentSigner;
import vn.lienthong.archive.sign.SigningKey;
import vn.lienthong.archive.store.Sha256;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.key.ProviderPreference;
import vn.lienthong.signing.key.TrialPki;
import vn.lienthong.signing.pki.DemoPki;
import vn.lienthong.signing.pki.DemoTrustServices;
import vn.lienthong.signing.pki.EndEntity;
import vn.lienthong.signing.pki.MemoryRevocationRegistry;
import vn.lienthong.signing.pki.PkiSettings;
/**
 * Ingest throughput for A4 300-dpi JPEG scans on one thread, next to the machine's own limit for
 * the same bytes: read them, SHA-256 them, write them and fsync. Prints {@code NAME: VALUE UNIT} lines.
 */
final class Bench {
    private static final int WARM_UP_PAGES = 200;

    private Bench() {
    }

    static void run(ArchiveConfig template, int pages, int pagesPerDocument, PrintStream out) {
        Path work = template.dataDir();
        try {
            Files.createDirectories(work);
            byte[] scan = SampleScan.a4At300Dpi(1);
            Path page = Files.write(work.resolve("scan-a4-300dpi.jpg"), scan);
            long totalBytes = (long) scan.length * pages;
            out.printf("input: %d pages of %.2f MB (A4, 300 dpi, JPEG), %d pages per document, 1 ingest thread%n",
                    pages, scan.length / 1e6, pagesPerDocument);
            loadAverage().ifPresent(load -> out.println("load average (1/5/15 min) before: " + load));

            // Warm-up: class loading and JIT are not what a desk pays per page in a running server.
            try (Archive warm = Archive.open(config(template, work.resolve("warmup")))) {
                ingest(warm, page, Math.max(WARM_UP_PAGES, 2 * pagesPerDocument), pagesPerDocument);
            }
            double limitBefore = limit(page, pages, work.resolve("limit.bin"));
            long opened = System.nanoTime();
            long start;
            long end;
            try (Archive archive = Archive.open(config(template, work.resolve("store")))) {
                start = System.nanoTime();
                ingest(archive, page, pages, pagesPerDocument);
                end = System.nanoTime();
            }
            double seconds = (end - start) / 1e9;
            double openClose = (start - opened + System.nanoTime() - end) / 1e6;
            double limitAfter = limit(page, pages, work.resolve("limit.bin"));
            // The higher of the two is the machine's limit; the ratio is taken against it.
            double limit = Math.max(limitBefore, limitAfter);

            double pagesPerSecond = pages / seconds;
            double limitPagesPerSecond = limit / scan.length;
            out.printf("ingest-signed-pdfa: %.0f pages/s%n", pagesPerSecond);
            out.printf("ingest-signed-pdfa: %.0f MB/s%n", totalBytes / seconds / 1e6);
            out.printf("archive open + close (not in the rate): %.0f ms%n", openClose);
            out.printf("machine-limit read+sha256+write: %.0f MB/s (before %.0f, after %.0f)%n", limit / 1e6,
                    limitBefore / 1e6, limitAfter / 1e6);
            out.printf("machine-limit read+sha256+write: %.0f pages/s%n", limitPagesPerSecond);
            out.printf("ingest-vs-limit: %.0f %%%n", 100 * pagesPerSecond / limitPagesPerSecond);
            loadAverage().ifPresent(load -> out.println("load average (1/5/15 min) after: " + load));
        } catch (IOException e) {
            throw new StorageException("Benchmark failed: " + e.getMessage(), e);
        } finally {
            deleteTree(work); // the bench's own directory (lienthong-bench-PID): stores, scan and limit file
        }
    }

    /**
     * Ingest to PAdES-BASELINE-LTA and the renewal of {@code documents} one-page documents, under an
     * in-process DEMO PKI (OCSP responder, CRLs and TSA answered in-process, so the figure is the
     * archive's work, not a network's), next to the machine's read+hash+write limit for the same bytes.
     */
    static void runLongTerm(Path work, int documents, PrintStream out) {
        try {
            Files.createDirectories(work);
            byte[] scan = SampleScan.a4At300Dpi(1);
            Path page = Files.write(work.resolve("scan-a4-300dpi.jpg"), scan);
            DemoPki pki = DemoPki.create(PkiSettings.demo(URI.create("https://lienthong.example")), Clock.systemUTC());
            DemoTrustServices services = DemoTrustServices.create(pki, new MemoryRevocationRegistry());
            TrialPki.Issued seal = services.issue(EndEntity.gatewaySeal("Lien Thong DEMO PKI"));
            SigningKey key = SigningKey.of(Pkcs12KeySource.ofKey(seal.key(), seal.chain(),
                    ProviderPreference.NATIVE_IF_AVAILABLE)).withTimestamps(services.tsa())
                    .withRevocation(services.revocationSource());
            ArchiveConfig config = ArchiveConfig.of(work.resolve("lta"), new PadesDocumentSigner(key),
                    new CmsHeadSigner(key));
            out.printf("long-term: %d documents of 1 page (%.2f MB scan), DEMO PKI in-process, 1 thread%n", documents,
                    scan.length / 1e6);
            try (Archive warm = Archive.open(ArchiveConfig.of(work.resolve("lta-warmup"), new PadesDocumentSigner(key),
                    new CmsHeadSigner(key)))) {
                for (int i = 0; i < Math.min(50, documents); i++) {
                    warm.extendToArchive(warm.ingest(IngestRequest.of(List.of(page), metadata(i))).id(), "bench");
                }
            }
            long bytes = 0;
            double ingestSeconds;
            RenewalReport renewal;
            try (Archive archive = Archive.open(config)) {
                long start = System.nanoTime();
                for (int i = 0; i < documents; i++) {
                    ArchiveRecord r = archive.ingest(IngestRequest.of(List.of(page), metadata(i)));
                    bytes += archive.extendToArchive(r.id(), "bench").size();
                }
                ingestSeconds = (System.nanoTime() - start) / 1e9;
                // A margin longer than any certificate: every record is due, as when a TSA certificate nears its end.
                renewal = archive.renewalJob(RenewalPolicy.defaults().withMargin(Duration.ofDays(365L * 100)))
                        .run("bench", false, p -> { });
            }
            if (renewal.done().size() != documents) {
                throw new vn.lienthong.archive.ArchiveException("Renewal bench: " + renewal);
            }
            // The fixity audit of the same records (every version), on the bytes alone and then also judging
            // every signer by the DEMO root offline: what the trust check adds to an audit.
            AuditSummary integrity;
            AuditSummary trusted;
            try (Archive archive = Archive.open(config)) {
                integrity = archive.audit("bench", p -> { });
            }
            try (Archive archive = Archive.open(config.withSignerTrust(
                    SignerTrust.anchoredAt(List.of(pki.root().certificate()))))) {
                trusted = archive.audit("bench", p -> { });
            }
            if (!integrity.clean() || !trusted.clean()) {
                throw new vn.lienthong.archive.ArchiveException("Audit bench: " + integrity + "; " + trusted);
            }
            long perDocument = bytes / documents;
            Path probe = Files.write(work.resolve("document.bin"), new byte[(int) perDocument]);
            double limit = limit(probe, documents, work.resolve("limit.bin"));
            out.printf("ingest-to-lta: %.1f documents/s (ingest B-LT + EXTEND to B-LTA, %d KB each at LTA)%n",
                    documents / ingestSeconds, perDocument / 1024);
            out.printf("renewal: %.1f documents/s (%s)%n", renewal.rate(), renewal);
            out.printf("audit, integrity only: %.1f versions/s (%s)%n",
                    integrity.checked() / seconds(integrity), integrity);
            out.printf("audit, integrity + signers by the trust anchors: %.1f versions/s (%s)%n",
                    trusted.checked() / seconds(trusted), trusted);
            out.printf("machine-limit read+sha256+write of the same documents: %.0f documents/s (%.0f MB/s)%n",
                    limit / perDocument, limit / 1e6);
            loadAverage().ifPresent(load -> out.println("load average (1/5/15 min) after: " + load));
        } catch (IOException e) {
            throw new StorageException("Benchmark failed: " + e.getMessage(), e);
        } finally {
            deleteTree(work);
        }
    }

    private static double seconds(AuditSummary audit) {
        return Math.max(1e-3, audit.took().toNanos() / 1e9);
    }

    private static DocumentMetadata metadata(int n) {
        return new DocumentMetadata(String.format("H15.50.05.13-261207-%04d", n), "scan", "Hồ sơ đăng ký khai sinh",
                "1.001193.000.00.00.H15", "H15.50.05.13", "bench", Instant.now());
    }

    private static ArchiveConfig config(ArchiveConfig template, Path dataDir) {
        return new ArchiveConfig(dataDir, template.database(), template.citizenIdSalt(),
                template.documentSigner(), template.headSigner(), template.headPolicy(), template.pdfOptions(),
                template.defaultRetention(), template.clock(), template.signerTrust());
    }

    private static void ingest(Archive archive, Path page, int pages, int perDocument) {
        int done = 0;
        int n = 0;
        while (done < pages) {
            int count = Math.min(perDocument, pages - done);
            DocumentMetadata m = new DocumentMetadata(String.format("H15.50.05.13-261008-%04d", ++n),
                    "scan", "Hồ sơ đăng ký khai sinh", "1.001193.000.00.00.H15", "H15.50.05.13", "bench",
                    Instant.now());
            archive.ingest(IngestRequest.of(Collections.nCopies(count, page), m));
            done += count;
        }
    }

    /** The kernel's load average, to judge how much of the machine the run really had (Linux only). */
    private static java.util.Optional<String> loadAverage() {
        Path file = Path.of("/proc/loadavg");
        if (!Files.isReadable(file)) {
            return java.util.Optional.empty();
        }
        try {
            String[] fields = Files.readString(file).trim().split("\\s+");
            return fields.length < 3 ? java.util.Optional.empty()
                    : java.util.Optional.of(fields[0] + " " + fields[1] + " " + fields[2]);
        } catch (IOException e) {
            throw new StorageException("Cannot read " + file, e);
        }
    }

    /** Bytes per second to read the same input, hash it and write it durably, as the archive must. */
    private static double limit(Path page, int pages, Path target) throws IOException {
        long start = System.nanoTime();
        MessageDigest digest = Sha256.newDigest();
        byte[] buffer = new byte[1 << 20];
        long total = 0;
        try (FileChannel ch = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
             OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
            for (int i = 0; i < pages; i++) {
                try (InputStream in = Files.newInputStream(page)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        digest.update(buffer, 0, n);
                        out.write(buffer, 0, n);
                        total += n;
                    }
                }
            }
            ch.force(true);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Files.delete(target);
        return total / seconds;
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.forEach(paths::add);
        } catch (IOException e) {
            throw new StorageException("Cannot clean up " + root, e);
        }
        Collections.reverse(paths);
        for (Path p : paths) {
            try {
                Files.delete(p);
            } catch (IOException e) {
                throw new StorageException("Cannot clean up " + p, e);
            }
        }
    }
}
