package vn.lienthong.archive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.archive.PdfAPart;
import vn.lienthong.archive.PdfAValidation;
import vn.lienthong.archive.TestArchives;
import vn.lienthong.archive.TestImages;
import vn.lienthong.signing.key.TrialPki;

class ArchiveCliTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int cli(String... args) {
        out.reset();
        err.reset();
        return new ArchiveCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private List<String> keyOptions() {
        Path ks = dir.resolve("ks.p12");
        if (!Files.exists(ks)) {
            TrialPki pki = TrialPki.create("CLI test CA");
            TrialPki.writePkcs12(pki.issue(TrialPki.Profile.signer("Lưu trữ CLI", "UBND", "EC")), ks,
                    "pw".toCharArray(), "archive");
        }
        return List.of("--store", dir.resolve("data").toString(), "--keystore", ks.toString(), "--storepass", "pw");
    }

    private String[] args(String... head) {
        List<String> all = new ArrayList<>(List.of(head));
        all.addAll(keyOptions());
        return all.toArray(String[]::new);
    }

    @Test
    void ingestSearchGetVerifyAuditAndExitCodes() throws IOException {
        Path page = TestImages.write(dir, "p.jpg", TestImages.jpeg(TestImages.page(620, 877, 1), 75, 0.7f));

        assertEquals(0, cli(args("ingest", "--dossier", "H15-261008-0975", "--type", "birth", "--title",
                "Giấy khai sinh", "--citizen-id", "079203001234", page.toString())), err.toString());
        String id = out().split("\t")[0];
        assertEquals(0, cli(args("search", "--citizen-id", "079203001234")));
        assertTrue(out().startsWith(id), out());
        Path copy = dir.resolve("copy.pdf");
        assertEquals(0, cli(args("get", id, "--out", copy.toString())));
        assertTrue(TestArchives.pdfsig(copy).contains("Signature is Valid."));
        assertEquals(0, cli(args("verify", id)));
        assertEquals(0, cli(args("verify-ledger")));
        assertEquals(0, cli(args("export-bag", "--out", dir.resolve("bag").toString(), "--dossier", "H15-261008-0975")));
        assertEquals(2, cli(args("delete", id, "--reason", "test")), "retention refuses");

        Path blob = Files.walk(dir.resolve("data/blobs")).filter(Files::isRegularFile).findFirst().orElseThrow();
        try (RandomAccessFile raf = new RandomAccessFile(blob.toFile(), "rw")) {
            raf.seek(500);
            raf.write(raf.read() ^ 1);
        }
        assertEquals(1, cli(args("verify", id)));
        assertEquals(1, cli(args("audit")));
        assertTrue(out().contains("CORRUPTED"), out());

        Path ledger = dir.resolve("data/ledger/ledger.log");
        byte[] bytes = Files.readAllBytes(ledger);
        bytes[10] ^= 1;
        Files.write(ledger, bytes);
        assertEquals(1, cli(args("verify-ledger")));
        assertTrue(out().contains("ALTERED"), out());
    }

    @Test
    void outDirWritesASignedPdfAWithoutAStore() throws IOException {
        Path page = TestImages.write(dir, "p.png", TestImages.lossless("png", List.of(TestImages.page(300, 420, 2)), 50));
        Path outDir = dir.resolve("out");
        assertEquals(0, cli(args("ingest", "--dossier", "H15-261008-0001", "--type", "result", "--pdfa", "3b",
                "--out-dir", outDir.toString(), page.toString())), err.toString());
        Path pdf = outDir.resolve("H15-261008-0001-result.pdf");
        assertTrue(TestArchives.pdfsig(pdf).contains("Signature is Valid."));
        assertEquals("", PdfAValidation.failures(pdf, PdfAPart.A3B));
    }

    @Test
    void aMistypedOptionIsRefusedByNameBeforeAnythingIsArchived() throws IOException {
        Path page = TestImages.write(dir, "p.jpg", TestImages.jpeg(TestImages.page(620, 877, 1), 75, 0.7f));

        assertEquals(2, cli(args("ingest", "--dossier", "H15-261008-0976", "--type", "birth", "--retain-untill",
                "2090-01-31", page.toString())));
        assertTrue(err().contains("Unknown option '--retain-untill' for ingest"), err());
        assertTrue(err().contains("--retain-until"), "the message lists what ingest takes: " + err());
        assertFalse(Files.exists(dir.resolve("data")), "nothing was archived");

        assertEquals(0, cli(args("ingest", "--dossier", "H15-261008-0976", "--type", "birth", "--retain-until",
                "2090-01-31", page.toString())), err());
        assertEquals(0, cli(args("search", "--dossier", "H15-261008-0976")));
        assertTrue(out().contains("\t2090-01-31"), "spelt right, the retention date is kept: " + out());
    }

    @Test
    void optionsAndArgumentsAnotherCommandTakesAreRefused() {
        assertEquals(2, cli(args("verify-ledger", "--all")));
        assertTrue(err().contains("Unknown option '--all' for verify-ledger"), err());
        assertEquals(2, cli(args("search", "079203001234")));
        assertTrue(err().contains("Unexpected argument '079203001234' for search"), err());
        assertEquals(2, cli("bench", "--jdbc", "jdbc:h2:mem:x"));
        assertTrue(err().contains("Unknown option '--jdbc' for bench"), err());
    }

    @Test
    void badUsageAndBadInputExitWithTwo() throws IOException {
        assertEquals(2, cli());
        assertEquals(2, cli("frobnicate"));
        assertEquals(2, cli(args("ingest", "--dossier", "H15-1", "--type", "t")));
        Path fake = Files.writeString(dir.resolve("fake.jpg"), "hello");
        assertEquals(2, cli(args("ingest", "--dossier", "H15-1", "--type", "t", fake.toString())));
        assertTrue(err.toString().contains("not a JPEG"), err.toString());
        assertEquals(2, cli(args("get", "no-such-id", "--out", dir.resolve("x").toString())));
        assertEquals(2, cli("verify-ledger", "--store", dir.toString(), "--keystore", "missing.p12", "--storepass", "x"));
    }
}
