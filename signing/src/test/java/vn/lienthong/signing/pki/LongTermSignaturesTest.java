package vn.lienthong.signing.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signing.DigestAlgorithm;
import vn.lienthong.signing.SignatureAlgorithm;
import vn.lienthong.signing.cms.CmsParameters;
import vn.lienthong.signing.cms.CmsSigner;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.key.ProviderPreference;
import vn.lienthong.signing.key.TrialPki;
import vn.lienthong.signing.ltv.ArchiveTimestamp;
import vn.lienthong.signing.ltv.LongTermResult;
import vn.lienthong.signing.ltv.RevocationSource;
import vn.lienthong.signing.ltv.RevocationStatus;
import vn.lienthong.signing.pdf.Certification;
import vn.lienthong.signing.pdf.PadesLongTerm;
import vn.lienthong.signing.pdf.PadesParameters;
import vn.lienthong.signing.pdf.PadesSigner;
import vn.lienthong.signing.pdf.VisibleStamp;
import vn.lienthong.signing.support.DssOffline;
import vn.lienthong.signing.support.Fixtures;
import vn.lienthong.signing.support.Pdfsig;
import vn.lienthong.signing.support.Tool;
import vn.lienthong.signing.tsp.DemoTsa;
import vn.lienthong.signing.verify.Indication;
import vn.lienthong.signing.verify.Reason;
import vn.lienthong.signing.verify.SignatureReport;
import vn.lienthong.signing.verify.SignatureVerifier;
import vn.lienthong.signing.verify.VerificationPolicy;
import vn.lienthong.signing.verify.VerificationReport;

/**
 * Papers at PAdES-BASELINE-LT under the DEMO PKI, judged offline by EU DSS 6.4 (the DEMO root
 * its only trust anchor, no fetching), pdfsig and our verifier; revocation before and after
 * signing; OCSP down; nothing available.
 */
class LongTermSignaturesTest {
    private static final String AGENCY = "UBND Phường Hàng Bạc";

    @TempDir
    static Path dir;
    static DemoPki pki;
    static DemoTrustServices services;
    static RevocationSource revocation;
    static DemoTsa tsa;
    static TrialPki.Issued agency;

    @BeforeAll
    static void demoPki() {
        pki = DemoPki.create(PkiSettings.demo(URI.create("https://lienthong.example")), Clock.systemUTC());
        services = DemoTrustServices.create(pki, new MemoryRevocationRegistry());
        revocation = services.revocationSource();
        tsa = services.tsa();
        agency = services.issue(EndEntity.agencySeal("H01", AGENCY));
    }

    static TrialPki.Issued issue(EndEntity subject) {
        return services.issue(subject);
    }

    @Test
    void officerThenAgencyAtLongTermPassDssPdfsigAndOurs() {
        TrialPki.Issued officer = issue(EndEntity.officer("cb-0001", AGENCY));
        Path paper = signTwice("giay-tiep-nhan", officer);

        LongTermResult lt = new PadesLongTerm(revocation).extend(paper);

        assertTrue(lt.longTerm(), lt.toString());
        assertTrue(lt.ocspResponses() >= 3, lt.toString()); // officer, agency, TSA
        assertTrue(lt.crls() >= 1, lt.toString()); // the root's, for the issuing CA
        Dss dss = dss(paper, null, List.of());
        assertEquals(2, dss.indications().size(), dss.detail());
        assertTrue(dss.allPassed(), dss.detail());
        assertEquals(List.of(SignatureLevel.PAdES_BASELINE_LT, SignatureLevel.PAdES_BASELINE_LT), dss.levels(),
                dss.detail());
        VerificationReport ours = ours(paper);
        assertTrue(ours.passed(), ours.toText());
        assertTrue(ours.signatures().stream().allMatch(s -> s.level().equals("PAdES-BASELINE-LT")), ours.toText());
        if (Tool.available("pdfsig")) {
            List<Pdfsig.Entry> poppler = Pdfsig.check(paper, dir);
            assertEquals(2, poppler.size(), poppler.toString());
            assertTrue(poppler.stream().allMatch(Pdfsig.Entry::valid), poppler.toString());
        }
    }

