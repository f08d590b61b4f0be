package vn.lienthong.signing.ltv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signing.DigestAlgorithm;
import vn.lienthong.signing.SignatureAlgorithm;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.key.ProviderPreference;
import vn.lienthong.signing.key.TrialPki;
import vn.lienthong.signing.pdf.PadesLongTerm;
import vn.lienthong.signing.pdf.PadesParameters;
import vn.lienthong.signing.pdf.PadesSigner;
import vn.lienthong.signing.pki.DemoPki;
import vn.lienthong.signing.pki.DemoTrustServices;
import vn.lienthong.signing.pki.EndEntity;
import vn.lienthong.signing.pki.MemoryRevocationRegistry;
import vn.lienthong.signing.pki.PkiSettings;
import vn.lienthong.signing.support.Fixtures;
import vn.lienthong.signing.verify.SignatureVerifier;
import vn.lienthong.signing.verify.VerificationPolicy;
import vn.lienthong.signing.verify.VerificationReport;

/** Revocation data fetched from the URLs in the certificates, served on 127.0.0.1 by the DEMO PKI. */
class HttpRevocationSourceTest {
    @TempDir
    static Path dir;
    static HttpServer server;
    static DemoTrustServices services;
    static final AtomicBoolean OCSP_UP = new AtomicBoolean(true);
    static final AtomicInteger CRL_FETCHES = new AtomicInteger();

    @BeforeAll
    static void publish() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        services = DemoTrustServices.create(DemoPki.create(PkiSettings.demo(base), Clock.systemUTC()),
                new MemoryRevocationRegistry());
        server.createContext("/pki/root-ca.crl", e -> crl(e, true));
        server.createContext("/pki/issuing-ca.crl", e -> crl(e, false));
        server.createContext("/pki/ocsp", e -> {
            if (!OCSP_UP.get()) {
                e.sendResponseHeaders(503, -1);
                e.close();
                return;
            }
            reply(e, "application/ocsp-response", services.ocsp(e.getRequestBody().readAllBytes()));
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static void crl(HttpExchange e, boolean root) throws IOException {
        CRL_FETCHES.incrementAndGet();
        try {
            reply(e, "application/pkix-crl", (root ? services.rootCrl() : services.issuingCrl()).getEncoded());
        } catch (GeneralSecurityException ex) {
            e.sendResponseHeaders(500, -1);
            e.close();
        }
    }

    private static void reply(HttpExchange e, String type, byte[] body) throws IOException {
        try (e) {
            e.getResponseHeaders().add("Content-Type", type);
            e.sendResponseHeaders(200, body.length);
            try (OutputStream out = e.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Test
    void fetchesOcspAndCrlsFromTheCertificatesUrlsAndCachesCrls() {
        OCSP_UP.set(true);
        HttpRevocationSource source = new HttpRevocationSource(Duration.ofSeconds(2), Duration.ofMinutes(10),
                Clock.systemUTC());
        Path paper = signed("http-ok");

        LongTermResult lt = new PadesLongTerm(source).extend(paper);

        assertTrue(lt.longTerm(), lt.toString());
        assertEquals(2, lt.ocspResponses(), lt.toString()); // the officer's and the TSA's
        int fetches = CRL_FETCHES.get();
        assertTrue(new PadesLongTerm(source).extend(signed("http-again")).longTerm());
        assertEquals(fetches, CRL_FETCHES.get(), "the root CRL comes from the cache until its nextUpdate");
        assertLongTerm(paper);
    }

    @Test
    void ocspDownUsesTheCrl() {
        OCSP_UP.set(false);
        try {
            Path paper = signed("http-ocsp-down");
            LongTermResult lt = new PadesLongTerm(new HttpRevocationSource(Duration.ofSeconds(2),
                    Duration.ofMinutes(10), Clock.systemUTC())).extend(paper);
            assertTrue(lt.longTerm(), lt.toString());
            assertEquals(0, lt.ocspResponses(), lt.toString());
            assertLongTerm(paper);
        } finally {
            OCSP_UP.set(true);
        }
    }

    @Test
    void unreachableServerLeavesBaselineT() throws IOException {
        HttpServer dead = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        URI base = URI.create("http://127.0.0.1:" + dead.getAddress().getPort());
        dead.stop(0);
        DemoTrustServices elsewhere = DemoTrustServices.create(DemoPki.create(PkiSettings.demo(base),
                Clock.systemUTC()), new MemoryRevocationRegistry());
        TrialPki.Issued officer = elsewhere.issue(EndEntity.officer("cb-9", "UBND"));
        Path paper = dir.resolve("dead.2.pdf");
        new PadesSigner(elsewhere.tsa()).sign(Fixtures.textPdf(dir.resolve("dead.pdf"), 1), paper,
                PadesParameters.invisible(SignatureAlgorithm.RSA_PSS, DigestAlgorithm.SHA256),
                Pkcs12KeySource.ofKey(officer.key(), officer.chain(), ProviderPreference.JDK));

        LongTermResult lt = new PadesLongTerm(new HttpRevocationSource(Duration.ofSeconds(1), Duration.ofMinutes(10),
                Clock.systemUTC())).extend(paper);

        assertFalse(lt.longTerm());
        assertFalse(lt.missing().isEmpty());
    }

    private static Path signed(String name) {
        TrialPki.Issued officer = services.issue(EndEntity.officer(name, "UBND Phường Hàng Bạc"));
        Path paper = dir.resolve(name + ".1.pdf");
        new PadesSigner(services.tsa()).sign(Fixtures.textPdf(dir.resolve(name + ".pdf"), 1), paper,
                PadesParameters.invisible(SignatureAlgorithm.RSA_PSS, DigestAlgorithm.SHA256),
                Pkcs12KeySource.ofKey(officer.key(), officer.chain(), ProviderPreference.JDK));
        return paper;
    }

    private static void assertLongTerm(Path paper) {
        VerificationReport ours = new SignatureVerifier(VerificationPolicy.of(
                List.of(services.pki().root().certificate()), List.of())).verify(paper, null);
        assertTrue(ours.passed(), ours.toText());
        assertEquals("PAdES-BASELINE-LT", ours.signatures().get(0).level(), ours.toText());
    }
}
