package vn.lienthong.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.archive.audit.AuditSummary;
import vn.lienthong.archive.index.SearchQuery;
import vn.lienthong.archive.ledger.LedgerVerification;
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

/** Deposits: a PDF signed twice elsewhere (officer, then agency) is kept byte for byte and stays verifiable. */
class DepositTest {
    private static final String DOSSIER = "H30.20-261008-0001";

    @TempDir
    Path dir;

    private Path twiceSigned;

    /** A result as the papers side makes one: a PDF/A signed by the officer, then by the agency, incrementally. */
    @BeforeEach
    void twiceSignedResult() {
        Path page = TestImages.write(dir, "page.jpg", TestImages.jpeg(TestImages.page(620, 877, 42), 75, 0.7f));
        try (Archive maker = Archive.open(TestArchives.config(dir.resolve("maker")))) {
            ArchiveRecord once = maker.ingest(IngestRequest.of(List.of(page), TestArchives.metadata(DOSSIER)));
            twiceSigned = dir.resolve("result.pdf");
            new PadesDocumentSigner(agencyKey()).sign(maker.blobPath(once), twiceSigned);
        }
    }

    @Test
    void aTwiceSignedPdfIsKeptByteForByteAndVerifies() throws IOException {
        byte[] original = Files.readAllBytes(twiceSigned);
        try (Archive archive = Archive.open(TestArchives.config(dir.resolve("data")))) {
            ArchiveRecord r = archive.deposit(DepositRequest.of(twiceSigned, TestArchives.metadata(DOSSIER))
                    .withCitizenId("001203004567"));

            assertArrayEquals(original, Files.readAllBytes(archive.blobPath(r)), "no rebuild, no re-signing");
            assertEquals(Sha256.ofBytes(original), r.blobHash());
            assertEquals(original.length, r.size());
            assertEquals(2, r.pages()); // cover page and the scan
            assertTrue(r.signer().contains("CN=UBND xa Test DEMO"), r.signer()); // the last signature's signer
            String pdfsig = TestArchives.pdfsig(archive.blobPath(r));
            assertEquals(2, count(pdfsig, "Signature is Valid."), pdfsig);
            assertTrue(pdfsig.contains("Total document signed"), pdfsig);

            assertEquals(List.of(r.id()), archive.search(SearchQuery.all().withCitizenId("001203004567")).stream()
                    .map(ArchiveRecord::id).toList());
            try (InputStream in = archive.read(r.id(), "officer-1")) {
                assertArrayEquals(original, in.readAllBytes());
            }
            VerifyResult verified = archive.verify(r.id(), "auditor-1");
            assertTrue(verified.ok(), verified.toString());
            AuditSummary audit = archive.audit("auditor-1", p -> { });
            assertEquals(1, audit.ok(), audit.toString());
            LedgerVerification ledger = archive.verifyLedger();
            assertTrue(ledger.intact(), ledger.problems().toString());
            assertEquals(4, ledger.entries()); // deposit, read, verify, audit
        }
        String log = Files.readString(dir.resolve("data/ledger/ledger.log"), StandardCharsets.UTF_8);
        assertTrue(log.contains("\tDEPOSIT\t") && log.contains("signatures=2"), log);
    }

    @Test
    void aDepositedRecordWhoseBytesChangeIsReportedCorrupted() throws IOException {
        try (Archive archive = Archive.open(TestArchives.config(dir.resolve("data")))) {
            ArchiveRecord r = archive.deposit(DepositRequest.of(twiceSigned, TestArchives.metadata(DOSSIER)));
            Path blob = archive.blobPath(r);
            blob.toFile().setWritable(true);
            ArchiveTest.flipByte(blob, 200);
            assertEquals(VerifyResult.Outcome.CORRUPTED, archive.verify(r.id(), "auditor-1").outcome());
        }
    }

