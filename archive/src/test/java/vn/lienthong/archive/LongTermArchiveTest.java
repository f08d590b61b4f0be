package vn.lienthong.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.archive.audit.AuditSummary;
import vn.lienthong.archive.audit.SignerTrust;
import vn.lienthong.archive.bagit.BagSummary;
import vn.lienthong.archive.index.SearchQuery;
import vn.lienthong.archive.renewal.RenewalJob;
import vn.lienthong.archive.renewal.RenewalPolicy;
import vn.lienthong.archive.renewal.RenewalReport;
import vn.lienthong.archive.sign.CmsHeadSigner;
import vn.lienthong.archive.sign.PadesDocumentSigner;
import vn.lienthong.archive.sign.SigningKey;
import vn.lienthong.signing.DigestAlgorithm;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.key.ProviderPreference;
import vn.lienthong.signing.key.TrialPki;
import vn.lienthong.signing.ltv.ArchiveTimestamp;
import vn.lienthong.signing.pki.DemoPki;
import vn.lienthong.signing.pki.DemoTrustServices;
import vn.lienthong.signing.pki.EndEntity;
import vn.lienthong.signing.pki.MemoryRevocationRegistry;
import vn.lienthong.signing.pki.PkiSettings;
import vn.lienthong.signing.pki.Revocation;
import vn.lienthong.signing.pki.RevocationRegistry;
import vn.lienthong.signing.support.DssOffline;

/**
 * PAdES-BASELINE-LTA in the archive under the DEMO PKI, judged offline by EU DSS 6.4 (the DEMO root
 * the only anchor), veraPDF and pdfsig: record versions, and the renewal job when the TSA's
 * certificate nears its end (the clock moved, the TSA re-issued for the new time).
 */
class LongTermArchiveTest {
    private static final String ORGANISATION = "Lien Thong DEMO PKI";
    private static final String DOSSIER = "H30.20-261207-0019";

    @TempDir
    Path dir;

    static MovableClock clock;
    static DemoPki pki;
    static RevocationRegistry registry;
    static TrialPki.Issued ocspResponder;
    static TrialPki.Issued seal;

    @BeforeAll
    static void demoPki() {
        // The story starts 25 days ago, so that "now" is the moment the renewal is due.
        clock = new MovableClock(Instant.now().minus(Duration.ofDays(25)));
        pki = DemoPki.create(PkiSettings.demo(URI.create("https://lienthong.example")), clock);
        registry = new MemoryRevocationRegistry();
        ocspResponder = pki.issue(EndEntity.ocspResponder(ORGANISATION));
        seal = pki.issue(EndEntity.gatewaySeal(ORGANISATION));
        registry.issued(seal.certificate());
    }

