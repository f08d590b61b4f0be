package vn.lienthong.gateway.infrastructure.agency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.gateway.routes.AgencyCallException;
import vn.lienthong.gateway.routes.AgencyFailures;
import vn.lienthong.gateway.routes.TransientAgencyException;

/**
 * TLS to agencies through camel-http, against a real loopback HTTPS server: protocols, trust,
 * host name verification, the client certificate by alias, and what a misconfiguration says.
 */
class AgencyTlsTest {

    private static final String ID = "social-insurance";
    private static final String P = "lienthong.agency." + ID + ".";

    @TempDir
    static Path dir;

    private static TestPki.Issued ca;
    private static TestPki.Issued otherCa;
    private static TestPki.Issued server;
    private static TestPki.Issued misnamedServer;
    private static Path caTrust;
    private static Path otherCaTrust;
    private static Path clientKeys;

    private DefaultCamelContext camel;
    private TestHttpsServer agency;

    @BeforeAll
    static void pki() {
        ca = TestPki.ca("Test agencies CA");
        otherCa = TestPki.ca("Some other CA");
        server = TestPki.issue(ca, "bhxh.test", "127.0.0.1", "localhost");
        misnamedServer = TestPki.issue(ca, "elsewhere.test", "elsewhere.test");
        caTrust = TestPki.truststore(dir.resolve("ca.p12"), "trust-pw", ca.certificate());
        otherCaTrust = TestPki.truststore(dir.resolve("other-ca.p12"), "trust-pw", otherCa.certificate());
        clientKeys = TestPki.keystore(dir.resolve("client.p12"), "key-pw", Map.of(
                "bhxh", TestPki.issue(ca, "lienthong-for-bhxh"),
                "other", TestPki.issue(ca, "lienthong-for-others")));
    }

    @BeforeEach
    void camel() {
        camel = new DefaultCamelContext();
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
        if (agency != null) {
            agency.close();
        }
    }

    private static Map<String, String> trusting(Path truststore) {
        Map<String, String> c = new HashMap<>();
        c.put("lienthong.agencies", "civil-status," + ID);
        c.put("lienthong.tls.truststore", truststore.toString());
        c.put("lienthong.tls.truststore-password", "trust-pw");
        return c;
    }

    private static AgencyTls tls(Map<String, String> config) {
        AgencyTls tls = new AgencyTls();
        tls.config = new MapConfig(config);
        return tls;
    }

    /** GET {@code /ping} on the agency as the adapter routes call it: its URL plus the TLS options. */
    private Exchange call(AgencyTls tls) {
        tls.bindTo(camel.getRegistry());
        ProducerTemplate template = camel.createProducerTemplate();
        String url = agency.url();
        return template.request(url + "/ping?throwExceptionOnFailure=false" + tls.endpointOptions(ID, url)
                + "&connectTimeout=2000&responseTimeout=2000", e -> { });
    }

    private static String failure(Exchange exchange) {
        assertTrue(exchange.getException() != null, "the call should have failed");
        AgencyCallException typed = AgencyFailures.classify(exchange.getException(), ID);
        assertInstanceOf(TransientAgencyException.class, typed, typed::getMessage);
        return typed.getMessage();
    }

    @Test
    void onlyTls13AndTls12AreEnabled() throws GeneralSecurityException, IOException {
        SSLContext context = tls(trusting(caTrust)).parameters(ID).createSSLContext(null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
            assertEquals(Set.of("TLSv1.3", "TLSv1.2"), Set.of(socket.getEnabledProtocols()));
        }
        assertEquals(Set.of("TLSv1.3", "TLSv1.2"), Set.of(context.createSSLEngine().getEnabledProtocols()));
    }

    @Test
    void anAgencyTruststoreReplacesTheGlobalOne() {
        Map<String, String> c = trusting(caTrust);
        assertEquals("lienthong.tls.truststore", tls(c).settings(ID).truststore().orElseThrow().key());
        c.put(P + "truststore", otherCaTrust.toString());
        assertEquals(P + "truststore", tls(c).settings(ID).truststore().orElseThrow().key());
        assertEquals("lienthong.tls.truststore", tls(c).settings("civil-status").truststore().orElseThrow().key());
        c.put(P + "truststore", "  ");
        assertEquals("lienthong.tls.truststore", tls(c).settings(ID).truststore().orElseThrow().key(), "blank is unset");
        assertFalse(tls(Map.of()).settings(ID).customised(), "nothing configured: the platform defaults");
    }