    @Test
    void aDepositOnTheSignersStatementKeepsTheBytesItHashedAndRefusesAnyOther() throws IOException {
        byte[] original = Files.readAllBytes(twiceSigned);
        String sha256 = Sha256.ofBytes(original).hex();
        Path changed = dir.resolve("changed.pdf");
        Files.copy(twiceSigned, changed);
        ArchiveTest.flipByte(changed, 300);
        try (Archive archive = Archive.open(TestArchives.config(dir.resolve("data")))) {
            // The bytes differ from what the signer hashed: refused, nothing kept, whatever the statement says.
            BadInputException refused = assertThrows(BadInputException.class, () -> archive.deposit(
                    DepositRequest.of(changed, TestArchives.metadata(DOSSIER))
                            .statedBy(new SignerStatement(sha256, 2, 2, "CN=UBND xa Test DEMO"))));
            assertTrue(refused.getMessage().contains("not the one signed"), refused.getMessage());
            assertEquals(List.of(), archive.search(SearchQuery.all()));
            try (Stream<Path> left = Files.walk(dir.resolve("data/blobs"))) {
                assertFalse(left.anyMatch(Files::isRegularFile), "no blob left behind");
            }

            ArchiveRecord r = archive.deposit(DepositRequest.of(twiceSigned, TestArchives.metadata(DOSSIER))
                    .statedBy(new SignerStatement(sha256, 2, 2, "CN=UBND xa Test DEMO")));
            assertArrayEquals(original, Files.readAllBytes(archive.blobPath(r)));
            assertEquals(2, r.pages());
            assertEquals("CN=UBND xa Test DEMO", r.signer());
            // Kept on the statement, still checked like any other record afterwards.
            assertTrue(archive.verify(r.id(), "auditor-1").ok());
        }
        String log = Files.readString(dir.resolve("data/ledger/ledger.log"), StandardCharsets.UTF_8);
        assertTrue(log.contains("\tDEPOSIT\t") && log.contains("signatures=2"), log);
    }

    @Test
    void anUnsignedOrTamperedPdfIsRefusedAndNothingIsKept() throws IOException {
        Path unsigned = dir.resolve("unsigned.pdf");
        Files.write(unsigned, minimalPdf());
        Path tampered = dir.resolve("tampered.pdf");
        Files.copy(twiceSigned, tampered);
        ArchiveTest.flipByte(tampered, 300);
        Path notAPdf = dir.resolve("zip.pdf");
        Files.write(notAPdf, "PK\u0003\u0004 not a pdf".getBytes(StandardCharsets.ISO_8859_1));
        try (Archive archive = Archive.open(TestArchives.config(dir.resolve("data")))) {
            for (Path bad : List.of(unsigned, tampered, notAPdf)) {
                assertThrows(BadInputException.class,
                        () -> archive.deposit(DepositRequest.of(bad, TestArchives.metadata(DOSSIER))), bad::toString);
            }
            assertEquals(List.of(), archive.search(SearchQuery.all()));
            assertEquals(0, archive.verifyLedger().entries());
        }
        try (Stream<Path> left = Files.walk(dir.resolve("data/blobs"))) {
            assertFalse(left.anyMatch(Files::isRegularFile), "no blob left behind");
        }
    }

    @Test
    void aPdfAtLongTermIsKeptAndAnyOtherChangeAfterTheLastSignatureIsRefused() throws IOException {
        DemoTrustServices demo = DemoTrustServices.create(DemoPki.create(PkiSettings.demo(
                java.net.URI.create("https://dichvucong.example.vn")), java.time.Clock.systemUTC()),
                new MemoryRevocationRegistry());
        TrialPki.Issued seal = demo.issue(EndEntity.agencySeal("H30", "UBND xã Test"));
        SigningKey longTerm = SigningKey.of(Pkcs12KeySource.ofKey(seal.key(), seal.chain(), ProviderPreference.JDK))
                .withTimestamps(demo.tsa()).withRevocation(demo.revocationSource());
        Path lt = dir.resolve("long-term.pdf");
        new PadesDocumentSigner(longTerm).sign(twiceSigned, lt);
        Path rotated = dir.resolve("rotated-after-signing.pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(lt.toFile());
             java.io.OutputStream out = Files.newOutputStream(rotated)) {
            doc.getPage(0).setRotation(90);
            doc.getPage(0).getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(out);
        }

        try (Archive archive = Archive.open(TestArchives.config(dir.resolve("data")))) {
            ArchiveRecord kept = archive.deposit(DepositRequest.of(lt, TestArchives.metadata(DOSSIER)));
            assertArrayEquals(Files.readAllBytes(lt), Files.readAllBytes(archive.blobPath(kept)));
            BadInputException refused = assertThrows(BadInputException.class,
                    () -> archive.deposit(DepositRequest.of(rotated, TestArchives.metadata(DOSSIER))));
            assertTrue(refused.getMessage().contains("the last signature does not cover the whole file ("), refused.getMessage());
        }
    }

    private static SigningKey agencyKey() {
        TrialPki pki = TrialPki.create("Liên Thông agency test CA");
        TrialPki.Issued issued = pki.issue(TrialPki.Profile.signer("UBND xa Test DEMO", "UBND xã Test", "RSA"));
        return SigningKey.of(Pkcs12KeySource.ofKey(issued.key(), issued.chain(), ProviderPreference.JDK));
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static byte[] minimalPdf() {
        String body = "%PDF-1.7\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n"
                + "2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n"
                + "3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>> endobj\n";
        String trailer = "trailer <</Root 1 0 R/Size 4>>\n%%EOF\n";
        return (body + trailer).getBytes(StandardCharsets.US_ASCII);
    }
}
