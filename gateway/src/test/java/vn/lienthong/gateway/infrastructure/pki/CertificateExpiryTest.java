package vn.lienthong.gateway.infrastructure.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.infrastructure.messagelog.GatewayKeyConfiguration;
import vn.lienthong.gateway.infrastructure.paper.PaperConfiguration;
import vn.lienthong.signing.key.KeySource;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.key.ProviderPreference;
import vn.lienthong.signing.key.TrialPki;

/**
 * Outside demo mode the expiry warnings watch what the province configured: the gateway seal and
 * its CA, the TSA's certificate once it has stamped, and the paper keys with their CA chain.
 */
class CertificateExpiryTest {

    private static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");

    @Test
    void aProvinceOfficerKeyAndTheTsaWithinTheWindowAreNamedAndTheSealsCaIsWatched() {
        TrialPki ca = TrialPki.create("Province CA test");
        TrialPki.Issued seal = ca.issue(TrialPki.Profile.signer("Gateway seal", "Province", "RSA")
                .validity(NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(400))));
        X509Certificate officer = ca.issue(TrialPki.Profile.signer("Officer An", "Province", "RSA")
                .validity(NOW.minus(Duration.ofDays(300)), NOW.plus(Duration.ofDays(20)))).certificate();
        X509Certificate tsa = ca.issue(TrialPki.Profile.tsa("Province TSA")
                .validity(NOW.minus(Duration.ofDays(300)), NOW.plus(Duration.ofDays(45)))).certificate();

        CertificateExpiry expiry = outsideDemoMode(NOW, seal, Optional.of(tsa), List.of(officer, ca.caCertificate()));

        List<CertificateExpiry.Watched> expiring = expiry.expiring();
        assertEquals(2, expiring.size(), expiring::toString);
        assertTrue(expiring.get(0).name().startsWith("paper key") && expiring.get(0).name().contains("Officer An"),
                expiring::toString);
        assertEquals(20, CertificateExpiry.daysLeft(expiring.get(0), NOW));
        assertTrue(expiring.get(1).name().startsWith("TSA") && expiring.get(1).name().contains("Province TSA"),
                expiring::toString);
        List<String> watched = expiry.watched().stream().map(CertificateExpiry.Watched::name).toList();
        assertEquals(1, watched.stream().filter(n -> n.startsWith("CA ") && n.contains("Province CA test")).count(),
                "the CA once, though both chains carry it: " + watched);
        assertTrue(watched.stream().anyMatch(n -> n.startsWith("gateway seal")), watched::toString);
    }

    /** The watch as it runs outside demo mode: this gateway seal, the province TSA's certificate, these paper keys. */
    static CertificateExpiry outsideDemoMode(Instant now, TrialPki.Issued seal, Optional<X509Certificate> tsa,
                                             List<X509Certificate> paperKeys) {
        CertificateExpiry expiry = new CertificateExpiry();
        expiry.clock = Clock.fixed(now, java.time.ZoneOffset.UTC);
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
                return tsa;
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
}
