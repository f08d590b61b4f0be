package vn.lienthong.archive.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import vn.lienthong.archive.PdfAPart;
import vn.lienthong.archive.PdfAValidation;
import vn.lienthong.archive.TestArchives;
import vn.lienthong.archive.TestImages;
import vn.lienthong.archive.TestIndexDatabase;
import vn.lienthong.archive.index.CitizenIdHasher;
import vn.lienthong.archive.index.RecordIndex;
import vn.lienthong.archive.ledger.LedgerHead;
import vn.lienthong.signing.key.TrialPki;

class ArchiveCliTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    /** The CLI's environment: where the index database's login comes from. */
    private Map<String, String> env = Map.of();

    private int cli(String... args) {
        out.reset();
        err.reset();
        return new ArchiveCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env).run(args);
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
            writeRoot(pki, dir.resolve("ca.pem"));
            writeRoot(TrialPki.create("Another province CA"), dir.resolve("other-ca.pem"));
        }
        return List.of("--store", dir.resolve("data").toString(), "--keystore", ks.toString(), "--storepass", "pw");
    }

    private static void writeRoot(TrialPki pki, Path file) {
        try {
            Files.writeString(file, TrialPki.pem("CERTIFICATE", pki.caCertificate().getEncoded()));
        } catch (IOException | java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String[] args(String... head) {
        List<String> all = new ArrayList<>(List.of(head));
        all.addAll(keyOptions());
        return all.toArray(String[]::new);
    }

    @Test
    void renewListsARecordWithoutValidationDataAsWaitingAndChangesNothing() {
        Path page = TestImages.write(dir, "p.jpg", TestImages.jpeg(TestImages.page(620, 877, 3), 75, 0.7f));
        assertEquals(0, cli(args("ingest", "--dossier", "H15-261207-0019", "--type", "birth", page.toString())),
                err());
        String id = out().split("\t")[0];

        // Signed without a TSA or revocation source: no validation data, so the LTA step waits for it.
        assertEquals(0, cli(args("renew", "--dry-run", "--margin-days", "30")), err());
        assertTrue(out().contains("WAITING\tEXTEND\t" + id + "\tno validation data yet"), out());
        assertTrue(out().contains("dry run: checked 1, due 0 (extend 0, renew 0), done 0, failed 0, waiting for "
                + "validation data 1"), out());
        assertTrue(err().contains("renew: 1/1 records"), err());

        assertEquals(0, cli(args("renew")), out());
        assertTrue(out().contains("WAITING\tEXTEND\t" + id), out());
        assertEquals(2, cli(args("renew", "--retire", "sha256", "--ts-digest", "sha256")), out());
        assertTrue(err().contains("is itself on the list of digests to retire"), err());
        assertEquals(0, cli(args("verify", id)), out());
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
        // With trust anchors: its own CA accepts the signer, another province's does not (intact, untrusted).
        assertEquals(0, cli(args("verify", id, "--trust", dir.resolve("ca.pem").toString())), out());
        assertEquals(1, cli(args("audit", "--trust", dir.resolve("other-ca.pem").toString())), out());
        assertTrue(out().contains("UNTRUSTED\t" + id) && out().contains("NO_CERTIFICATE_CHAIN_FOUND")
                && out().contains("signer untrusted 1"), out());
        assertEquals(2, cli(args("audit", "--trust", dir.resolve("none.pem").toString())), err());
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
        assertEquals(2, cli("bench", "--index-url", "jdbc:h2:mem:x"));
        assertTrue(err().contains("Unknown option '--index-url' for bench"), err());
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

    /**
     * An H2 index with records, a legal hold and a signed ledger head moved into another database
     * (PostgreSQL, and H2 for the same code on the other engine), then the archive verified against it.
     */
    @Nested
    @ParameterizedClass
    @EnumSource(TestIndexDatabase.class)
    class MoveIndex {
        @Parameter
        TestIndexDatabase engine;

        @Test
        void movesEveryRowOnceThenTheCliVerifiesTheArchiveAgainstTheNewIndex() throws IOException {
            TestIndexDatabase.Login target = engine.fresh();
            env = Map.of(ArchiveCli.INDEX_USER, target.user(), ArchiveCli.INDEX_PASSWORD, target.password());
            String first = ingest("H15-261008-0101");
            String second = ingest("H15-261008-0102");
            assertEquals(0, cli(args("hold", first, "--set", "--reason", "thanh tra")), err());
            Path h2 = dir.resolve("data/index.mv.db");
            byte[] h2Bytes = Files.readAllBytes(h2);

            assertEquals(0, cli("move-index", "--store", dir.resolve("data").toString(), "--to", target.url()), err());
            assertTrue(out().startsWith("Moved 2 records, 1 ledger anchor row, digest "), out());
            assertFalse(Files.exists(h2));
            assertArrayEquals(h2Bytes, Files.readAllBytes(dir.resolve("data/index-moved.mv.db")),
                    "the H2 file is renamed and otherwise untouched");

            assertEquals(0, cli("move-index", "--store", dir.resolve("data").toString(), "--to", target.url()), err());
            assertTrue(out().startsWith("Already moved: "), out());
            assertTrue(out().contains("holds 2 records"), out());

            String onTarget = target.url();
            assertEquals(0, cli(args("search", "--index-url", onTarget)), err());
            assertTrue(out().contains(first) && out().contains(second), out());
            assertTrue(out().lines().anyMatch(l -> l.startsWith(first) && l.endsWith("\tHOLD")), "the hold moved: " + out());
            assertEquals(0, cli(args("verify", "--all", "--index-url", onTarget)), out() + err());
            assertTrue(out().contains("OK 2"), out());
            assertEquals(0, cli(args("verify-ledger", "--index-url", onTarget)), out() + err());
            assertTrue(out().contains("Ledger intact"), out());
            assertEquals(2, cli(args("delete", first, "--reason", "test", "--index-url", onTarget)), "still on hold");

            assertEquals(2, cli(args("search")), "no new H2 index takes the moved one's place");
            assertTrue(err().startsWith("Error: --index-url: the index of ") && err().contains("was moved"), err());
            assertFalse(Files.exists(h2));
        }

        @Test
        void aTargetHoldingAnotherIndexIsRefusedAndTheH2FileStays() {
            TestIndexDatabase.Login target = engine.fresh();
            env = Map.of(ArchiveCli.INDEX_USER, target.user(), ArchiveCli.INDEX_PASSWORD, target.password());
            try (RecordIndex other = new RecordIndex(target.source(), new CitizenIdHasher(new byte[32]))) {
                other.record(new LedgerHead(7, "7".repeat(64)));
            }
            ingest("H15-261008-0103");

            assertEquals(2, cli("move-index", "--store", dir.resolve("data").toString(), "--to", target.url()));
            assertTrue(err().contains("already holds 0 records, 1 ledger anchor row"), err());
            assertTrue(Files.exists(dir.resolve("data/index.mv.db")), "nothing moved, the H2 index stays in use");
            assertEquals(2, cli(args("search", "--index-url", target.url())));
            assertTrue(err().startsWith("Error: --index-url: ") && err().contains("still holds this archive's index"),
                    err());
        }

        @Test
        void aRefusedLoginIsOneLineNamingTheVariables() {
            TestIndexDatabase.Login target = engine.fresh();
            new RecordIndex(target.source(), new CitizenIdHasher(new byte[32])).close();
            env = Map.of(ArchiveCli.INDEX_USER, target.user(), ArchiveCli.INDEX_PASSWORD, "not-the-password");
            ingest("H15-261008-0104");

            assertEquals(2, cli("move-index", "--store", dir.resolve("data").toString(), "--to", target.url()));
            assertEquals(1, err().lines().count(), err());
            assertTrue(err().startsWith("Error: LIENTHONG_ARCHIVE_INDEX_USER / LIENTHONG_ARCHIVE_INDEX_PASSWORD: "
                    + "the login was refused by " + target.url()), err());
            assertTrue(Files.exists(dir.resolve("data/index.mv.db")));
        }

        private String ingest(String dossier) {
            Path page = TestImages.write(dir, dossier + ".jpg", TestImages.jpeg(TestImages.page(310, 440, 1), 75, 0.7f));
            assertEquals(0, cli(args("ingest", "--dossier", dossier, "--type", "birth", page.toString())), err());
            return out().split("\t")[0];
        }
    }
}
