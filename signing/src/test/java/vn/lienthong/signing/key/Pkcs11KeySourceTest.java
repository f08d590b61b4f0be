package vn.lienthong.signing.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.lienthong.signing.DigestAlgorithm;
import vn.lienthong.signing.KeyAccessException;
import vn.lienthong.signing.SignatureAlgorithm;
import vn.lienthong.signing.cms.CmsParameters;
import vn.lienthong.signing.cms.CmsSigner;
import vn.lienthong.signing.pdf.PadesParameters;
import vn.lienthong.signing.pdf.PadesSigner;
import vn.lienthong.signing.support.Fixtures;
import vn.lienthong.signing.support.SoftHsm;
import vn.lienthong.signing.verify.Indication;
import vn.lienthong.signing.verify.SignatureVerifier;
import vn.lienthong.signing.verify.VerificationPolicy;
import vn.lienthong.signing.verify.VerificationReport;

/**
 * Signs with a key generated on a SoftHSM2 token. SOFTHSM2_CONF comes from surefire and points
 * under target/, so the token directory is ours, never the system one.
 */
class Pkcs11KeySourceTest {
    static final char[] PIN = SoftHsm.PIN;
    static Path work;
    static Path p11Config;

    @BeforeAll
    static void token() throws GeneralSecurityException, IOException, javax.security.auth.login.LoginException {
        p11Config = SoftHsm.freshToken("lienthong", "LienThongSoftHSM", "attributes(*, CKO_PRIVATE_KEY, *) = {\n"
                + "  CKA_SENSITIVE = true\n  CKA_EXTRACTABLE = false\n}\n");
        work = p11Config.getParent();

        // Generate on the token, certify with the test CA, store the chain beside the key.
        Provider provider = Security.getProvider("SunPKCS11").configure(p11Config.toString());
        KeyStore store = KeyStore.getInstance("PKCS11", provider);
        store.load(null, PIN);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", provider);
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        X509Certificate cert = Fixtures.PKI.certify(pair.getPublic(),
                TrialPki.Profile.signer("Lê Văn Cường", "UBND Phường Hàng Bạc", "RSA"));
        store.setKeyEntry("officer", pair.getPrivate(), null,
                new X509Certificate[] {cert, Fixtures.PKI.caCertificate()});
        assertNull(store.getKey("officer", null).getEncoded(), "a token key must not be extractable");
        // A second officer's key on the same token: one key per officer, one login.
        KeyPair second = generator.generateKeyPair();
        store.setKeyEntry("officer-2", second.getPrivate(), null, new X509Certificate[] {
                Fixtures.PKI.certify(second.getPublic(), TrialPki.Profile.signer("Phạm Thị Dung", "UBND Phường Hàng Bạc",
                        "RSA")), Fixtures.PKI.caCertificate()});
        // PKCS#11 login is per token and process: log out so the wrong-PIN test really logs in.
        ((java.security.AuthProvider) provider).logout();
    }

    @Test
    void signsCmsAndPdfOnTheToken() {
        Path dir = work;
        SignatureVerifier verifier = new SignatureVerifier(
                VerificationPolicy.of(List.of(Fixtures.PKI.caCertificate()), List.of(Fixtures.emptyCrl())));
        try (Pkcs11KeySource key = Pkcs11KeySource.open(p11Config, PIN, "officer")) {
            assertTrue(key.providerDescription().contains("PKCS#11"), key.providerDescription());
            for (SignatureAlgorithm alg : List.of(SignatureAlgorithm.RSA_PSS, SignatureAlgorithm.RSA_PKCS1)) {
                byte[] cms = new CmsSigner().sign("Hồ sơ".getBytes(StandardCharsets.UTF_8),
                        CmsParameters.enveloping(alg, DigestAlgorithm.SHA256), key);
                VerificationReport r = verifier.verify(Fixtures.write(dir.resolve(alg + ".p7m"), cms), null);
                assertEquals(Indication.TOTAL_PASSED, r.indication(), alg + ": " + r.toText());
            }
            Path pdf = dir.resolve("token.pdf");
            new PadesSigner().sign(Fixtures.textPdf(dir.resolve("in.pdf"), 1), pdf,
                    PadesParameters.invisible(SignatureAlgorithm.RSA_PSS, DigestAlgorithm.SHA256), key);
            assertEquals(Indication.TOTAL_PASSED, verifier.verify(pdf, null).indication());
        }
    }

    @Test
    void oneTokenLoggedInOnceHandsOutEachOfficersKeyAndOneKeysCloseLeavesTheOthersSigning() {
        try (Pkcs11KeySource.Token token = Pkcs11KeySource.token(p11Config, PIN)) {
            Pkcs11KeySource first = token.key("officer");
            Pkcs11KeySource second = token.key("officer-2");
            assertTrue(first.signerCertificate().getSubjectX500Principal().getName().contains("Cường"));
            assertTrue(second.signerCertificate().getSubjectX500Principal().getName().contains("Dung"));
            first.close();
            byte[] cms = new CmsSigner().sign("Hồ sơ".getBytes(StandardCharsets.UTF_8),
                    CmsParameters.enveloping(SignatureAlgorithm.RSA_PSS, DigestAlgorithm.SHA256), second);
            VerificationReport r = new SignatureVerifier(VerificationPolicy.of(List.of(Fixtures.PKI.caCertificate()),
                    List.of(Fixtures.emptyCrl()))).verify(Fixtures.write(work.resolve("second.p7m"), cms), null);
            assertEquals(Indication.TOTAL_PASSED, r.indication(), r.toText());
            // Every key's chain, through the same login (an expiry watch's view of the token).
            List<X509Certificate> certificates = token.certificates();
            assertTrue(certificates.contains(first.signerCertificate()) && certificates.contains(second.signerCertificate())
                    && certificates.contains(Fixtures.PKI.caCertificate()), certificates::toString);
            assertEquals(3, certificates.size(), "the CA once: " + certificates);
            KeyAccessException missing = assertThrows(KeyAccessException.class, () -> token.key("nobody"));
            assertTrue(missing.getMessage().contains("nobody"), missing.getMessage());
        }
    }

    @Test
    void wrongPinIsAKeyAccessError() {
        KeyAccessException e = assertThrows(KeyAccessException.class,
                () -> Pkcs11KeySource.open(p11Config, "000000".toCharArray(), "officer"));
        assertTrue(e.getMessage().contains("PIN") || e.getMessage().contains("login"), e.getMessage());
    }
}