    @Test
    void anLtaUpdateIsANewVersionAndEveryVersionIsVerifiedAuditedExportedHeldAndDeleted() throws IOException {
        clock.set(Instant.now());
        DemoTrustServices services = new DemoTrustServices(pki, registry, ocspResponder,
                pki.issue(EndEntity.tsa(ORGANISATION)));
        try (Archive archive = Archive.open(config(dir.resolve("data"), services))) {
            ArchiveRecord first = archive.ingest(IngestRequest.of(List.of(page()), TestArchives.metadata(DOSSIER))
                    .retainUntil(LocalDate.now(ZoneOffset.UTC).minusDays(1)));

            ArchiveRecord lta = archive.extendToArchive(first.id(), "archivist");

            assertNotEquals(first.blobHash(), lta.blobHash());
            Path current = archive.blobPath(lta);
            DssOffline.Verdict dss = dss(current);
            assertTrue(dss.allPassed(), dss.detail());
            assertEquals(List.of(SignatureLevel.PAdES_BASELINE_LTA), dss.levels(), dss.detail());
            assertEquals("", PdfAValidation.failures(current, PdfAPart.A2B));
            String pdfsig = TestArchives.pdfsig(current);
            // poppler validates the seal; it cannot validate a document time-stamp ("not yet verified").
            assertTrue(pdfsig.split("Signature #1:")[1].split("Signature #2:")[0].contains("Signature is Valid."),
                    pdfsig);
            assertTrue(pdfsig.contains("Signature #2:"), pdfsig);
            List<RecordVersion> versions = archive.versions(first.id());
            assertEquals(List.of(first.blobHash(), lta.blobHash()),
                    versions.stream().map(RecordVersion::blobHash).toList());
            assertEquals(List.of("EXTEND"), versions.get(0).supersededBy().stream().toList());
            assertTrue(Files.exists(archive.blobPath(first)), "the old version is kept");
            assertTrue(ledger().contains("\tEXTEND\t" + first.id() + "\t" + lta.blobHash().hex()), ledger());
            assertTrue(ledger().contains("previous=" + first.blobHash().hex() + ";sha256=" + lta.blobHash().hex()),
                    ledger());
            try (var in = archive.read(first.id(), 1, "auditor")) {
                assertEquals(first.blobHash(), vn.lienthong.archive.store.Sha256.ofBytes(in.readAllBytes()));
            }

            // A flipped byte in the old version is caught as in the newest: by verify and by the audit.
            flip(archive.blobPath(first));
            VerifyResult damaged = archive.verify(first.id(), "auditor");
            assertEquals(VerifyResult.Outcome.CORRUPTED, damaged.outcome(), damaged.toString());
            assertTrue(damaged.detail().startsWith("version 1:"), damaged.toString());
            AuditSummary audit = archive.audit("auditor", p -> { });
            assertEquals(2, audit.checked(), audit.toString());
            assertEquals(1, audit.corrupted(), audit.toString());
            flip(archive.blobPath(lta));
            flip(archive.blobPath(first));
            assertEquals(VerifyResult.Outcome.CORRUPTED, archive.verify(first.id(), "auditor").outcome());
            flip(archive.blobPath(lta));
            assertTrue(archive.verify(first.id(), "auditor").ok());
            assertTrue(archive.audit("auditor", p -> { }).clean());

            BagSummary bag = archive.exportBag(SearchQuery.byDossier(DOSSIER), dir.resolve("bag"));
            assertEquals(3, bag.payloadFiles(), bag.toString()); // both versions and records.tsv
            assertTrue(Files.exists(dir.resolve("bag/data/" + DOSSIER + "/" + first.id() + ".v1.pdf")));
            assertTrue(Files.readString(dir.resolve("bag/ledger-excerpt.log")).contains("\tEXTEND\t"));

            // Retention and legal hold hold every version; deletion removes every version.
            archive.setLegalHold(first.id(), true, "judge", "case 12/2026");
            assertThrows(RetentionRefusedException.class, () -> archive.delete(first.id(), "archivist", "expired"));
            assertTrue(Files.exists(archive.blobPath(first)) && Files.exists(archive.blobPath(lta)));
            archive.setLegalHold(first.id(), false, "judge", "case closed");
            archive.delete(first.id(), "archivist", "expired");
            assertFalse(Files.exists(archive.blobPath(first)) || Files.exists(archive.blobPath(lta)));
            assertTrue(archive.verifyLedger().intact());
        }
    }

