package vn.lienthong.signing.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.ExternalResourcesCRLSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signing.DigestAlgorithm;
import vn.lienthong.signing.MalformedInputException;
import vn.lienthong.signing.SignatureAlgorithm;
import vn.lienthong.signing.cms.CmsParameters;
import vn.lienthong.signing.cms.CmsSigner;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.key.ProviderPreference;
import vn.lienthong.signing.key.TrialPki;
import vn.lienthong.signing.pdf.Certification;
import vn.lienthong.signing.pdf.PadesParameters;
import vn.lienthong.signing.pdf.PadesSigner;
import vn.lienthong.signing.pdf.VisibleStamp;
import vn.lienthong.signing.support.Crafted;
import vn.lienthong.signing.support.Fixtures;
import vn.lienthong.signing.support.LoopbackTsa;
import vn.lienthong.signing.support.Pdfsig;
import vn.lienthong.signing.support.Tool;
import vn.lienthong.signing.tsp.Rfc3161Client;
import vn.lienthong.signing.tsp.TsaConfig;

/**
 * The same files judged by EU DSS 6.4, openssl, pdfsig and our verifier: they must agree on
 * good signatures, tampering and malformed inputs.
 */
class OutsideVerifiersAgreementTest {
    @TempDir
    static Path dir;
    static Path caPem;
    static X509CRL crl;
    static LoopbackTsa tsa;

    private final SignatureVerifier ours = new SignatureVerifier(
            VerificationPolicy.of(List.of(Fixtures.PKI.caCertificate()), List.of(crl)));

    @BeforeAll
    static void setUp() {
        caPem = Fixtures.writeCaPem(dir);
        crl = Fixtures.emptyCrl();
        tsa = LoopbackTsa.start(false);
    }

    @AfterAll
    static void tearDown() {
        tsa.close();
    }

    /** DSS's verdict per signature, in DSS's order. */
    record Dss(List<eu.europa.esig.dss.enumerations.Indication> indications, List<SignatureLevel> levels,
            String detail) {
        boolean allPassed() {
            return !indications.isEmpty() && indications.stream()
                    .allMatch(i -> i == eu.europa.esig.dss.enumerations.Indication.TOTAL_PASSED);
        }
    }

