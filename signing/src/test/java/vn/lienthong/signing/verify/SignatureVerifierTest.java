package vn.lienthong.signing.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
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

/** Our own verifier on good, tampered and malformed inputs. */
class SignatureVerifierTest {
    @TempDir
    Path dir;

    private final SignatureVerifier verifier = new SignatureVerifier(
            VerificationPolicy.of(List.of(Fixtures.PKI.caCertificate()), List.of(Fixtures.emptyCrl())));

    @Test
    void detachedCmsPassesAndFlippedContentFailsWithHashFailure() {
        Path content = Fixtures.write(dir.resolve("a.txt"), "Hồ sơ 000.00.00.H30".getBytes(StandardCharsets.UTF_8));
        Path p7s = Fixtures.write(dir.resolve("a.p7s"), new CmsSigner().sign(content,
                CmsParameters.detached(SignatureAlgorithm.RSA_PSS, DigestAlgorithm.SHA256), Fixtures.rsaKey()));
        VerificationReport ok = verifier.verify(p7s, content);
        assertEquals(Indication.TOTAL_PASSED, ok.indication(), ok.toText());
        assertEquals("CAdES-BASELINE-B", ok.signatures().get(0).level());
        assertEquals("rsa-pss/SHA-256", ok.signatures().get(0).algorithm());

        Path bad = Fixtures.flipByte(content, dir.resolve("b.txt"), 0);
        VerificationReport failed = verifier.verify(p7s, bad);
        assertEquals(Indication.TOTAL_FAILED, failed.indication());
        assertTrue(failed.signatures().get(0).has(Reason.HASH_FAILURE), failed.toText());
        assertTrue(failed.toJson().contains("\"HASH_FAILURE\""));
    }

    @Test
    void envelopingEcdsaPasses() {
        byte[] cms = new CmsSigner().sign("x".getBytes(StandardCharsets.UTF_8),
                CmsParameters.enveloping(SignatureAlgorithm.ECDSA, DigestAlgorithm.SHA384), Fixtures.ecKey());
        VerificationReport ok = verifier.verify(Fixtures.write(dir.resolve("e.p7m"), cms), null);
        assertEquals(DocumentKind.CMS_ENVELOPING, ok.kind());
        assertEquals(Indication.TOTAL_PASSED, ok.indication(), ok.toText());
    }