    @Test
    void callsAnAgencyWhoseCertificateChainsToTheTruststore() {
        agency = new TestHttpsServer(server, null);
        Exchange done = call(tls(trusting(caTrust)));
        assertNull(done.getException());
        assertEquals(200, done.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class));
        assertEquals("ok", done.getMessage().getBody(String.class));
    }

    @Test
    void refusesAnAgencySignedByAnotherCaWithAShortTransientReason() {
        agency = new TestHttpsServer(server, null);
        String reason = failure(call(tls(trusting(otherCaTrust))));
        assertTrue(reason.contains("PKIX path building failed") && reason.contains(P + "truststore"), reason);
        assertFalse(reason.contains("sun.security"), reason);
    }

    @Test
    void refusesAnAgencyWhoseCertificateNamesAnotherHost() {
        agency = new TestHttpsServer(misnamedServer, null);
        String reason = failure(call(tls(trusting(caTrust))));
        assertTrue(reason.contains("does not name this host") && reason.contains("127.0.0.1"), reason);
    }

    @Test
    void presentsTheClientCertificateOfTheConfiguredAlias() {
        agency = new TestHttpsServer(server, ca.certificate());
        for (String alias : List.of("bhxh", "other")) {
            Map<String, String> c = trusting(caTrust);
            c.put(P + "keystore", clientKeys.toString());
            c.put(P + "keystore-password", "key-pw");
            c.put(P + "keystore-alias", alias);
            camel.stop();
            camel = new DefaultCamelContext();
            camel.start();
            Exchange done = call(tls(c));
            assertNull(done.getException());
            assertTrue(agency.lastClient().contains(alias.equals("bhxh") ? "CN=lienthong-for-bhxh" : "CN=lienthong-for-others"),
                    agency.lastClient());
        }
    }

    @Test
    void withoutAClientCertificateAMutualTlsAgencyIsNotReached() {
        agency = new TestHttpsServer(server, ca.certificate());
        Exchange refused = call(tls(trusting(caTrust)));
        // In TLS 1.3 the server's verdict on the client certificate comes after the client's handshake
        // is done: the client sees the alert, a broken pipe or no response, whichever comes first.
        failure(refused);
        assertEquals("none", agency.lastClient());
    }

    @Test
    void aMissingKeystoreNamesItsKeyAndWaitsAsTransient() {
        Map<String, String> c = trusting(caTrust);
        c.put(P + "keystore", dir.resolve("no-such.p12").toString());
        AgencyTlsException e = assertThrows(AgencyTlsException.class, () -> tls(c).endpointOptions(ID, "https://bhxh.test"));
        assertTrue(e.getMessage().contains(P + "keystore=") && e.getMessage().contains("file not found"), e.getMessage());
        AgencyCallException typed = AgencyFailures.classify(e, ID);
        assertInstanceOf(TransientAgencyException.class, typed);
        assertEquals(e.getMessage(), typed.getMessage());
    }

    @Test
    void aWrongPasswordNamesThePasswordKey() {
        Map<String, String> c = trusting(caTrust);
        c.put("lienthong.tls.truststore-password", "not-it");
        AgencyTlsException e = assertThrows(AgencyTlsException.class, () -> tls(c).parameters(ID));
        assertTrue(e.getMessage().contains("lienthong.tls.truststore-password"), e.getMessage());
    }

    @Test
    void anUnknownAliasNamesTheAliasKeyAndTheKeysThereAre() {
        Map<String, String> c = trusting(caTrust);
        c.put(P + "keystore", clientKeys.toString());
        c.put(P + "keystore-password", "key-pw");
        c.put(P + "keystore-alias", "nope");
        AgencyTlsException e = assertThrows(AgencyTlsException.class, () -> tls(c).parameters(ID));
        assertTrue(e.getMessage().contains(P + "keystore-alias=nope") && e.getMessage().contains("bhxh"), e.getMessage());
        assertFalse(e.getMessage().contains("key-pw"), "no password in messages");
    }

    @Test
    void plainHttpGetsNoTlsOptionsHttpsGetsTheAgencysParameters() {
        Map<String, String> c = trusting(caTrust);
        c.put(P + "keystore", dir.resolve("no-such.p12").toString());
        assertEquals("", tls(c).endpointOptions(ID, "http://127.0.0.1:8080/sandbox/" + ID),
                "camel-http would turn an http URL into https if given parameters");
        assertEquals("&sslContextParameters=#agencyTls-" + ID, tls(trusting(caTrust)).endpointOptions(ID, "HTTPS://bhxh.test"));
    }

    @Test
    void theTokenEndpointGetsTheAgencysTrustAndClientCertificate() {
        agency = new TestHttpsServer(server, ca.certificate());
        Map<String, String> c = trusting(caTrust);
        c.put(P + "keystore", clientKeys.toString());
        c.put(P + "keystore-password", "key-pw");
        c.put(P + "keystore-alias", "bhxh");
        c.put(P + "auth", "oauth2");
        c.put(P + "token-url", agency.url() + "/token");
        c.put(P + "client-id", "lienthong");
        c.put(P + "client-secret", "s3cret");
        AgencyCredentials credentials = new AgencyCredentials();
        credentials.config = new MapConfig(c);
        credentials.tls = tls(c);
        assertEquals("Bearer t-lienthong-for-bhxh", credentials.authorization(ID));

        c.put(P + "keystore-alias", "other");
        c.put("lienthong.tls.truststore", otherCaTrust.toString());
        AgencyCredentials untrusting = new AgencyCredentials();
        untrusting.config = new MapConfig(c);
        untrusting.tls = tls(c);
        AgencyCredentialsException e = assertThrows(AgencyCredentialsException.class, () -> untrusting.authorization(ID));
        String reason = AgencyFailures.classify(e, ID).getMessage();
        assertTrue(reason.contains("PKIX path building failed"), reason);
    }
}
