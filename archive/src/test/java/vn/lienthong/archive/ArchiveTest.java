package vn.lienthong.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.archive.audit.AuditProgress;
import vn.lienthong.archive.audit.AuditSummary;
import vn.lienthong.archive.bagit.BagSummary;
import vn.lienthong.archive.index.SearchQuery;
import vn.lienthong.archive.ledger.LedgerVerification;
import vn.lienthong.archive.store.Sha256;

class ArchiveTest {
    @TempDir
    Path dir;

    private Path scan(String name, long seed) {
        return TestImages.write(dir, name, TestImages.jpeg(TestImages.page(620, 877, seed), 75, 0.7f));
    }

    @Test
    void ingestedDocumentIsSignedPdfAFindableAndReadable() throws IOException {
        try (Archive archive = Archive.open(TestArchives.config(dir.resolve("data")))) {
            ArchiveRecord r = archive.ingest(IngestRequest.of(List.of(scan("p1.jpg", 1), scan("p2.jpg", 2)),
                    TestArchives.metadata("H15.50.05.13-261008-0975")).withCitizenId("001203004567"));

            assertEquals(3, r.pages());
            Path pdf = archive.blobPath(r);
            String pdfsig = TestArchives.pdfsig(pdf);
            assertTrue(pdfsig.contains("Signature is Valid.") && pdfsig.contains("Total document signed"), pdfsig);
            assertTrue(pdfsig.contains("ETSI.CAdES.detached"), pdfsig);
            assertEquals("", PdfAValidation.failures(pdf, PdfAPart.A2B));
            assertEquals(r.blobHash(), Sha256.ofBytes(Files.readAllBytes(pdf)));

            assertEquals(List.of(r.id()), ids(archive.search(SearchQuery.byDossier("H15.50.05.13-261008-0975"))));
            assertEquals(List.of(r.id()), ids(archive.search(SearchQuery.all().withCitizenId("001203004567"))));
            assertEquals(List.of(), ids(archive.search(SearchQuery.all().withCitizenId("001203004568"))));
            assertEquals(List.of(r.id()),
                    ids(archive.search(SearchQuery.all().withProcedureCode("1.011442.000.00.00.H38"))));
            assertEquals(List.of(), ids(archive.search(SearchQuery.all()
                    .between(r.createdAt().plusSeconds(1), r.createdAt().plusSeconds(60)))));
            try (InputStream in = archive.read(r.id(), "officer-1")) {
                assertEquals(r.size(), in.readAllBytes().length);
            }
            VerifyResult verified = archive.verify(r.id(), "auditor");
            assertTrue(verified.ok(), verified.toString());
            LedgerVerification ledger = archive.verifyLedger();
            assertTrue(ledger.intact(), ledger.problems().toString());
            assertEquals(3, ledger.entries()); // ingest, read, verify
        }
    }

    @Test
    void aSha384SigningKeyHashesTheFileItselfAndStillSignsTheWholeStoredBlob() throws IOException {
        vn.lienthong.archive.sign.SigningKey sha384 = TestArchives.key().with(TestArchives.key().algorithm(),
                vn.lienthong.signing.DigestAlgorithm.SHA384);
        ArchiveConfig config = ArchiveConfig.of(dir.resolve("data"),
                new vn.lienthong.archive.sign.PadesDocumentSigner(sha384),
                new vn.lienthong.archive.sign.CmsHeadSigner(TestArchives.key()));
        try (Archive archive = Archive.open(config)) {
            ArchiveRecord r = archive.ingest(IngestRequest.of(List.of(scan("p.jpg", 5), scan("q.jpg", 6)),
                    TestArchives.metadata("H15.50.05.13-261008-0384")));
            Path pdf = archive.blobPath(r);
            assertEquals(r.blobHash(), Sha256.ofBytes(Files.readAllBytes(pdf)));
            String pdfsig = TestArchives.pdfsig(pdf);
            assertTrue(pdfsig.contains("Signature is Valid.") && pdfsig.contains("Total document signed"), pdfsig);
            assertTrue(archive.verify(r.id(), "auditor").ok());
            assertEquals("", PdfAValidation.failures(pdf, PdfAPart.A2B));
        }
    }

