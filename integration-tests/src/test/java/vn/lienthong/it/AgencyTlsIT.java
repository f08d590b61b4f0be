package vn.lienthong.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.infrastructure.agency.TestPki;

/**
 * Liên thông over real TLS: the runnable jar serves HTTPS (Payara Micro --sslport with a test CA's
 * certificate for 127.0.0.1), and the social-insurance connector calls its own sandbox through
 * that listener. Trusting the test CA, a BHYT re-issue dossier completes over SOAP/HTTPS; trusting
 * another CA, the agency is never reached and the dossier's record says why.
 */
class AgencyTlsIT {

    private static final String PASSWORD = "it-secret";
    private static final String HTTPS_ALIAS = "lienthong-https";

    private static Path work;
    private static TestPki.Issued ca;
    private static Path listenerKeys;
    private static Path agenciesCa;
    private static Path otherCa;

    @BeforeAll
    static void pki() throws IOException {
        work = Path.of(System.getProperty("it.data.dir", "target/it-data")).resolve("agency-tls").toAbsolutePath();
        Path pki = Files.createDirectories(work.resolve("pki"));
        ca = TestPki.ca("Lien Thong test agencies CA");
        listenerKeys = TestPki.keystore(pki.resolve("https.p12"), PASSWORD,
                Map.of(HTTPS_ALIAS, TestPki.issue(ca, "127.0.0.1", "127.0.0.1", "localhost")));
        agenciesCa = TestPki.truststore(pki.resolve("agencies-ca.p12"), PASSWORD, ca.certificate());
        otherCa = TestPki.truststore(pki.resolve("other-ca.p12"), PASSWORD, TestPki.ca("Some other CA").certificate());
    }

    /** The operator's HTTPS start (docs/tls.md), with social insurance reached through that listener. */
    private static RunnableJar.Launch https(int sslPort, Path truststore, Map<String, String> more) {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "LIENTHONG_AGENCY_SOCIAL_INSURANCE_URL", "https://127.0.0.1:" + sslPort + "/sandbox/social-insurance",
                "LIENTHONG_TLS_TRUSTSTORE", truststore.toString(),
                "LIENTHONG_TLS_TRUSTSTORE_PASSWORD", PASSWORD));
        env.putAll(more);
        return new RunnableJar.Launch(
                List.of("-Djavax.net.ssl.keyStore=" + listenerKeys, "-Djavax.net.ssl.keyStorePassword=" + PASSWORD),
                List.of("--sslport", String.valueOf(sslPort), "--sslcert", HTTPS_ALIAS),
                env);
    }

    @Test
    void trustingTheAgenciesCaABhytReissueCompletesOverSoapAndHttps() throws IOException, InterruptedException {
        int sslPort = RunnableJar.freePort();
        Path dir = work.resolve("trusted");
        try (RunnableJar gateway = RunnableJar.start(dir.resolve("data"), dir, https(sslPort, agenciesCa, Map.of()))) {
            // The listener presents the test certificate: a client trusting only the test CA, with host name checks, gets in.
            HttpResponse<String> ready = HttpClient.newBuilder().sslContext(trusting(ca)).build().send(
                    HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + sslPort + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ready.statusCode(), ready::body);

            GatewayHttp http = deskOfficer(gateway);
            GatewayHttp.Reply created = http.post("api/v1/dossiers",
                    GatewayHttp.submission("1.000240", "000.00.00.H30", "001190012345"));
            assertEquals(201, created.status(), created::toString);
            String code = created.json().getString("code");
            JsonObject done = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> http.get("api/v1/dossiers/" + code).json(), d -> "COMPLETED".equals(d.getString("status")));
            JsonObject exchange = done.getJsonArray("exchanges").getJsonObject(0);
            assertEquals("social-insurance", exchange.getString("agency"), done::toString);
            assertEquals("DONE", exchange.getString("status"), done::toString);
            JsonObject stats = gateway.http().get("sandbox/social-insurance/_stats").json();
            assertTrue(stats.getInt("received") >= 1, stats::toString);
            assertEquals(1, stats.getInt("effects"), stats::toString);
        }
    }

    @Test
    void trustingAnotherCaTheAgencyIsNeverReachedAndTheRecordSaysWhy() {
        int sslPort = RunnableJar.freePort();
        Path dir = work.resolve("wrong-ca");
        // Two attempts, no in-memory redelivery: the transient TLS failure is retried once, then buried.
        Map<String, String> quickRetries = Map.of(
                "LIENTHONG_DELIVERY_REDELIVERIES", "0",
                "LIENTHONG_AGENCY_SOCIAL_INSURANCE_MAX_ATTEMPTS", "2",
                "LIENTHONG_AGENCY_SOCIAL_INSURANCE_RETRY_INITIAL_MS", "100");
        try (RunnableJar gateway = RunnableJar.start(dir.resolve("data"), dir, https(sslPort, otherCa, quickRetries))) {
            GatewayHttp http = deskOfficer(gateway);
            GatewayHttp.Reply created = http.post("api/v1/dossiers",
                    GatewayHttp.submission("1.000240", "000.00.00.H30", "001190012345"));
            assertEquals(201, created.status(), created::toString);
            String code = created.json().getString("code");
            JsonObject dossier = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> http.get("api/v1/dossiers/" + code).json(),
                            d -> "DEAD".equals(d.getJsonArray("exchanges").getJsonObject(0).getString("status")));
            JsonObject exchange = dossier.getJsonArray("exchanges").getJsonObject(0);
            assertEquals(2, exchange.getInt("attempts"), "retried as transient, not failed at once: " + exchange);
            assertTrue(exchange.getString("error").contains("PKIX path building failed"), exchange::toString);
            assertNotEquals("COMPLETED", dossier.getString("status"));

            List<String> failures = http.get("api/v1/dossiers/" + code + "/history").json().getJsonArray("steps")
                    .getValuesAs(JsonObject.class).stream().filter(s -> s.getString("kind").equals("AGENCY_FAILED"))
                    .map(s -> s.getString("note")).toList();
            assertEquals(1, failures.size(), failures::toString);
            assertTrue(failures.get(0).contains("TLS") && failures.get(0).contains("PKIX path building failed")
                    && failures.get(0).contains("lienthong.agency.social-insurance.truststore"), failures::toString);
            assertTrue(!failures.get(0).contains("sun.security"), "a short reason, not the JDK's class names");

            JsonObject stats = gateway.http().get("sandbox/social-insurance/_stats").json();
            assertEquals(0, stats.getInt("received"), stats::toString);
        }
    }

    private static GatewayHttp deskOfficer(RunnableJar gateway) {
        return gateway.http().as(gateway.tokens().token(DemoTokens.DESK_OFFICER, "000.00.00.H30"));
    }

    private static SSLContext trusting(TestPki.Issued authority) {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("ca", authority.certificate());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
