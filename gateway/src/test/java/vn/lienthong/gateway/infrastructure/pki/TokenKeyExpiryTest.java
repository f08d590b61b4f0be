package vn.lienthong.gateway.infrastructure.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
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
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import javax.security.auth.login.LoginException;

import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.infrastructure.messagelog.GatewayKeyConfiguration;
import vn.lienthong.gateway.infrastructure.paper.ConfiguredPaperKeys;
import vn.lienthong.gateway.infrastructure.paper.PaperConfiguration;
import vn.lienthong.gateway.infrastructure.paper.PaperKeys;
import vn.lienthong.signing.SignatureSpec;
import vn.lienthong.signing.key.KeySource;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.key.ProviderPreference;
import vn.lienthong.signing.key.TrialPki;
import vn.lienthong.signing.support.Tool;

/**
 * Officers' keys on a PKCS#11 token (SoftHSM2) are watched for expiry like PKCS#12 ones: their
 * certificates are read through the token's one login, which the officers' keys then share, and one
 * that ends within the window is named with its days left (the WARNING, gauge and readiness detail
 * all come from that list). SOFTHSM2_CONF comes from surefire and points under target/.
 */
class TokenKeyExpiryTest {

    private static final char[] PIN = "123456".toCharArray();
    private static final List<Path> LIBRARIES = List.of(Path.of("/usr/lib/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"), Path.of("/usr/lib64/libsofthsm2.so"));
    private static final String AGENCY = "000.00.20.H30";

    @Test
    void aTokenKeyExpiringSoonIsNamedAndTheSameLoginSignsAfterwards()
            throws GeneralSecurityException, IOException, LoginException {
        Instant now = Instant.now();
        TrialPki ca = TrialPki.create("Lien Thong province token CA");
        Path config = token(ca, Map.of(
                "officer-" + AGENCY + "-cb.an", TrialPki.Profile.signer("Nguyen Van An", "UBND xa Test", "RSA")
                        .validity(now.minus(Duration.ofDays(300)), now.plus(Duration.ofDays(20)).plusSeconds(3600)),
                "officer-" + AGENCY + "-cb.binh", TrialPki.Profile.signer("Tran Thi Binh", "UBND xa Test", "RSA")
                        .validity(now.minus(Duration.ofDays(10)), now.plus(Duration.ofDays(700)))));
        PaperKeys.Location officers = new PaperKeys.Location("officer", Optional.of(config), Path.of("unused.p12"),
                new String(PIN), "officer-{agency}-{officer}");
        PaperKeys.Location agency = new PaperKeys.Location("agency", Optional.empty(), Path.of("unused.p12"), "x",
                "agency");
        ConfiguredPaperKeys keys = new ConfiguredPaperKeys(officers, agency, Optional.empty(), Clock.systemUTC());
        try {
            List<X509Certificate> onToken = keys.tokenCertificates();
            assertEquals(3, onToken.size(), "both officers' certificates and their CA once: " + onToken);

            List<CertificateExpiry.Watched> expiring = expiry(ca, onToken, now).expiring();
            assertEquals(1, expiring.size(), expiring::toString);
            assertTrue(expiring.get(0).name().startsWith("paper key") && expiring.get(0).name().contains("Nguyen Van An"),
                    expiring::toString);
            assertEquals(20, CertificateExpiry.daysLeft(expiring.get(0), now));

            // The watch logged in; the officer's key signs through that same login.
            KeySource binh = keys.officer("cb.binh", AGENCY, "UBND xã Test");
            byte[] signature = binh.sign("Hồ sơ".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    SignatureSpec.of(binh.defaultAlgorithm(), vn.lienthong.signing.DigestAlgorithm.SHA256));
            assertTrue(signature.length >= 256, "an RSA-2048 signature from the token");
        } finally {
            keys.close();
        }
    }

    /** The watch as the gateway runs it outside demo mode, with the token's certificates as the paper keys. */
    private static CertificateExpiry expiry(TrialPki ca, List<X509Certificate> paperKeys, Instant now) {
        TrialPki.Issued seal = ca.issue(TrialPki.Profile.signer("Gateway seal", "Province", "RSA")
                .validity(now.minus(Duration.ofDays(10)), now.plus(Duration.ofDays(400))));
        CertificateExpiry expiry = new CertificateExpiry();
        expiry.clock = Clock.fixed(now, ZoneOffset.UTC);
        expiry.warningDays = 60;
        expiry.gatewayKey = new GatewayKeyConfiguration() {
            @Override
            public KeySource open() {
                return Pkcs12KeySource.ofKey(seal.key(), seal.chain(), ProviderPreference.JDK);
            }
        };
        expiry.pki = new GatewayPki() {
            @Override
            public boolean available() {
                return false;
            }

            @Override
            public Optional<X509Certificate> provinceTsaCertificate() {
                return Optional.empty();
            }
        };
        expiry.papers = new PaperConfiguration() {
            @Override
            public List<X509Certificate> keyCertificates() {
                return paperKeys;
            }
        };
        return expiry;
    }

    /** A fresh SoftHSM2 token with one generated key per alias, certified by {@code ca}; its SunPKCS11 file. */
    private static Path token(TrialPki ca, Map<String, TrialPki.Profile> keys)
            throws GeneralSecurityException, IOException, LoginException {
        Path library = LIBRARIES.stream().filter(Files::isReadable).findFirst().orElse(null);
        assertTrue(library != null && Tool.available("softhsm2-util"),
                "SoftHSM2 is not installed (apt-get install softhsm2; .ci/run does it)");
        String conf = System.getenv("SOFTHSM2_CONF");
        assertTrue(conf != null, "SOFTHSM2_CONF is unset: run through Maven, whose surefire sets it under target/");
        Path work = Path.of(conf).getParent();
        if (Files.exists(work)) {
            try (Stream<Path> old = Files.walk(work)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Path tokens = Files.createDirectories(work.resolve("tokens"));
        Files.writeString(Path.of(conf), "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n"
                + "log.level = ERROR\nslots.removable = false\n");
        Tool.Result init = Tool.run(List.of("softhsm2-util", "--init-token", "--free", "--label", "papers",
                "--pin", new String(PIN), "--so-pin", "654321"), Map.of("SOFTHSM2_CONF", conf));
        assertEquals(0, init.exitCode(), init.output());
        Path config = Files.writeString(work.resolve("pkcs11.cfg"), "name = PapersSoftHSM\nlibrary = " + library
                + "\nslotListIndex = 0\n");
        Provider provider = Security.getProvider("SunPKCS11").configure(config.toString());
        KeyStore store = KeyStore.getInstance("PKCS11", provider);
        store.load(null, PIN);
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