    @Test
    void theRenewalJobExtendsThenRenewsWhenTheTsaCertificateNearsItsEnd() throws IOException,
            GeneralSecurityException {
        clock.set(Instant.now().minus(Duration.ofDays(25)));
        // A TSA certificate that ends 30 days after the ingest, i.e. 5 days from the real now.
        KeyPair keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        var shortLived = pki.certify(keys.getPublic(), EndEntity.tsa(ORGANISATION), clock.instant().minusSeconds(300),
                Instant.now().plus(Duration.ofDays(5)));
        DemoTrustServices before = new DemoTrustServices(pki, registry, ocspResponder,
                new TrialPki.Issued(keys.getPrivate(), pki.chain(shortLived)));
        RenewalPolicy policy = RenewalPolicy.defaults().withMargin(Duration.ofDays(20));
        Path data = dir.resolve("data");
        String id;
        try (Archive archive = Archive.open(config(data, before))) {
            id = archive.ingest(IngestRequest.of(List.of(page()), TestArchives.metadata(DOSSIER))).id();
            RenewalJob job = archive.renewalJob(policy);

            RenewalReport dry = job.run("renewal", true, p -> { });
            assertEquals(1, dry.due().size(), dry.toString());
            assertEquals(RenewalReport.Action.EXTEND, dry.due().get(0).action());
            assertEquals(1, archive.versions(id).size(), "a dry run writes nothing");
            RenewalReport extended = job.run("renewal", false, p -> { });
            assertEquals(1, extended.done().size(), extended.toString());
            assertEquals(2, archive.versions(id).size());
            assertEquals(0, job.run("renewal", true, p -> { }).due().size(), "the TSA ends after the margin");
        }

        clock.set(Instant.now());
        DemoTrustServices reissued = new DemoTrustServices(pki, registry, ocspResponder,
                pki.issue(EndEntity.tsa(ORGANISATION)));
        try (Archive archive = Archive.open(config(data, reissued))) {
            RenewalJob job = archive.renewalJob(policy);
            RenewalReport dry = job.run("renewal", true, p -> { });
            assertEquals(1, dry.due().size(), dry.toString());
            assertEquals(RenewalReport.Action.RENEW, dry.due().get(0).action());
            assertTrue(dry.due().get(0).reason().contains("ends"), dry.toString());
            List<String> progress = new java.util.ArrayList<>();

            RenewalReport run = job.run("renewal", false, p -> progress.add(p.toString()));

            assertEquals(1, run.done().size(), run.toString());
            assertEquals(List.of("1/1 records, 1 renewed or extended, 0 failed"), progress);
            ArchiveRecord renewed = archive.find(id).orElseThrow();
            List<RecordVersion> versions = archive.versions(id);
            assertEquals(3, versions.size());
            assertEquals(List.of("EXTEND", "RENEW"), versions.subList(0, 2).stream()
                    .map(v -> v.supersededBy().orElseThrow()).toList());
            List<ArchiveTimestamp> stamps = archive.documentTimestamps(renewed);
            assertEquals(2, stamps.size());
            assertEquals(shortLived, stamps.get(0).tsa());
            assertNotEquals(shortLived, stamps.get(1).tsa());
            DssOffline.Verdict dss = dss(archive.blobPath(renewed));
            assertTrue(dss.allPassed(), dss.detail());
            assertEquals(List.of(SignatureLevel.PAdES_BASELINE_LTA), dss.levels(), dss.detail());
            String previous = versions.get(1).blobHash().hex();
            assertTrue(ledger().contains("\tRENEW\t" + id + "\t" + renewed.blobHash().hex()), ledger());
            assertTrue(ledger().contains("previous=" + previous + ";sha256=" + renewed.blobHash().hex()), ledger());
            assertTrue(ledger().contains("checked 1, due 1 (extend 0, renew 1), done 1"), ledger());
            AuditSummary audit = archive.audit("auditor", p -> { });
            assertEquals(3, audit.checked(), audit.toString());
            assertTrue(audit.clean(), audit.toString());
            BagSummary bag = archive.exportBag(SearchQuery.byDossier(DOSSIER), dir.resolve("bag"));
            assertEquals(4, bag.payloadFiles(), bag.toString());
            assertEquals(0, job.run("renewal", true, p -> { }).due().size(), "renewed: nothing left to do");

            // A digest on the list to retire makes the record due again, whatever the certificate.
            RenewalReport retiring = archive.renewalJob(policy.retiring(Set.of(DigestAlgorithm.SHA256),
                    DigestAlgorithm.SHA512)).run("renewal", true, p -> { });
            assertEquals(1, retiring.due().size(), retiring.toString());
            assertTrue(retiring.due().get(0).reason().contains("SHA-256"), retiring.toString());
            assertTrue(archive.verifyLedger().intact());
        }
    }