    @Test
    void retentionAndLegalHoldRefuseDeletionAndRecordTheAttempt() throws IOException {
        try (Archive archive = Archive.open(TestArchives.config(dir.resolve("data")))) {
            LocalDate today = LocalDate.now();
            ArchiveRecord kept = archive.ingest(IngestRequest.of(List.of(scan("a.jpg", 3)),
                    TestArchives.metadata("H15-261008-0001")).retainUntil(today.plusYears(10)));
            ArchiveRecord expired = archive.ingest(IngestRequest.of(List.of(scan("b.jpg", 4)),
                    TestArchives.metadata("H15-261008-0002")).retainUntil(today.minusDays(1)));

            RetentionRefusedException early = assertThrows(RetentionRefusedException.class,
                    () -> archive.delete(kept.id(), "officer", "cleanup"));
            assertTrue(early.getMessage().contains("must be kept until"), early.getMessage());

            archive.setLegalHold(expired.id(), true, "inspector", "thanh tra 12/2026");
            assertEquals(List.of(), archive.expireRetention(today, "scheduler"));
            RetentionRefusedException held = assertThrows(RetentionRefusedException.class,
                    () -> archive.delete(expired.id(), "officer", "cleanup"));
            assertTrue(held.getMessage().contains("legal hold"), held.getMessage());
            assertTrue(Files.exists(archive.blobPath(expired)));

            archive.setLegalHold(expired.id(), false, "inspector", "closed");
            assertEquals(List.of(expired.id()), ids(archive.expireRetention(today, "scheduler")));
            archive.delete(expired.id(), "officer", "retention ended");
            assertFalse(Files.exists(archive.blobPath(expired)));
            assertTrue(archive.find(expired.id()).orElseThrow().status() == ArchiveRecord.Status.DELETED);

            String log = Files.readString(dir.resolve("data/ledger/ledger.log"), StandardCharsets.UTF_8);
            assertEquals(2, count(log, "\tDELETE_REFUSED\t"));
            assertEquals(1, count(log, "\tLEGAL_HOLD_SET\t"));
            assertEquals(1, count(log, "\tLEGAL_HOLD_LIFTED\t"));
            assertEquals(1, count(log, "\tRETENTION_EXPIRED\t"));
            assertEquals(1, count(log, "\tDELETE\t"));
            assertTrue(archive.verifyLedger().intact());
        }
    }

    @Test
    void auditFindsCorruptedMissingAndBadlySignedBlobs() throws IOException {
        try (Archive archive = Archive.open(TestArchives.config(dir.resolve("data")))) {
            List<ArchiveRecord> records = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                records.add(archive.ingest(IngestRequest.of(List.of(scan("s" + i + ".jpg", 10 + i)),
                        TestArchives.metadata("H15-261008-000" + i))));
            }
            List<AuditProgress> progress = new ArrayList<>();
            AuditSummary first = archive.audit("auditor", progress::add);
            assertTrue(first.clean(), first.problems().toString());
            assertEquals(4, progress.size());
            assertEquals(4, progress.get(3).checked());

            flipByte(archive.blobPath(records.get(0)), 1000);
            Files.delete(archive.blobPath(records.get(1)));
            // A valid-looking blob whose signature no longer matches: swap in another record's bytes.
            Files.copy(archive.blobPath(records.get(3)), archive.blobPath(records.get(2)),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            AuditSummary summary = archive.audit("auditor", p -> { });
            assertEquals(4, summary.checked());
            assertEquals(1, summary.ok());
            assertEquals(1, summary.missing());
            assertEquals(2, summary.corrupted());
            assertEquals(VerifyResult.Outcome.CORRUPTED, archive.verify(records.get(0).id(), "a").outcome());
        }
    }

    @Test
    void signatureInvalidIsReportedWhenBytesAndIndexAgreeButTheSignatureDoesNot() throws IOException {
        try (Archive archive = Archive.open(TestArchives.config(dir.resolve("data")))) {
            ArchiveRecord r = archive.ingest(IngestRequest.of(List.of(scan("x.jpg", 20)),
                    TestArchives.metadata("H15-261008-0100")));
            Path pdf = archive.blobPath(r);
            byte[] bytes = Files.readAllBytes(pdf);
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int at = text.indexOf("Giấy khai sinh".substring(0, 3)); // inside the XMP packet, which is signed
            at = text.indexOf("<lt:dossierCode>") + "<lt:dossierCode>".length();
            bytes[at] = (byte) (bytes[at] == 'H' ? 'X' : 'H');
            Files.write(pdf, bytes);
            // Someone who can also rewrite the index: the hash matches again, the signature cannot.
            VerifyResult result = new vn.lienthong.archive.audit.FixityAudit(
                    new vn.lienthong.archive.store.BlobStore(dir.resolve("data")),
                    TestArchives.config(dir).documentSigner(), java.util.Optional.empty(), java.time.Clock.systemUTC())
                    .check(withHash(r, Sha256.ofBytes(bytes), dir.resolve("data"), bytes));
            assertEquals(VerifyResult.Outcome.SIGNATURE_INVALID, result.outcome(), result.detail());
            String pdfsig = TestArchives.pdfsig(pdf);
            assertTrue(pdfsig.contains("Digest Mismatch"), pdfsig);
        }
    }

