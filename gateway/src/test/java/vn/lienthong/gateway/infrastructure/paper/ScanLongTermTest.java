package vn.lienthong.gateway.infrastructure.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import vn.lienthong.archive.Archive;
import vn.lienthong.archive.ArchiveConfig;
import vn.lienthong.archive.sign.CmsHeadSigner;
import vn.lienthong.archive.sign.PadesDocumentSigner;
import vn.lienthong.archive.sign.SigningKey;
import vn.lienthong.gateway.application.PaperOrders;
import vn.lienthong.gateway.domain.document.DocumentKind;
import vn.lienthong.gateway.domain.document.DossierDocument;
import vn.lienthong.gateway.domain.dossier.DossierRepository;
import vn.lienthong.gateway.domain.paper.PaperJob;
import vn.lienthong.gateway.infrastructure.persistence.JdbcDossierDocuments;
import vn.lienthong.gateway.infrastructure.persistence.JdbcPaperJobs;
import vn.lienthong.gateway.infrastructure.persistence.TestDatabase;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.key.ProviderPreference;
import vn.lienthong.signing.key.TrialPki;
import vn.lienthong.signing.pki.DemoPki;
import vn.lienthong.signing.pki.DemoTrustServices;
import vn.lienthong.signing.pki.EndEntity;
import vn.lienthong.signing.pki.MemoryRevocationRegistry;
import vn.lienthong.signing.pki.PkiSettings;
import vn.lienthong.signing.support.DssOffline;

/**
 * A scan sealed while neither OCSP nor the CRL answers: listed at once at PAdES-BASELINE-T, its
 * long-term update ordered, and brought to PAdES-BASELINE-LT by the paper route once they answer,
 * in the document's place; EU DSS offline (the DEMO root the only anchor) says so before and after.
 */
class ScanLongTermTest {

    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-10-08T02:00:00Z");

    @TempDir
    Path dir;

    private final PaperMillTest.MovableClock clock = new PaperMillTest.MovableClock(T0.toInstant());