    @Test
    void documentTimestampOverTheDssMakesLtaForDssPdfsigAndOursAndARenewalChainsAnother() throws Exception {
        TrialPki.Issued officer = issue(EndEntity.officer("cb-0007", AGENCY));
        Path paper = signTwice("archival", officer);

        LongTermResult lta = new PadesLongTerm(revocation).extendToArchive(paper, tsa);

        assertEquals(LongTermResult.LTA, lta.level(), lta.toString());
        Dss dss = dss(paper, null, List.of());
        assertEquals(2, dss.indications().size(), dss.detail());
        assertTrue(dss.allPassed(), dss.detail());
        assertEquals(List.of(SignatureLevel.PAdES_BASELINE_LTA, SignatureLevel.PAdES_BASELINE_LTA), dss.levels(),
                dss.detail());
        VerificationReport ours = ours(paper);
        assertTrue(ours.passed(), ours.toText());
        assertEquals(List.of("PAdES-BASELINE-LTA", "PAdES-BASELINE-LTA", "PAdES document time-stamp (ETSI.RFC3161)"),
                ours.signatures().stream().map(SignatureReport::level).toList(), ours.toText());
        assertEquals(3, ours.timestampChain().size(), ours.toText());
        assertTrue(ours.toText().contains("Time-stamp chain"), ours.toText());
        List<Pdfsig.Entry> poppler = Pdfsig.check(paper, dir);
        assertEquals(3, poppler.size(), Pdfsig.raw(paper));
        assertTrue(poppler.subList(0, 2).stream().allMatch(Pdfsig.Entry::valid), Pdfsig.raw(paper));
        assertEquals(1, PadesLongTerm.documentTimestamps(paper).size());

        // A renewal: fresh data for the newest time-stamp's TSA, a new document time-stamp (SHA-512) over all.
        long before = Files.size(paper);
        assertEquals(LongTermResult.LTA, new PadesLongTerm(revocation).extendToArchive(paper, tsa,
                DigestAlgorithm.SHA512).level());

        assertTrue(Files.size(paper) > before);
        List<ArchiveTimestamp> stamps = PadesLongTerm.documentTimestamps(paper);
        assertEquals(List.of(DigestAlgorithm.SHA256, DigestAlgorithm.SHA512),
                stamps.stream().map(ArchiveTimestamp::digest).toList());
        Dss renewed = dss(paper, null, List.of());
        assertTrue(renewed.allPassed(), renewed.detail());
        assertEquals(List.of(SignatureLevel.PAdES_BASELINE_LTA, SignatureLevel.PAdES_BASELINE_LTA), renewed.levels(),
                renewed.detail());
        VerificationReport again = ours(paper);
        assertTrue(again.passed(), again.toText());
        assertEquals(2, again.timestampChain().stream()
                .filter(VerificationReport.TimestampLink::documentTimestamp).count(), again.toText());
    }

    @Test
    void signerRevokedBeforeSigningIsRejectedByDssAndUs() {
        TrialPki.Issued officer = issue(EndEntity.officer("cb-0002", AGENCY));
        services.revoke(officer.certificate(), Instant.now().minus(Duration.ofMinutes(10)),
                Revocation.KEY_COMPROMISE);
        // What the gateway asks before signing: revoked now, by OCSP; and by the CRL when OCSP is down.
        assertTrue(RevocationStatus.fetch(officer.certificate(), pki.issuing().certificate(), Instant.now(),
                revocation).revokedBy(Instant.now()));
        assertEquals("CRL", RevocationStatus.of(officer.certificate(), pki.issuing().certificate(), Instant.now(),
                List.of(), List.of(services.issuingCrl())).source());
        assertEquals(RevocationStatus.State.GOOD, RevocationStatus.fetch(agency.certificate(),
                pki.issuing().certificate(), Instant.now(), revocation).state());
        Path paper = signTwice("revoked-before", officer);

        assertTrue(new PadesLongTerm(revocation).extend(paper).longTerm());

        Dss dss = dss(paper, null, List.of());
        // DSS lists signatures in its own order: the officer's fails, the agency's stands.
        assertEquals(1, dss.indications().stream()
                .filter(i -> i == eu.europa.esig.dss.enumerations.Indication.TOTAL_PASSED).count(), dss.detail());
        VerificationReport ours = ours(paper);
        SignatureReport first = ours.signatures().get(0);
        // The same meaning as DSS: INDETERMINATE/REVOKED_NO_POE (no proof of existence before the revocation).
        assertTrue(dss.detail().contains("INDETERMINATE/REVOKED_NO_POE"), dss.detail());
        assertEquals(Indication.INDETERMINATE, first.indication(), ours.toText());
        assertTrue(first.has(Reason.REVOKED_NO_POE), ours.toText());
        assertFalse(ours.passed(), ours.toText());
        assertEquals(Indication.TOTAL_PASSED, ours.signatures().get(1).indication(), ours.toText());
    }