    @Test
    void aPaperWithoutValidationDataWaitsAndItsRevisionIsANewVersionThatTheJobThenExtends() throws IOException {
        clock.set(Instant.now());
        DemoTrustServices services = new DemoTrustServices(pki, registry, ocspResponder,
                pki.issue(EndEntity.tsa(ORGANISATION)));
        // Signed at PAdES-BASELINE-T: no revocation source when it was signed.
        SigningKey atT = SigningKey.of(Pkcs12KeySource.ofKey(seal.key(), seal.chain(), ProviderPreference.JDK))
                .withTimestamps(services.tsa());
        Path data = dir.resolve("data");
        String id;
        Path atTFile = dir.resolve("at-t.pdf");
        try (Archive archive = Archive.open(ArchiveConfig.of(data, new PadesDocumentSigner(atT), new CmsHeadSigner(atT))
                .withClock(clock))) {
            ArchiveRecord first = archive.ingest(IngestRequest.of(List.of(page()), TestArchives.metadata(DOSSIER)));
            id = first.id();
            Files.copy(archive.blobPath(first), atTFile);
        }
        try (Archive archive = Archive.open(config(data, services))) {
            ArchiveRecord first = archive.find(id).orElseThrow();
            RenewalJob job = archive.renewalJob(RenewalPolicy.defaults());
            assertFalse(archive.hasValidationData(first));
            RenewalReport waits = job.run("renewal", true, p -> { });
            assertEquals(0, waits.due().size(), "no validation data yet: it waits");
            assertEquals(List.of(id), waits.waiting().stream().map(RenewalReport.Item::recordId).toList());

            Path other = dir.resolve("other.pdf");
            Files.write(other, Files.readAllBytes(atTFile), java.nio.file.StandardOpenOption.CREATE_NEW);
            flip(other);
            assertThrows(BadInputException.class, () -> archive.revise(id, other, "paper-mill"));
            assertEquals(1, archive.versions(id).size(), "a refused revision changes nothing");

            Path revised = dir.resolve("revised.pdf");
            Files.copy(atTFile, revised);
            assertTrue(new vn.lienthong.signing.pdf.PadesLongTerm(services.revocationSource()).extend(revised).longTerm());
            ArchiveRecord lt = archive.revise(id, revised, "paper-mill");

            assertEquals(id, lt.id());
            assertEquals(List.of(first.blobHash(), lt.blobHash()),
                    archive.versions(id).stream().map(RecordVersion::blobHash).toList());
            assertEquals(lt, archive.revise(id, revised, "paper-mill"), "the same bytes again change nothing");
            assertTrue(ledger().contains("previous=" + first.blobHash().hex() + ";sha256=" + lt.blobHash().hex()),
                    ledger());
            RenewalReport extended = job.run("renewal", false, p -> { });
            assertEquals(List.of(RenewalReport.Action.EXTEND),
                    extended.done().stream().map(RenewalReport.Item::action).toList(), extended.toString());
            ArchiveRecord lta = archive.find(id).orElseThrow();
            assertEquals(3, archive.versions(id).size());
            DssOffline.Verdict dss = dss(archive.blobPath(lta));
            assertTrue(dss.allPassed(), dss.detail());
            assertEquals(List.of(SignatureLevel.PAdES_BASELINE_LTA), dss.levels(), dss.detail());
            assertTrue(archive.audit("auditor", p -> { }).clean());
        }
    }