    static Dss dss(Path file, Path detachedContent, X509Certificate anchor) {
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new FileDocument(file.toFile()));
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(new CertificateToken(anchor));
        verifier.setTrustedCertSources(trusted);
        try {
            verifier.setCrlSource(new ExternalResourcesCRLSource(new InMemoryDocument(crl.getEncoded())));
        } catch (CRLException e) {
            throw new IllegalStateException(e);
        }
        verifier.setOcspSource(null);
        verifier.setAIASource(null);
        validator.setCertificateVerifier(verifier);
        if (detachedContent != null) {
            validator.setDetachedContents(List.<DSSDocument>of(new FileDocument(detachedContent.toFile())));
        }
        SimpleReport report = validator.validateDocument().getSimpleReport();
        List<eu.europa.esig.dss.enumerations.Indication> indications = new ArrayList<>();
        List<SignatureLevel> levels = new ArrayList<>();
        StringBuilder detail = new StringBuilder();
        for (String id : report.getSignatureIdList()) {
            indications.add(report.getIndication(id));
            levels.add(report.getSignatureFormat(id));
            detail.append(id).append(' ').append(report.getIndication(id)).append('/')
                    .append(report.getSubIndication(id)).append(' ').append(report.getSignatureFormat(id))
                    .append(' ').append(report.getAdESValidationErrors(id)).append('\n');
        }
        return new Dss(indications, levels, detail.toString());
    }

    static Dss dss(Path file, Path content) {
        return dss(file, content, Fixtures.PKI.caCertificate());
    }

    @Test
    void cadesDetachedBaselineBAndTampering() {
        Path content = Fixtures.write(dir.resolve("kq.txt"), "Kết quả giải quyết".getBytes(StandardCharsets.UTF_8));
        Path p7s = Fixtures.write(dir.resolve("kq.txt.p7s"), new CmsSigner().sign(content,
                CmsParameters.detached(SignatureAlgorithm.RSA_PSS, DigestAlgorithm.SHA256), Fixtures.rsaKey()));
        Dss good = dss(p7s, content);
        assertTrue(good.allPassed(), good.detail());
        assertEquals(List.of(SignatureLevel.CAdES_BASELINE_B), good.levels(), good.detail());
        assertTrue(ours.verify(p7s, content).passed());
        assertEquals(0, openssl(p7s, content, caPem).exitCode());

        Path tampered = Fixtures.flipByte(content, dir.resolve("kq-sua.txt"), 2);
        Dss bad = dss(p7s, tampered);
        assertEquals(List.of(eu.europa.esig.dss.enumerations.Indication.TOTAL_FAILED), bad.indications(), bad.detail());
        assertEquals(Indication.TOTAL_FAILED, ours.verify(p7s, tampered).indication());
        assertNotEquals(0, openssl(p7s, tampered, caPem).exitCode());
    }

    @Test
    void cadesEnvelopingBaselineT() {
        Path p7m = Fixtures.write(dir.resolve("kq.p7m"), new CmsSigner(new Rfc3161Client(TsaConfig.of(tsa.url())))
                .sign("Kết quả".getBytes(StandardCharsets.UTF_8),
                        CmsParameters.enveloping(SignatureAlgorithm.ECDSA, DigestAlgorithm.SHA256), Fixtures.ecKey()));
        Dss good = dss(p7m, null);
        assertTrue(good.allPassed(), good.detail());
        assertEquals(List.of(SignatureLevel.CAdES_BASELINE_T), good.levels(), good.detail());
        VerificationReport r = ours.verify(p7m, null);
        assertTrue(r.passed(), r.toText());
        assertEquals("CAdES-BASELINE-T", r.signatures().get(0).level());
    }

    @Test
    void padesOfficerThenAgencyBaselineB() {
        Path once = dir.resolve("hs.1.pdf");
        Path twice = dir.resolve("hs.2.pdf");
        new PadesSigner().sign(Fixtures.textPdf(dir.resolve("hs.pdf"), 2), once,
                PadesParameters.invisible(SignatureAlgorithm.RSA_PSS, DigestAlgorithm.SHA256)
                        .withCertification(Certification.FORM_FILLING_AND_SIGNING), Fixtures.rsaKey());
        new PadesSigner().sign(once, twice, PadesParameters.invisible(SignatureAlgorithm.ECDSA, DigestAlgorithm.SHA256)
                .withStamp(VisibleStamp.at(1, 320, 40, 240, 64)), Fixtures.ecKey());
        Dss good = dss(twice, null);
        assertEquals(2, good.indications().size(), good.detail());
        assertTrue(good.allPassed(), good.detail());
        assertTrue(good.levels().stream().allMatch(l -> l == SignatureLevel.PAdES_BASELINE_B), good.detail());
        VerificationReport r = ours.verify(twice, null);
        assertTrue(r.passed(), r.toText());
        if (Tool.available("pdfsig")) {
            List<Pdfsig.Entry> poppler = Pdfsig.check(twice, dir);
            assertEquals(2, poppler.size());
            assertTrue(poppler.stream().allMatch(Pdfsig.Entry::valid), poppler.toString());
            assertTrue(poppler.get(1).totalDocument(), poppler.toString());
        }
    }

    @Test
    void padesBaselineTAndTampering() {
        Path signed = dir.resolve("t.pdf");
        new PadesSigner(new Rfc3161Client(TsaConfig.of(tsa.url()))).sign(Fixtures.textPdf(dir.resolve("t0.pdf"), 1),
                signed, PadesParameters.invisible(SignatureAlgorithm.RSA_PSS, DigestAlgorithm.SHA512), Fixtures.rsaKey());
        Dss good = dss(signed, null);
        assertTrue(good.allPassed(), good.detail());
        assertEquals(List.of(SignatureLevel.PAdES_BASELINE_T), good.levels(), good.detail());
        assertEquals("PAdES-BASELINE-T", ours.verify(signed, null).signatures().get(0).level());

        Path tampered = Fixtures.flipByte(signed, dir.resolve("t-sua.pdf"), 11);
        Dss bad = dss(tampered, null);
        assertEquals(List.of(eu.europa.esig.dss.enumerations.Indication.TOTAL_FAILED), bad.indications(), bad.detail());
        assertEquals(Indication.TOTAL_FAILED, ours.verify(tampered, null).indication());
        if (Tool.available("pdfsig")) {
            assertTrue(Pdfsig.check(tampered, dir).get(0).digestMismatch(), Pdfsig.raw(tampered));
        }
    }

    @Test
    void partialByteRangeIsRejectedByAll() {
        Path crafted = Crafted.partialByteRange(Fixtures.textPdf(dir.resolve("p0.pdf"), 1), dir.resolve("p.pdf"),
                Fixtures.rsaKey(), 40);
        // The signature value is sound; what is wrong is the unsigned tail. pdfsig says "valid" and
        // "Not total document signed"; DSS validates the signed bytes only and does not fail it either.
        // We make it INDETERMINATE (UNSIGNED_BYTES): never PASSED for a file with unsigned bytes.
        Dss dss = dss(crafted, null);
        assertNotEquals(List.of(eu.europa.esig.dss.enumerations.Indication.TOTAL_FAILED), dss.indications(),
                dss.detail());
        VerificationReport r = ours.verify(crafted, null);
        assertEquals(Indication.INDETERMINATE, r.indication(), r.toText());
        assertFalse(r.signatures().get(0).has(Reason.SIG_CRYPTO_FAILURE) || r.signatures().get(0).has(
                Reason.HASH_FAILURE), r.toText());
        assertFalse(r.signatures().get(0).coverage().orElseThrow().coversWholeFile());
        if (Tool.available("pdfsig")) {
            List<Pdfsig.Entry> poppler = Pdfsig.check(crafted, dir);
            assertTrue(poppler.get(0).valid(), poppler.toString());
            assertFalse(poppler.get(0).totalDocument(), poppler.toString());
        }
    }

    @Test
    void expiredCertificateIsNotPassedByAnyone() {
        Instant now = Instant.now();
        TrialPki.Issued expired = Fixtures.PKI.issue(TrialPki.Profile.signer("Hết Hạn", "UBND", "RSA")
                .validity(now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(35))));
        Path content = Fixtures.write(dir.resolve("old.txt"), "x".getBytes(StandardCharsets.US_ASCII));
        Path p7s = Fixtures.write(dir.resolve("old.p7s"), new CmsSigner().sign(content,
                CmsParameters.detached(SignatureAlgorithm.RSA_PSS, DigestAlgorithm.SHA256),
                Pkcs12KeySource.ofKey(expired.key(), expired.chain(), ProviderPreference.JDK)));
        Dss dss = dss(p7s, content);
        assertFalse(dss.allPassed(), dss.detail());
        VerificationReport r = ours.verify(p7s, content);
        assertEquals(Indication.INDETERMINATE, r.indication(), r.toText());
        assertTrue(r.signatures().get(0).has(Reason.OUT_OF_BOUNDS_NO_POE));
        Tool.Result ssl = openssl(p7s, content, caPem);
        assertNotEquals(0, ssl.exitCode());
        assertTrue(ssl.output().contains("expired"), ssl.output());
    }

    @Test
    void untrustedChainIsNotPassedByAnyone() {
        TrialPki other = TrialPki.create("Some Other Root");
        Path otherPem = Fixtures.write(dir.resolve("other.pem"), TrialPki.pem("CERTIFICATE",
                Fixtures.encoded(other.caCertificate())));
        Path content = Fixtures.write(dir.resolve("u.txt"), "x".getBytes(StandardCharsets.US_ASCII));
        Path p7s = Fixtures.write(dir.resolve("u.p7s"), new CmsSigner().sign(content,
                CmsParameters.detached(SignatureAlgorithm.RSA_PSS, DigestAlgorithm.SHA256), Fixtures.rsaKey()));
        Dss dss = dss(p7s, content, other.caCertificate());
        assertEquals(List.of(eu.europa.esig.dss.enumerations.Indication.INDETERMINATE), dss.indications(), dss.detail());
        VerificationReport r = new SignatureVerifier(VerificationPolicy.of(List.of(other.caCertificate()),
                List.of(other.crl(List.of())))).verify(p7s, content);
        assertEquals(Indication.INDETERMINATE, r.indication(), r.toText());
        assertTrue(r.signatures().get(0).has(Reason.NO_CERTIFICATE_CHAIN_FOUND));
        assertNotEquals(0, openssl(p7s, content, otherPem).exitCode());
    }

    @Test
    void truncatedAndGarbageCmsAreRejectedByAll() {
        Path content = Fixtures.write(dir.resolve("m.txt"), "x".getBytes(StandardCharsets.US_ASCII));
        byte[] cms = new CmsSigner().sign(content, CmsParameters.detached(SignatureAlgorithm.RSA_PSS,
                DigestAlgorithm.SHA256), Fixtures.rsaKey());
        Path truncated = Fixtures.write(dir.resolve("m-cut.p7s"), Arrays.copyOf(cms, cms.length - 100));
        Path garbage = Fixtures.write(dir.resolve("m-rac.p7s"), new byte[] {0x30, (byte) 0x82, 0x01, 0x00, 0x06, 0x01});
        for (Path bad : List.of(truncated, garbage)) {
            assertNotEquals(0, openssl(bad, content, caPem).exitCode());
            assertThrows(MalformedInputException.class, () -> ours.verify(bad, content));
            boolean dssRejects;
            try {
                dssRejects = !dss(bad, content).allPassed();
            } catch (RuntimeException e) {
                // DSS refuses unrecognised documents by throwing (DSSException/UnsupportedOperationException).
                dssRejects = true;
            }
            assertTrue(dssRejects, "DSS accepted " + bad);
        }
    }

    static Tool.Result openssl(Path p7s, Path content, Path ca) {
        assertTrue(Tool.available("openssl"), "openssl not installed (.ci/run installs it)");
        return Tool.run(List.of("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", p7s.toString(),
                "-content", content.toString(), "-CAfile", ca.toString(), "-purpose", "any", "-out", "/dev/null"));
    }
}
