package vn.lienthong.gateway.infrastructure.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import vn.lienthong.gateway.domain.certificate.RevocationReason;
import vn.lienthong.gateway.domain.certificate.SigningCertificate;
import vn.lienthong.gateway.domain.paper.CertificateUnusableException;
import vn.lienthong.gateway.infrastructure.agency.MapConfig;
import vn.lienthong.gateway.infrastructure.config.DemoMode;
import vn.lienthong.gateway.infrastructure.persistence.TestDatabase;
import vn.lienthong.signing.tsp.TsaConfig;

/**
 * The gateway's DEMO PKI on H2 and PostgreSQL, as two nodes sharing the database and the keys
 * directory see it: one CA, one key per officer however many nodes ask at once, a revocation
 * every node publishes, a revoked officer refused until re-issued.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class GatewayPkiTest {

    private static final String AGENCY = "000.20.20.H30";

    @Parameter
    TestDatabase engine;

    @TempDir
    Path data;

    private GatewayPki node(DataSource database) {
        return DemoGatewayPki.open(database, data, AGENCY, "UBND phường Hàng Bạc");
    }

    @Test
    void twoNodesAskingAtOnceMakeOneKeyPerOfficerUnderOneRoot() throws Exception {
        DataSource database = engine.fresh();
        GatewayPki first = node(database);
        GatewayPki second = node(database);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<X509Certificate>> asked = pool.invokeAll(List.<Callable<X509Certificate>>of(
                    () -> first.officer("cb-01", AGENCY, "UBND phường Hàng Bạc").signerCertificate(),
                    () -> second.officer("cb-01", AGENCY, "UBND phường Hàng Bạc").signerCertificate(),
                    () -> first.officer("cb-01", AGENCY, "UBND phường Hàng Bạc").signerCertificate(),
                    () -> second.officer("cb-01", AGENCY, "UBND phường Hàng Bạc").signerCertificate()));
            X509Certificate one = asked.get(0).get();
            for (Future<X509Certificate> f : asked) {
                assertEquals(one, f.get());
            }
            assertTrue(one.getSubjectX500Principal().getName().contains("Can bo cb-01 DEMO"), one.toString());
            assertTrue(one.toString().contains("https://dichvucong.example.vn/pki/ocsp"), one.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, first.officers().size(), first.officers().toString());
        assertEquals(first.services().pki().root().certificate(), second.services().pki().root().certificate());
        assertTrue(Files.isRegularFile(first.demoRoot().orElseThrow()));
        X509Certificate other = second.officer("cb-02", AGENCY, "UBND phường Hàng Bạc").signerCertificate();
        assertNotEquals(first.officer("cb-01", AGENCY, "UBND phường Hàng Bạc").signerCertificate(), other);
        assertEquals(4, second.officer("cb-02", AGENCY, "x").certificateChain().size() + 1, "officer, issuing, root");
    }

    @Test
    void outsideDemoModeTheProvincesTsaIsAskedWithItsCredentialsAndPolicy() {
        GatewayPki pki = new GatewayPki();
        pki.config = new MapConfig(Map.of("lienthong.pki.tsa-url", "https://tsa.example.gov.vn/tsa",
                "lienthong.pki.tsa-timeout-ms", "3000", "lienthong.pki.tsa-user", "lienthong",
                "lienthong.pki.tsa-password", "secret", "lienthong.pki.tsa-policy", "1.2.3.4.1"));
        pki.demo = new DemoMode() {
            @Override
            public boolean enabled() {
                return false;
            }
        };
        TsaConfig tsa = pki.tsa().orElseThrow();
        assertEquals("https://tsa.example.gov.vn/tsa", tsa.url().toString());
        assertEquals(java.time.Duration.ofSeconds(3), tsa.timeout());
        assertEquals(java.util.Optional.of("lienthong"), tsa.username());
        assertEquals(java.util.Optional.of("secret"), tsa.password());
        assertEquals(java.util.Optional.of("1.2.3.4.1"), tsa.policyOid());
        assertTrue(pki.timestamps().isPresent());
        pki.config = new MapConfig(Map.of());
        assertTrue(pki.timestamps().isEmpty(), "no TSA configured: no signature time-stamps");
    }

    @Test
    void aRevokedOfficerIsRefusedOnEveryNodeUntilIssuedANewCertificate() {
        DataSource database = engine.fresh();
        GatewayPki first = node(database);
        GatewayPki second = node(database);
        X509Certificate before = first.officer("cb-03", AGENCY, "UBND phường Hàng Bạc").signerCertificate();
        String serial = before.getSerialNumber().toString(16);

        SigningCertificate revoked = first.revoke(serial.toUpperCase(java.util.Locale.ROOT), RevocationReason.KEY_COMPROMISE);

        assertNotNull(revoked.revokedAt());
        CertificateUnusableException refused = assertThrows(CertificateUnusableException.class,
                () -> second.officer("cb-03", AGENCY, "UBND phường Hàng Bạc"));
        assertTrue(refused.getMessage().contains("revoked") && refused.getMessage().contains("KEY_COMPROMISE"),
                refused.getMessage());
        assertNotNull(second.services().issuingCrl().getRevokedCertificate(new BigInteger(serial, 16)),
                "the other node's CRL lists it");

        SigningCertificate renewed = second.issueOfficer("cb-03", AGENCY);

        assertNotEquals(serial, renewed.serial());
        assertEquals(renewed.serial(), first.officer("cb-03", AGENCY, "UBND phường Hàng Bạc").signerCertificate()
                .getSerialNumber().toString(16));
        assertTrue(renewed.subject().contains("UBND phường Hàng Bạc"), renewed.subject());
        assertEquals(2, first.officers().size());
    }
}