    @Test
    void badInputLeavesNothingInTheStore() throws IOException {
        Path data = dir.resolve("data");
        try (Archive archive = Archive.open(TestArchives.config(data))) {
            Path empty = TestImages.write(dir, "empty.jpg", new byte[0]);
            Path good = scan("good.jpg", 30);
            BadInputException e = assertThrows(BadInputException.class, () -> archive.ingest(IngestRequest.of(
                    List.of(good, empty), TestArchives.metadata("H15-261008-0200"))));
            assertTrue(e.getMessage().contains("empty"), e.getMessage());
            assertEquals(List.of(), archive.search(SearchQuery.all()));
            try (Stream<Path> blobs = Files.walk(data.resolve("blobs"))) {
                assertEquals(0, blobs.filter(Files::isRegularFile).count());
            }
            try (Stream<Path> tmp = Files.list(data.resolve("tmp"))) {
                assertEquals(0, tmp.count());
            }
            assertEquals(0, archive.verifyLedger().entries());
        }
    }

    @Test
    void bagItExportHasManifestsAndLedgerExcerpt() throws IOException {
        try (Archive archive = Archive.open(TestArchives.config(dir.resolve("data")))) {
            ArchiveRecord a = archive.ingest(IngestRequest.of(List.of(scan("a.jpg", 40)),
                    TestArchives.metadata("H15-261008-0300")));
            archive.ingest(IngestRequest.of(List.of(scan("b.jpg", 41)), TestArchives.metadata("H15-261008-0301")));
            archive.sealLedger();
            Path bag = dir.resolve("bag");

            BagSummary summary = archive.exportBag(SearchQuery.byDossier("H15-261008-0300"), bag);

            assertEquals(2, summary.payloadFiles()); // the PDF and records.tsv
            assertTrue(Files.readString(bag.resolve("bagit.txt")).startsWith("BagIt-Version: 1.0"));
            for (String manifest : List.of("manifest-sha256.txt", "tagmanifest-sha256.txt")) {
                for (String line : Files.readAllLines(bag.resolve(manifest))) {
                    String[] parts = line.split("  ", 2);
                    assertEquals(parts[0], Sha256.ofBytes(Files.readAllBytes(bag.resolve(parts[1]))).hex(), line);
                }
            }
            assertTrue(Files.readString(bag.resolve("manifest-sha256.txt"))
                    .contains(a.blobHash().hex() + "  data/H15-261008-0300/" + a.id() + ".pdf"));
            String excerpt = Files.readString(bag.resolve("ledger-excerpt.log"));
            assertTrue(excerpt.contains("\tINGEST\t" + a.id()), excerpt);
            assertTrue(excerpt.contains("\tHEAD_SIGNED\t"), excerpt);
            assertFalse(excerpt.contains("H15-261008-0301"), excerpt);
            String info = Files.readString(bag.resolve("bag-info.txt"));
            assertTrue(info.contains("Payload-Oxum: " + summary.payloadBytes() + ".2"), info);
        }
    }

    private static ArchiveRecord withHash(ArchiveRecord r, Sha256 hash, Path data, byte[] bytes) throws IOException {
        vn.lienthong.archive.store.BlobStore store = new vn.lienthong.archive.store.BlobStore(data);
        Path target = store.path(hash);
        Files.createDirectories(target.getParent());
        Files.write(target, bytes);
        return new ArchiveRecord(r.id(), r.dossierCode(), r.documentType(), r.procedureCode(), r.agencyCode(), hash,
                bytes.length, r.pages(), r.createdAt(), r.retainUntil(), r.legalHold(), r.signer(), r.pdfaPart(),
                r.status());
    }

    static void flipByte(Path file, long offset) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            int b = raf.read();
            raf.seek(offset);
            raf.write(b ^ 0x01);
        }
    }

    private static List<String> ids(List<ArchiveRecord> records) {
        return records.stream().map(ArchiveRecord::id).toList();
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    static Instant now() {
        return Instant.now();
    }
}