    @Test
    void truncatedAndGarbageCmsAreMalformedInput() {
        byte[] cms = new CmsSigner().sign("x".getBytes(StandardCharsets.UTF_8),
                CmsParameters.enveloping(SignatureAlgorithm.RSA_PSS, DigestAlgorithm.SHA256), Fixtures.rsaKey());
        Path truncated = Fixtures.write(dir.resolve("t.p7m"), Arrays.copyOf(cms, cms.length / 2));
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> verifier.verify(truncated, null));
        assertTrue(e.getMessage().contains("not a CMS"), e.getMessage());
        Path garbage = Fixtures.write(dir.resolve("g.p7s"), new byte[] {0x30, 0x03, 0x02, 0x01, 0x05, 0x7f});
        assertThrows(MalformedInputException.class, () -> verifier.verify(garbage, null));
    }

    @Test
    void untrustedChainIsIndeterminate() {
        TrialPki other = TrialPki.create("Other Root");
        SignatureVerifier strict = new SignatureVerifier(
                VerificationPolicy.of(List.of(other.caCertificate()), List.of(other.crl(List.of()))));
        byte[] cms = new CmsSigner().sign("x".getBytes(StandardCharsets.UTF_8),
                CmsParameters.enveloping(SignatureAlgorithm.RSA_PSS, DigestAlgorithm.SHA256), Fixtures.rsaKey());
        VerificationReport r = strict.verify(Fixtures.write(dir.resolve("u.p7m"), cms), null);
        assertEquals(Indication.INDETERMINATE, r.indication(), r.toText());
        assertTrue(r.signatures().get(0).has(Reason.NO_CERTIFICATE_CHAIN_FOUND), r.toText());
    }

    @Test
    void expiredCertificateIsOutOfBounds() {
        Instant now = Instant.now();
        TrialPki.Issued expired = Fixtures.PKI.issue(TrialPki.Profile.signer("Hết Hạn", "UBND", "RSA")
                .validity(now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(35))));
        byte[] cms = new CmsSigner().sign("x".getBytes(StandardCharsets.UTF_8),
                CmsParameters.enveloping(SignatureAlgorithm.RSA_PSS, DigestAlgorithm.SHA256),
                Pkcs12KeySource.ofKey(expired.key(), expired.chain(), ProviderPreference.JDK));
        VerificationReport r = verifier.verify(Fixtures.write(dir.resolve("x.p7m"), cms), null);
        assertEquals(Indication.INDETERMINATE, r.indication(), r.toText());
        assertTrue(r.signatures().get(0).has(Reason.OUT_OF_BOUNDS_NO_POE), r.toText());
    }

    @Test
    void revokedCertificateIsNotValidAndNamedAsDssNamesIt() {
        SignatureVerifier withRevocation = new SignatureVerifier(VerificationPolicy.of(
                List.of(Fixtures.PKI.caCertificate()), List.of(Fixtures.PKI.crl(List.of(Fixtures.RSA_SIGNER.certificate())))));
        byte[] cms = new CmsSigner().sign("x".getBytes(StandardCharsets.UTF_8),
                CmsParameters.enveloping(SignatureAlgorithm.RSA_PSS, DigestAlgorithm.SHA256), Fixtures.rsaKey());
        VerificationReport r = withRevocation.verify(Fixtures.write(dir.resolve("r.p7m"), cms), null);
        // As EU DSS 6.4 answers it: INDETERMINATE/REVOKED_NO_POE, not valid.
        assertEquals(Indication.INDETERMINATE, r.indication(), r.toText());
        assertTrue(r.signatures().get(0).has(Reason.REVOKED_NO_POE), r.toText());
        assertFalse(r.passed(), r.toText());
    }

    @Test
    void noRevocationSourceIsIndeterminateUnlessWarnMode() {
        byte[] cms = new CmsSigner().sign("x".getBytes(StandardCharsets.UTF_8),
                CmsParameters.enveloping(SignatureAlgorithm.RSA_PSS, DigestAlgorithm.SHA256), Fixtures.rsaKey());
        Path file = Fixtures.write(dir.resolve("n.p7m"), cms);
        VerificationPolicy noCrl = VerificationPolicy.of(List.of(Fixtures.PKI.caCertificate()), List.of());
        VerificationReport strict = new SignatureVerifier(noCrl).verify(file, null);
        assertEquals(Indication.INDETERMINATE, strict.indication());
        assertTrue(strict.signatures().get(0).has(Reason.TRY_LATER));
        VerificationReport lenient = new SignatureVerifier(noCrl.withRevocation(RevocationMode.WARN)).verify(file, null);
        assertEquals(Indication.TOTAL_PASSED, lenient.indication());
        assertTrue(lenient.signatures().get(0).has(Reason.REVOCATION_NOT_CHECKED));
    }

    @Test
    void twoPdfSignaturesBothPassAndTheFirstSeesOnlyASignatureAdded() {
        Path input = Fixtures.textPdf(dir.resolve("in.pdf"), 1);
        Path once = dir.resolve("once.pdf");
        Path twice = dir.resolve("twice.pdf");
        new PadesSigner().sign(input, once, PadesParameters.invisible(SignatureAlgorithm.RSA_PSS,
                DigestAlgorithm.SHA256).withCertification(Certification.FORM_FILLING_AND_SIGNING), Fixtures.rsaKey());
        new PadesSigner().sign(once, twice, PadesParameters.invisible(SignatureAlgorithm.ECDSA,
                DigestAlgorithm.SHA256).withStamp(VisibleStamp.at(1, 300, 50, 250, 60)), Fixtures.ecKey());
        VerificationReport r = verifier.verify(twice, null);
        assertEquals(2, r.signatures().size());
        assertEquals(Indication.TOTAL_PASSED, r.indication(), r.toText());
        SignatureReport first = r.signatures().get(0);
        assertEquals("PAdES-BASELINE-B", first.level());
        assertFalse(first.coverage().orElseThrow().coversWholeFile());
        assertTrue(first.has(Reason.LATER_UPDATES), r.toText());
        assertFalse(first.has(Reason.MODIFIED_AFTER_SIGNING), r.toText());
        assertTrue(r.signatures().get(1).coverage().orElseThrow().coversWholeFile());
    }

    @Test
    void appendingInPlaceWithTheCallersDigestPassesAndKeepsTheEarlierBytes() {
        Path pdf = Fixtures.textPdf(dir.resolve("appended.pdf"), 2);
        byte[] before = Fixtures.read(pdf);
        java.security.MessageDigest digest = DigestAlgorithm.SHA384.newDigest();
        digest.update(before);
        PadesSigner signer = new PadesSigner();
        var key = Fixtures.ecKey();
        PadesParameters parameters = PadesParameters.invisible(SignatureAlgorithm.ECDSA, DigestAlgorithm.SHA384);
        var prepared = signer.prepareAppending(pdf, digest, key.certificateChain(), parameters);
        signer.embed(prepared, key.sign(prepared.bytesToSign(), prepared.spec()));

        byte[] after = Fixtures.read(pdf);
        assertTrue(after.length > before.length);
        assertTrue(Arrays.equals(before, Arrays.copyOf(after, before.length)), "earlier revision rewritten");
        VerificationReport r = verifier.verify(pdf, null);
        assertEquals(Indication.TOTAL_PASSED, r.indication(), r.toText());
        assertTrue(r.signatures().get(0).coverage().orElseThrow().coversWholeFile(), r.toText());
        assertTrue(Arrays.equals(DigestAlgorithm.SHA384.newDigest().digest(before), digest.digest()),
                "the caller's digest is left as it was");

        assertThrows(IllegalArgumentException.class, () -> signer.prepareAppending(pdf,
                DigestAlgorithm.SHA256.newDigest(), key.certificateChain(), parameters));
    }

    @Test
    void tamperedPdfFailsWithHashFailure() {
        Path signed = dir.resolve("s.pdf");
        new PadesSigner().sign(Fixtures.textPdf(dir.resolve("i.pdf"), 1), signed,
                PadesParameters.invisible(SignatureAlgorithm.RSA_PSS, DigestAlgorithm.SHA256), Fixtures.rsaKey());
        VerificationReport r = verifier.verify(Fixtures.flipByte(signed, dir.resolve("t.pdf"), 11), null);
        assertEquals(Indication.TOTAL_FAILED, r.indication(), r.toText());
        assertTrue(r.signatures().get(0).has(Reason.HASH_FAILURE), r.toText());
    }

    @Test
    void partialByteRangeIsIndeterminate() {
        Path crafted = Crafted.partialByteRange(Fixtures.textPdf(dir.resolve("p.pdf"), 1), dir.resolve("partial.pdf"),
                Fixtures.rsaKey(), 40);
        VerificationReport r = verifier.verify(crafted, null);
        assertEquals(Indication.INDETERMINATE, r.indication(), r.toText());
        assertTrue(r.signatures().get(0).has(Reason.UNSIGNED_BYTES), r.toText());
        assertFalse(r.signatures().get(0).coverage().orElseThrow().coversWholeFile());
        assertFalse(r.signatures().get(0).has(Reason.HASH_FAILURE), "the crypto itself is sound: " + r.toText());
    }

    @Test
    void garbagePdfIsMalformed() {
        Path broken = Fixtures.write(dir.resolve("broken.pdf"), "%PDF-1.7\nthis is not a pdf".getBytes(
                StandardCharsets.US_ASCII));
        assertThrows(MalformedInputException.class, () -> verifier.verify(broken, null));
    }
}