    @Test
    void signerRevokedAfterTheTimestampStaysValidForDssAndUs() {
        TrialPki.Issued officer = issue(EndEntity.officer("cb-0003", AGENCY));
        Path paper = signTwice("revoked-after", officer);
        services.revoke(officer.certificate(), Instant.now().plusSeconds(1), Revocation.SUPERSEDED);

        assertTrue(new PadesLongTerm(revocation).extend(paper).longTerm());

        Dss dss = dss(paper, null, List.of());
        assertTrue(dss.allPassed(), dss.detail());
        VerificationReport ours = ours(paper);
        assertTrue(ours.passed(), ours.toText());
        assertTrue(ours.signatures().get(0).has(Reason.REVOKED_AFTER_SIGNING), ours.toText());
    }

    @Test
    void ocspDownFallsBackToCrls() {
        TrialPki.Issued officer = issue(EndEntity.officer("cb-0004", AGENCY));
        Path paper = signTwice("ocsp-down", officer);
        RevocationSource crlOnly = new RevocationSource() {
            @Override
            public Optional<byte[]> ocsp(X509Certificate certificate, X509Certificate issuer) {
                return Optional.empty();
            }

            @Override
            public Optional<X509CRL> crl(X509Certificate certificate, X509Certificate issuer) {
                return revocation.crl(certificate, issuer);
            }
        };

        LongTermResult lt = new PadesLongTerm(crlOnly).extend(paper);

        assertTrue(lt.longTerm(), lt.toString());
        assertEquals(0, lt.ocspResponses(), lt.toString());
        assertEquals(2, lt.crls(), lt.toString());
        Dss dss = dss(paper, null, List.of());
        assertTrue(dss.allPassed(), dss.detail());
        assertEquals(List.of(SignatureLevel.PAdES_BASELINE_LT, SignatureLevel.PAdES_BASELINE_LT), dss.levels(),
                dss.detail());
        VerificationReport ours = ours(paper);
        assertTrue(ours.passed(), ours.toText());
        assertEquals("PAdES-BASELINE-LT", ours.signatures().get(0).level());
    }

    @Test
    void nothingAvailableLeavesTheDocumentAtBaselineTAndSaysWhy() throws Exception {
        TrialPki.Issued officer = issue(EndEntity.officer("cb-0005", AGENCY));
        Path paper = signTwice("all-down", officer);
        long before = Files.size(paper);
        RevocationSource down = new RevocationSource() {
            @Override
            public Optional<byte[]> ocsp(X509Certificate certificate, X509Certificate issuer) {
                return Optional.empty();
            }

            @Override
            public Optional<X509CRL> crl(X509Certificate certificate, X509Certificate issuer) {
                return Optional.empty();
            }
        };

        LongTermResult lt = new PadesLongTerm(down).extend(paper);

        assertFalse(lt.longTerm());
        assertEquals(LongTermResult.T, lt.level());
        assertFalse(lt.missing().isEmpty());
        assertEquals(before, Files.size(paper));
        VerificationReport ours = ours(paper);
        assertEquals("PAdES-BASELINE-T", ours.signatures().get(0).level(), ours.toText());
        assertEquals(Indication.INDETERMINATE, ours.indication(), ours.toText());
        // Later, with the responder back, the same file reaches LT.
        assertTrue(new PadesLongTerm(revocation).extend(paper).longTerm());
        assertTrue(ours(paper).passed());
    }

