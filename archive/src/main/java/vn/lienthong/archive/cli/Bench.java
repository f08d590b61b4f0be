package vn.lienthong.archive.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import vn.lienthong.archive.Archive;
import vn.lienthong.archive.ArchiveConfig;
import vn.lienthong.archive.DocumentMetadata;
import vn.lienthong.archive.IngestRequest;
import vn.lienthong.archive.StorageException;
import vn.lienthong.archive.store.Sha256;

/**
 * Ingest throughput for A4 300-dpi JPEG scans on one thread, next to the machine's own limit for
 * the same bytes: read them, SHA-256 them, write them and fsync. Prints {@code NAME: VALUE UNIT} lines.
 */
final class Bench {
    private Bench() {
    }

    static void run(ArchiveConfig template, int pages, int pagesPerDocument, PrintStream out) {
        Path work = template.dataDir();
        try {
            Files.createDirectories(work);
            byte[] scan = SampleScan.a4At300Dpi(1);
            Path page = Files.write(work.resolve("scan-a4-300dpi.jpg"), scan);
            long totalBytes = (long) scan.length * pages;
            out.printf("input: %d pages of %.2f MB (A4, 300 dpi, JPEG), %d pages per document, 1 thread%n",
                    pages, scan.length / 1e6, pagesPerDocument);

            // Warm-up: class loading, JIT and the first font subset are not what a desk pays per page.
            ingest(template, work.resolve("warmup"), page, Math.min(pages, 2 * pagesPerDocument), pagesPerDocument);
            double limit = limit(page, pages, work.resolve("limit.bin"));
            long start = System.nanoTime();
            ingest(template, work.resolve("store"), page, pages, pagesPerDocument);
            double seconds = (System.nanoTime() - start) / 1e9;

            double pagesPerSecond = pages / seconds;
            double limitPagesPerSecond = limit / scan.length;
            out.printf("ingest-signed-pdfa: %.0f pages/s%n", pagesPerSecond);
            out.printf("ingest-signed-pdfa: %.0f MB/s%n", totalBytes / seconds / 1e6);
            out.printf("machine-limit read+sha256+write: %.0f MB/s%n", limit / 1e6);
            out.printf("machine-limit read+sha256+write: %.0f pages/s%n", limitPagesPerSecond);
            out.printf("ingest-vs-limit: %.0f %%%n", 100 * pagesPerSecond / limitPagesPerSecond);
        } catch (IOException e) {
            throw new StorageException("Benchmark failed: " + e.getMessage(), e);
        } finally {
            deleteTree(work.resolve("store"));
            deleteTree(work.resolve("warmup"));
        }
    }

    private static void ingest(ArchiveConfig template, Path dataDir, Path page, int pages, int perDocument) {
        ArchiveConfig config = new ArchiveConfig(dataDir, template.database(), template.citizenIdSalt(),
                template.documentSigner(), template.headSigner(), template.headPolicy(), template.pdfOptions(),
                template.defaultRetention(), template.clock());
        try (Archive archive = Archive.open(config)) {
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
