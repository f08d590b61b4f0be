package vn.lienthong.gateway.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.application.AgencyLinks;
import vn.lienthong.gateway.infrastructure.agency.AgencyAddresses;
import vn.lienthong.gateway.infrastructure.agency.AgencyCredentials;
import vn.lienthong.gateway.infrastructure.agency.AgencyTls;

/** The admin's test call over real HTTP to a local agency, and the breaker state it reports. */
class AgencyTestCallsTest {

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private HttpServer agency;
    private CamelContext camel;
    private AgencyTestCalls calls;
    private String base;

    @BeforeEach
    void start() throws IOException {
        agency = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        agency.createContext("/", exchange -> {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            int status = exchange.getRequestURI().getPath().contains("broken") ? 503 : 404;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        agency.start();
        base = "http://127.0.0.1:" + agency.getAddress().getPort();
        camel = new DefaultCamelContext();
        camel.getPropertiesComponent().setInitialProperties(AgencyTestFixtures.properties());
        camel.start();
        calls = new AgencyTestCalls();
        calls.breakers = new AgencyBreakers();
        calls.tls = new AgencyTls();
        calls.credentials = new AgencyCredentials() {
            @Override
            public String authorization(String agencyId) {
                return "Bearer test-" + agencyId;
            }
        };
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
        agency.stop(0);
    }

    private void agencyAt(String url) {
        calls.addresses = new AgencyAddresses() {
            @Override
            public String baseUrl(String agencyId) {
                return url + "/" + agencyId;
            }
        };
    }

    @Test
    void anAgencyThatAnswersIsReachableAndGetsOneGetWithItsCredentials() {
        agencyAt(base);
        AgencyLinks.TestCall answer = calls.call(camel, "civil-status");
        assertTrue(answer.reachable(), answer::toString);
        assertEquals(404, answer.status());
        assertNull(answer.error());
        assertEquals(List.of("GET /civil-status Bearer test-civil-status"), seen);
    }

    @Test
    void aServerErrorIsNotReachable() {
        agencyAt(base + "/broken");
        AgencyLinks.TestCall answer = calls.call(camel, "residence");
        assertFalse(answer.reachable());
        assertEquals(503, answer.status());
        assertEquals("HTTP 503", answer.error());
    }

    @Test
    void nobodyListeningIsNotReachableWithTheReason() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        agencyAt("http://127.0.0.1:" + closed);
        AgencyLinks.TestCall answer = calls.call(camel, "social-insurance");
        assertFalse(answer.reachable());
        assertEquals(0, answer.status());
        assertTrue(answer.error().contains("Connect"), answer.error());
    }

    @Test
    void theBreakerStateIsNoneUntilTheDeliveryRouteBindsOneThenClosed() {
        assertEquals("NONE", calls.breakerState("land-registry"));
        calls.breakers.bind(camel, "land-registry");
        assertEquals("CLOSED", calls.breakerState("land-registry"));
    }
}