    @Test
    void withTrustAnchorsVerifyAndTheAuditTellAnUntrustedOrRevokedSignerFromDamagedBytes() throws IOException {
        clock.set(Instant.now());
        DemoTrustServices services = new DemoTrustServices(pki, registry, ocspResponder,
                pki.issue(EndEntity.tsa(ORGANISATION)));
        SignerTrust demoRoot = SignerTrust.anchoredAt(List.of(pki.root().certificate()));
        TrialPki.Issued revokedSeal = services.issue(EndEntity.gatewaySeal(ORGANISATION + " revoked"));
        services.revoke(revokedSeal.certificate(), Instant.now().minus(Duration.ofMinutes(10)), Revocation.KEY_COMPROMISE);
        TrialPki.Issued laterSeal = services.issue(EndEntity.gatewaySeal(ORGANISATION + " later"));

        ArchiveRecord good;
        try (Archive archive = Archive.open(config(dir.resolve("data"), services, seal).withSignerTrust(demoRoot))) {
            good = archive.ingest(IngestRequest.of(List.of(page()), TestArchives.metadata(DOSSIER)));
            assertTrue(archive.verify(good.id(), "auditor").ok());
        }
        ArchiveRecord revoked;
        try (Archive archive = Archive.open(config(dir.resolve("data"), services, revokedSeal).withSignerTrust(demoRoot))) {
            revoked = archive.ingest(IngestRequest.of(List.of(page()), TestArchives.metadata(DOSSIER)));
        }
        ArchiveRecord later;
        try (Archive archive = Archive.open(config(dir.resolve("data"), services, laterSeal).withSignerTrust(demoRoot))) {
            later = archive.ingest(IngestRequest.of(List.of(page()), TestArchives.metadata(DOSSIER)));
            // Revoked after its time-stamp, the revocation then embedded by the LTA step: still valid.
            services.revoke(laterSeal.certificate(), Instant.now().plusSeconds(1), Revocation.SUPERSEDED);
            clock.set(Instant.now().plusSeconds(2));
            later = archive.extendToArchive(later.id(), "archivist");
        }

        try (Archive archive = Archive.open(config(dir.resolve("data"), services, seal).withSignerTrust(demoRoot))) {
            VerifyResult revokedCheck = archive.verify(revoked.id(), "auditor");
            assertEquals(VerifyResult.Outcome.UNTRUSTED, revokedCheck.outcome(), revokedCheck.toString());
            assertTrue(revokedCheck.detail().contains("REVOKED_NO_POE"), revokedCheck.detail());
            VerifyResult laterCheck = archive.verify(later.id(), "auditor");
            assertTrue(laterCheck.ok(), laterCheck.toString());

            AuditSummary audit = archive.audit("auditor", p -> { });
            assertTrue(audit.trustChecked(), audit.toString());
            assertEquals(1, audit.untrusted(), audit.toString());
            assertEquals(0, audit.corrupted() + audit.signatureInvalid() + audit.missing(), audit.toString());
            assertEquals(List.of(revoked.id()), audit.problems().stream().map(VerifyResult::recordId).toList());
            assertTrue(ledger().contains("signer untrusted 1"), ledger());

            // Damaged bytes stay CORRUPTED, whatever the signer: the two findings are never confused.
            flip(archive.blobPath(revoked));
            assertEquals(VerifyResult.Outcome.CORRUPTED, archive.verify(revoked.id(), "auditor").outcome());
            flip(archive.blobPath(revoked));
        }

        // Another root as the only anchor: every signer of this archive is untrusted, no chain to it.
        DemoPki elsewhere = DemoPki.create(PkiSettings.demo(URI.create("https://elsewhere.example")), clock);
        try (Archive archive = Archive.open(config(dir.resolve("data"), services, seal)
                .withSignerTrust(SignerTrust.anchoredAt(List.of(elsewhere.root().certificate()))))) {
            VerifyResult foreign = archive.verify(good.id(), "auditor");
            assertEquals(VerifyResult.Outcome.UNTRUSTED, foreign.outcome(), foreign.toString());
            assertTrue(foreign.detail().contains("NO_CERTIFICATE_CHAIN_FOUND"), foreign.detail());
            AuditSummary audit = archive.audit("auditor", p -> { });
            assertEquals(audit.checked(), audit.untrusted(), audit.toString());
        }
        // Without anchors the audit checks the bytes alone, and says so.
        try (Archive archive = Archive.open(config(dir.resolve("data"), services, seal))) {
            AuditSummary audit = archive.audit("auditor", p -> { });
            assertTrue(audit.clean() && !audit.trustChecked(), audit.toString());
            assertTrue(audit.toString().contains("not checked"), audit.toString());
        }
    }

    private ArchiveConfig config(Path data, DemoTrustServices services) {
        return config(data, services, seal);
    }

    private ArchiveConfig config(Path data, DemoTrustServices services, TrialPki.Issued seal) {
        SigningKey key = SigningKey.of(Pkcs12KeySource.ofKey(seal.key(), seal.chain(), ProviderPreference.JDK))
                .withTimestamps(services.tsa()).withRevocation(services.revocationSource());
        return ArchiveConfig.of(data, new PadesDocumentSigner(key), new CmsHeadSigner(key)).withClock(clock);
    }

    private Path page() {
        return TestImages.write(dir, "page.jpg", TestImages.jpeg(TestImages.page(620, 877, 19), 75, 0.7f));
    }

    private String ledger() throws IOException {
        return Files.readString(dir.resolve("data/ledger/ledger.log"), StandardCharsets.UTF_8);
    }

    private static DssOffline.Verdict dss(Path pdf) {
        return DssOffline.validate(pdf, null, List.of(pki.root().certificate()), List.of());
    }

    private static void flip(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long at = raf.length() / 3;
            raf.seek(at);
            int b = raf.read();
            raf.seek(at);
            raf.write(b ^ 0x01);
        }
    }

    /** The demo clock: set to a moment, as the gateway's demo clock admin API does. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
