package vn.lienthong.gateway.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.domain.exchange.Connector;
import vn.lienthong.gateway.domain.exchange.RetrySchedule;
import vn.lienthong.gateway.infrastructure.agency.AgencyAddresses;

/**
 * A fifth agency added as docs/connectors.md says, with configuration and one mapper class only
 * (the tax office, {@link TaxOfficeTestMapper}): its route comes from the real adapter template
 * and calls a real HTTP server on the configured path, through its own circuit breaker, which
 * opens on transient failures and not on refusals.
 */
class FifthAgencyTest extends CamelTestSupport {

    private static final String TAX = "tax-office";

    private final AgencyTestFixtures.AgencyRoutes routes = new AgencyTestFixtures.AgencyRoutes();
    private final HttpServer agency = server();
    /** What the tax office received: method, path, X-Request-Id, body. */
    private final BlockingQueue<String[]> received = new LinkedBlockingQueue<>();
    private volatile int status = 200;
    private volatile String answer = "{\"noticeNumber\": \"TB-2026-0042\"}";

    private static HttpServer server() {
        try {
            return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new AssertionError("Cannot start the test tax office", e);
        }
    }

    /** The configuration a province would write in microprofile-config.properties. */
    @Override
    public void configureContext(CamelContextConfiguration camel) {
        super.configureContext(camel);
        Properties p = AgencyTestFixtures.properties();
        String key = "lienthong.agency." + TAX + ".";
        p.put(key + "path", "/v1/nghia-vu-tai-chinh");
        p.put(key + "mapper", "tax-office-json");
        p.put(key + "connect-timeout-ms", "500");
        p.put(key + "read-timeout-ms", "2000");
        p.put(key + "rate-per-second", "1000");
        p.put(key + "concurrency", "1");
        p.put(key + "circuit-window", "3");
        p.put(key + "circuit-failure-rate", "100");
        p.put(key + "circuit-open-ms", "60000");
        camel.withUseOverridePropertiesWithPropertiesComponent(p);
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        agency.createContext("/", this::handle);
        agency.start();
        routes.connectors = AgencyTestFixtures.directory(List.of(new Connector(TAX, "Cơ quan thuế", "T01", "TAX",
                false, true, new RetrySchedule(3, Duration.ofMillis(10), Duration.ofMillis(100)))));
        routes.addresses = new AgencyAddresses() {
            @Override
            public String baseUrl(String agencyId) {
                return "http://127.0.0.1:" + agency.getAddress().getPort() + "/" + agencyId;
            }
        };
        routes.mappers.put("tax-office-json", new TaxOfficeTestMapper());
        return routes.builders(context);
    }

    @BeforeEach
    void noPolling() throws Exception {
        context.getRouteController().stopRoute("outbox-drain");
    }

    @AfterEach
    void stopAgency() {
        agency.stop(0);
    }

    private void handle(HttpExchange call) throws IOException {
        String body = new String(call.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new String[] {call.getRequestMethod(), call.getRequestURI().getPath(),
                call.getRequestHeaders().getFirst("X-Request-Id"), body});
        byte[] reply = answer.getBytes(StandardCharsets.UTF_8);
        call.getResponseHeaders().add("Content-Type", "application/json");
        call.sendResponseHeaders(status, reply.length);
        call.getResponseBody().write(reply);
        call.close();
    }

    private void deliver() {
        template.sendBody("seda:deliver-" + TAX, AgencyTestFixtures.message(TAX, "FINANCIAL_OBLIGATION"));
    }

    private String[] nextCall() throws InterruptedException {
        String[] call = received.poll(10, TimeUnit.SECONDS);
        if (call == null) {
            throw new AssertionError("The tax office received nothing within 10 s");
        }
        return call;
    }

    private CircuitBreaker breaker() {
        return context.getRegistry().lookupByNameAndType("circuit-breaker-" + TAX, CircuitBreaker.class);
    }

    @Test
    void theTemplateRoutesTheNewAgencyToItsConfiguredPathThroughItsMapper() throws InterruptedException {
        deliver();
        assertEquals("answered: Thuế: thông báo nghĩa vụ tài chính số TB-2026-0042", routes.outcomes.next());
        String[] call = nextCall();
        assertEquals("POST", call[0]);
        assertEquals("/" + TAX + "/v1/nghia-vu-tai-chinh", call[1]);
        JsonObject request = Json.createReader(new StringReader(call[3])).readObject();
        assertEquals(call[2], request.getString("requestId"), "X-Request-Id is the message id");
        assertEquals("FINANCIAL_OBLIGATION", request.getString("kind"));
        assertTrue(context.getRoute("adapter-" + TAX).isCreatedByRouteTemplate(), "a route of the adapter template");
    }

    @Test
    void transientFailuresOpenTheAgencysCircuitAndTheNextMessageWaitsWithoutACall() throws InterruptedException {
        status = 502; // not 503: HttpClient itself retries a 503 once
        answer = "{\"error\": \"bảo trì\"}";
        deliver(); // the call and two in-memory redeliveries: three transient failures of three
        assertTrue(routes.outcomes.next().startsWith("transient: Tax office answered HTTP 502"));
        assertEquals(CircuitBreaker.State.OPEN, breaker().getState());
        deliver();
        assertEquals("circuit-open", routes.outcomes.next());
        assertEquals(3, received.size(), "no call while the circuit is open");
    }

    @Test
    void refusalsDoNotOpenTheCircuit() throws InterruptedException {
        status = 422;
        answer = "{\"error\": \"mã số thuế sai\"}";
        for (int i = 0; i < 4; i++) {
            deliver();
            String outcome = routes.outcomes.next();
            assertTrue(outcome.startsWith("permanent: Tax office answered HTTP 422"), outcome);
        }
        assertEquals(CircuitBreaker.State.CLOSED, breaker().getState());
        status = 200;
        answer = "{\"noticeNumber\": \"TB-7\"}";
        deliver();
        assertEquals("answered: Thuế: thông báo nghĩa vụ tài chính số TB-7", routes.outcomes.next());
    }
}