    @Test
    void aScanSealedWithoutRevocationDataIsAtBtThenAtBLtForDssOnceTheRespondersAnswer() throws IOException {
        DemoTrustServices demo = DemoTrustServices.create(DemoPki.create(PkiSettings.demo(
                URI.create("https://dichvucong.example.vn")), Clock.systemUTC()), new MemoryRevocationRegistry());
        TrialPki.Issued seal = demo.issue(EndEntity.gatewaySeal("UBND tinh Test"));
        PaperMillTest.Outage revocation = new PaperMillTest.Outage(demo.revocationSource());
        SigningKey key = SigningKey.of(Pkcs12KeySource.ofKey(seal.key(), seal.chain(), ProviderPreference.JDK))
                .withTimestamps(demo.tsa()).withRevocation(revocation);
        javax.sql.DataSource database = TestDatabase.H2.fresh();
        JdbcPaperJobs jobs = new JdbcPaperJobs(database);
        try (Archive archive = Archive.open(ArchiveConfig.of(dir.resolve("archive"), new PadesDocumentSigner(key),
                new CmsHeadSigner(key)))) {
            JdbcDossierDocuments documents = new JdbcDossierDocuments(database, archive, repository(),
                    clock);

            revocation.down = true;
            DossierDocument scan = documents.digitize(PaperFixtures.dossier(), "Bản scan thành phần hồ sơ", "scan-1",
                    List.of(jpeg("p1.jpg"), jpeg("p2.jpg")), "canbo-1");
            assertFalse(documents.longTerm(scan), "no validation data could be had");
            DssOffline.Verdict issued = dss(archive, scan, demo);
            assertTrue(issued.allAt(SignatureLevel.PAdES_BASELINE_T), issued.detail());
            // What DossierScans does with such a scan; a second order (the desk's retry) changes nothing.
            PaperOrders orders = new PaperOrders(jobs);
            orders.longTermUpdate(scan, T0);
            orders.longTermUpdate(scan, T0);
            String lt = PaperJob.longTermSource("scan-1");
            assertEquals(DocumentKind.SCAN, jobs.find(PaperFixtures.CODE, lt).orElseThrow().kind());
            assertFalse(jobs.pending(PaperFixtures.CODE), "the update never holds the dossier back");

            PaperMill mill = mill(jobs, documents, new PaperPress(demo.tsa(), revocation));
            assertEquals(0, mill.drain(), "still no revocation data");
            PaperJob waiting = jobs.find(PaperFixtures.CODE, lt).orElseThrow();
            assertEquals(PaperJob.Status.PENDING, waiting.status());
            assertTrue(waiting.lastError().contains("stays at PAdES-BASELINE-T"), waiting.lastError());

            revocation.down = false;
            clock.advance(Duration.ofSeconds(6));
            assertEquals(1, mill.drain());
            assertEquals(PaperJob.Status.DONE, jobs.find(PaperFixtures.CODE, lt).orElseThrow().status());
            DossierDocument revised = documents.bySource(PaperFixtures.CODE, "scan-1").orElseThrow();
            assertEquals(scan.id(), revised.id(), "the same document, its bytes revised");
            // The archive keeps the sealed-at-B-T bytes as version 1 and the B-LT ones as the record's next version.
            assertEquals(scan.archiveId(), revised.archiveId(), "the same archive record");
            assertNotEquals(scan.sha256(), revised.sha256(), "its newest version");
            assertTrue(documents.longTerm(revised));
            DssOffline.Verdict longTerm = dss(archive, revised, demo);
            assertEquals(1, longTerm.indications().size(), longTerm.detail());
            assertTrue(longTerm.allPassed() && longTerm.allAt(SignatureLevel.PAdES_BASELINE_LT), longTerm.detail());
            assertTrue(archive.verify(revised.archiveId(), "auditor-1").ok());
            System.out.println("SCAN-LT issued while revocation was down: " + issued.detail().strip()
                    + "; after the update: " + longTerm.detail().strip());
        }
    }

    /** EU DSS, offline, with the DEMO root as the only trust anchor, on the archived bytes. */
    private static DssOffline.Verdict dss(Archive archive, DossierDocument document, DemoTrustServices demo) {
        return DssOffline.validate(archive.blobPath(archive.find(document.archiveId()).orElseThrow()), null,
                List.of(demo.pki().root().certificate()), List.of());
    }

    private PaperMill mill(JdbcPaperJobs jobs, JdbcDossierDocuments documents, PaperPress press) {
        // A long-term update reads and revises the archived document only: no dossier data, keys or outbox.
        return new PaperMill(jobs, repository(), null, null, null, documents, clock,
                new PaperMill.Settings(10, Duration.ofMinutes(5), 3, 5, Duration.ofSeconds(5), Duration.ofSeconds(60),
                        dir.resolve("work"), PaperFixtures.ISSUER), () -> {
                    throw new AssertionError("a long-term update needs no signing key");
                }, press);
    }

    private static DossierRepository repository() {
        return (DossierRepository) Proxy.newProxyInstance(ScanLongTermTest.class.getClassLoader(),
                new Class<?>[] {DossierRepository.class}, (p, method, args) -> {
                    if (method.getName().equals("find")) {
                        return Optional.of(PaperFixtures.dossier()).filter(d -> d.code().equals(args[0]));
                    }
                    throw new AssertionError("unexpected DossierRepository." + method.getName());
                });
    }

    private Path jpeg(String name) throws IOException {
        BufferedImage image = new BufferedImage(300, 420, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 300, 420);
        g.setColor(Color.DARK_GRAY);
        g.fillRect(30, 40, 200, 8);
        g.dispose();
        Path file = dir.resolve(name);
        ImageIO.write(image, "jpg", file.toFile());
        return file;
    }
}