    @Test
    void batchCmsWithSignatureTimestampPassesDssAsCadesBaselineT() {
        TrialPki.Issued seal = issue(EndEntity.gatewaySeal("Lien Thong DEMO PKI"));
        Path batch = Fixtures.write(dir.resolve("batch.jsonl"), "{\"id\":1}\n{\"id\":2}\n".getBytes(StandardCharsets.UTF_8));
        Path p7s = Fixtures.write(dir.resolve("batch.jsonl.p7s"), new CmsSigner(tsa).sign(batch,
                CmsParameters.detached(SignatureAlgorithm.RSA_PSS, DigestAlgorithm.SHA256),
                Pkcs12KeySource.ofKey(seal.key(), seal.chain(), ProviderPreference.JDK)));

        Dss dss = dss(p7s, batch, List.of(services.rootCrl(), services.issuingCrl()));

        assertTrue(dss.allPassed(), dss.detail());
        assertEquals(List.of(SignatureLevel.CAdES_BASELINE_T), dss.levels(), dss.detail());
    }

    @Test
    void savedPkiLoadsAgainAndNamesItsPublicationPoints() throws Exception {
        Path store = dir.resolve("pki");
        pki.save(store, "demo-only".toCharArray());
        DemoPki again = DemoPki.load(store, "demo-only".toCharArray(), pki.settings(), Clock.systemUTC());
        assertEquals(pki.root().certificate(), again.root().certificate());
        assertEquals(pki.issuing().certificate(), again.issuing().certificate());
        X509Certificate officer = again.issue(EndEntity.officer("cb-0006", AGENCY)).certificate();
        officer.verify(pki.issuing().certificate().getPublicKey());
        String text = officer.toString();
        assertTrue(officer.getSubjectX500Principal().getName().contains("DEMO"), text);
        assertTrue(text.contains("https://lienthong.example/pki/issuing-ca.crl"), text);
        assertTrue(text.contains("https://lienthong.example/pki/ocsp"), text);
        assertTrue(text.contains("https://lienthong.example/pki/issuing-ca.crt"), text);
        assertTrue(officer.getKeyUsage()[1], "nonRepudiation");
        assertTrue(officer.getKeyUsage()[0], "digitalSignature");
        X509Certificate tsaCert = pki.issue(EndEntity.tsa("X")).certificate();
        assertTrue(tsaCert.getCriticalExtensionOIDs().contains("2.5.29.37"), "EKU critical on the TSA");
        assertEquals(List.of("1.3.6.1.5.5.7.3.8"), tsaCert.getExtendedKeyUsage());
        assertTrue(Files.exists(store.resolve("root-ca.pem")));
    }

    private static Path signTwice(String name, TrialPki.Issued officer) {
        Path blank = Fixtures.textPdf(dir.resolve(name + ".pdf"), 1);
        Path once = dir.resolve(name + ".1.pdf");
        Path twice = dir.resolve(name + ".2.pdf");
        PadesSigner signer = new PadesSigner(tsa);
        signer.sign(blank, once, PadesParameters.invisible(SignatureAlgorithm.RSA_PSS, DigestAlgorithm.SHA256)
                .withCertification(Certification.FORM_FILLING_AND_SIGNING),
                Pkcs12KeySource.ofKey(officer.key(), officer.chain(), ProviderPreference.JDK));
        signer.sign(once, twice, PadesParameters.invisible(SignatureAlgorithm.RSA_PSS, DigestAlgorithm.SHA256)
                .withStamp(VisibleStamp.at(1, 320, 40, 240, 64)),
                Pkcs12KeySource.ofKey(agency.key(), agency.chain(), ProviderPreference.JDK));
        return twice;
    }

    private static VerificationReport ours(Path pdf) {
        return new SignatureVerifier(VerificationPolicy.of(List.of(pki.root().certificate()), List.of()))
                .verify(pdf, null);
    }

    record Dss(List<eu.europa.esig.dss.enumerations.Indication> indications, List<SignatureLevel> levels,
            String detail) {
        boolean allPassed() {
            return !indications.isEmpty() && indications.stream()
                    .allMatch(i -> i == eu.europa.esig.dss.enumerations.Indication.TOTAL_PASSED);
        }
    }

    /** DSS offline: the DEMO root the only anchor, no OCSP/CRL/AIA fetching; {@code crls} in memory only. */
    static Dss dss(Path file, Path detachedContent, List<X509CRL> crls) {
        DssOffline.Verdict verdict = DssOffline.validate(file, detachedContent, List.of(pki.root().certificate()),
                crls);
        return new Dss(verdict.indications(), verdict.levels(), verdict.detail());
    }
}
