package vn.lienthong.gateway.infrastructure.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.security.auth.login.LoginException;

import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.infrastructure.paper.ConfiguredPaperKeys;
import vn.lienthong.gateway.infrastructure.paper.PaperKeys;
import vn.lienthong.signing.DigestAlgorithm;
import vn.lienthong.signing.SignatureSpec;
import vn.lienthong.signing.key.KeySource;
import vn.lienthong.signing.key.TrialPki;
import vn.lienthong.signing.support.SoftHsm;

/**
 * Officers' keys on a PKCS#11 token (SoftHSM2) are watched for expiry as PKCS#12 ones are: their
 * certificates are read through the token's one login, which the officers' keys then share, and one
 * that ends within the window is named with its days left (the start's WARNING, the gauge and the
 * readiness detail all come from that list). SOFTHSM2_CONF comes from surefire and points under target/.
 */
class TokenKeyExpiryTest {

    private static final String AGENCY = "000.00.20.H30";

    @Test
    void aTokenKeyExpiringSoonIsNamedAndTheSameLoginSignsAfterwards()
            throws GeneralSecurityException, java.io.IOException, LoginException {
        Instant now = Instant.now();
        TrialPki ca = TrialPki.create("Lien Thong province token CA");
        Path config = token(ca, Map.of(
                "officer-" + AGENCY + "-cb.an", TrialPki.Profile.signer("Nguyen Van An", "UBND xa Test", "RSA")
                        .validity(now.minus(Duration.ofDays(300)), now.plus(Duration.ofDays(20)).plusSeconds(3600)),
                "officer-" + AGENCY + "-cb.binh", TrialPki.Profile.signer("Tran Thi Binh", "UBND xa Test", "RSA")
                        .validity(now.minus(Duration.ofDays(10)), now.plus(Duration.ofDays(700)))));
        PaperKeys.Location officers = new PaperKeys.Location("officer", Optional.of(config), Path.of("unused.p12"),
                new String(SoftHsm.PIN), "officer-{agency}-{officer}");
        PaperKeys.Location agency = new PaperKeys.Location("agency", Optional.empty(), Path.of("unused.p12"), "x",
                "agency");
        ConfiguredPaperKeys keys = new ConfiguredPaperKeys(officers, agency, Optional.empty(), Clock.systemUTC());
        try {
            List<X509Certificate> onToken = keys.tokenCertificates();
            assertEquals(3, onToken.size(), "both officers' certificates and their CA once: " + onToken);

            TrialPki.Issued seal = ca.issue(TrialPki.Profile.signer("Gateway seal", "Province", "RSA")
                    .validity(now.minus(Duration.ofDays(10)), now.plus(Duration.ofDays(400))));
            List<CertificateExpiry.Watched> expiring = CertificateExpiryTest.outsideDemoMode(now, seal,
                    Optional.empty(), onToken).expiring();
            assertEquals(1, expiring.size(), expiring::toString);
            assertTrue(expiring.get(0).name().startsWith("paper key") && expiring.get(0).name().contains("Nguyen Van An"),
                    expiring::toString);
            assertEquals(20, CertificateExpiry.daysLeft(expiring.get(0), now));

            // The watch logged in; the officer's key signs through that same login.
            KeySource binh = keys.officer("cb.binh", AGENCY, "UBND xã Test");
            byte[] signature = binh.sign("Hồ sơ".getBytes(StandardCharsets.UTF_8),
                    SignatureSpec.of(binh.defaultAlgorithm(), DigestAlgorithm.SHA256));
            assertEquals(256, signature.length, "an RSA-2048 signature from the token");
        } finally {
            keys.close();
        }

        // A wrong PIN: the watch leaves that token out (a WARNING), it does not fail the others or retry.
        ConfiguredPaperKeys locked = new ConfiguredPaperKeys(new PaperKeys.Location("officer", Optional.of(config),
                Path.of("unused.p12"), "000000", "officer-{agency}-{officer}"), agency, Optional.empty(),
                Clock.systemUTC());
        try {
            assertEquals(List.of(), locked.tokenCertificates());
            assertEquals(List.of(), locked.tokenCertificates());
        } finally {
            locked.close();
        }
    }

    /** A fresh SoftHSM2 token with one generated key per alias, certified by {@code ca}; its SunPKCS11 file. */
    private static Path token(TrialPki ca, Map<String, TrialPki.Profile> keys)
            throws GeneralSecurityException, java.io.IOException, LoginException {
        Path config = SoftHsm.freshToken("papers", "PapersSoftHSM", "");
        Provider provider = Security.getProvider("SunPKCS11").configure(config.toString());
        KeyStore store = KeyStore.getInstance("PKCS11", provider);
        store.load(null, SoftHsm.PIN);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", provider);
        generator.initialize(2048);
        for (Map.Entry<String, TrialPki.Profile> key : keys.entrySet()) {
            KeyPair pair = generator.generateKeyPair();
            store.setKeyEntry(key.getKey(), pair.getPrivate(), null,
                    new X509Certificate[] {ca.certify(pair.getPublic(), key.getValue()), ca.caCertificate()});
        }
        // Log out, so that the gateway's own login is the one that counts.
        ((AuthProvider) provider).logout();
        return config;
    }
}
