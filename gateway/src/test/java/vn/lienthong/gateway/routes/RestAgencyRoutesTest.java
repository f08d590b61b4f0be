package vn.lienthong.gateway.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The two REST adapters behind the delivery route, civil status (synchronous) and residence
 * (asynchronous, a ticket now and a callback later): mapping, each error class, the retry decision.
 * One Camel context serves every test; each test resets the two mock agencies.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestAgencyRoutesTest extends CamelTestSupport {

    private final AgencyTestFixtures.AgencyRoutes routes = new AgencyTestFixtures.AgencyRoutes();
    private final AgencyTestFixtures.RecordingOutcomes outcomes = routes.outcomes;
    private MockEndpoint civilStatus;
    private MockEndpoint residence;

    @Override
    public void configureTest(TestExecutionConfiguration test) {
        super.configureTest(test);
        test.withUseAdviceWith(true);
    }

    @Override
    public void configureContext(CamelContextConfiguration camel) {
        super.configureContext(camel);
        camel.withUseOverridePropertiesWithPropertiesComponent(AgencyTestFixtures.properties());
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return routes.builders(context);
    }

    @BeforeEach
    void replaceTheAgencies() throws Exception {
        if (!context.getStatus().isStarted()) {
            AgencyTestFixtures.replaceCall(context, "civil-status", "mock:hotich");
            AgencyTestFixtures.replaceCall(context, "residence", "mock:cutru");
            context.getRouteController().stopRoute("outbox-drain");
            context.start();
        }
        civilStatus = getMockEndpoint("mock:hotich");
        residence = getMockEndpoint("mock:cutru");
        civilStatus.reset();
        residence.reset();
        outcomes.outcomes.clear();
    }

    private static void answers(MockEndpoint agency, int status, String body) {
        agency.whenAnyExchangeReceived(e -> {
            e.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
            e.getMessage().setBody(body);
        });
    }

    private void deliver(String agency, String operation) {
        template.sendBody("seda:deliver-" + agency, AgencyTestFixtures.message(agency, operation));
    }

    @Test
    void birthRegistrationIsMappedAndTheNewPersonalIdIsMaskedInTheSummary() throws InterruptedException {
        answers(civilStatus, 200, "{\"registrationNumber\": \"KS-2026-000123\", \"personalId\": \"001226012345\"}");
        civilStatus.expectedMessageCount(1);
        deliver("civil-status", "BIRTH_REGISTRATION");
        assertEquals("answered: Hộ tịch: số đăng ký KS-2026-000123, số định danh cá nhân 0012******45", outcomes.next());
        civilStatus.assertIsSatisfied();
        Exchange sent = civilStatus.getReceivedExchanges().get(0);
        JsonObject request = Json.createReader(new java.io.StringReader(sent.getMessage().getBody(String.class))).readObject();
        assertEquals("BIRTH_REGISTRATION", request.getString("kind"));
        assertTrue(request.getString("requestId").startsWith("msg-"), request::toString);
        assertEquals(request.getString("requestId"), sent.getMessage().getHeader("X-Request-Id"));
        assertEquals("001190012345", request.getJsonObject("applicant").getString("citizenId"), "the agency gets the real data");
        assertEquals("POST", sent.getMessage().getHeader(Exchange.HTTP_METHOD));
    }

    @Test
    void civilStatusUnavailableIsRetriedInMemoryThenHandedBackToTheOutbox() throws InterruptedException {
        answers(civilStatus, 503, "busy");
        civilStatus.expectedMessageCount(3);
        deliver("civil-status", "BIRTH_REGISTRATION");
        assertEquals("transient: Civil status answered HTTP 503: busy", outcomes.next());
        civilStatus.assertIsSatisfied();
    }

    @Test
    void civilStatusGatewayTimeoutIsTransientButABadRequestIsNot() {
        answers(civilStatus, 504, "");
        deliver("civil-status", "BIRTH_REGISTRATION");
        assertTrue(outcomes.next().startsWith("transient: Civil status answered HTTP 504"));
        answers(civilStatus, 422, "{\"error\": \"ngày sinh sai\"}");
        deliver("civil-status", "BIRTH_REGISTRATION");
        String outcome = outcomes.next();
        assertTrue(outcome.startsWith("permanent: Civil status answered HTTP 422"), outcome);
        assertTrue(outcome.contains("ngày sinh sai"), outcome);
    }

    @Test
    void aCivilStatusReplyWithoutAPersonalIdIsMalformed() {
        answers(civilStatus, 200, "{\"registrationNumber\": \"KS-1\", \"personalId\": \"12AB\"}");
        deliver("civil-status", "BIRTH_REGISTRATION");
        String outcome = outcomes.next();
        assertTrue(outcome.startsWith("permanent: Malformed civil status reply"), outcome);
        answers(civilStatus, 200, "<html>maintenance</html>");
        deliver("civil-status", "DEATH_REGISTRATION");
        outcome = outcomes.next();
        assertTrue(outcome.startsWith("permanent: Malformed civil status reply (not a JSON object)"), outcome);
    }

    @Test
    void residenceAcceptsWithATicketAndTheResultWaitsForTheCallback() throws InterruptedException {
        answers(residence, 202, "{\"ticket\": \"CT-000777\"}");
        residence.expectedMessageCount(1);
        deliver("residence", "PERMANENT_RESIDENCE_REGISTRATION");
        String outcome = outcomes.next();
        assertTrue(outcome.startsWith("answered: "), outcome);
        residence.assertIsSatisfied();
        assertEquals("PERMANENT_RESIDENCE_REGISTRATION", Json.createReader(new java.io.StringReader(
                residence.getReceivedExchanges().get(0).getMessage().getBody(String.class))).readObject().getString("kind"));
    }

    @Test
    void residenceWithoutATicketIsMalformedAndARefusedConnectionIsTransient() {
        answers(residence, 202, "{\"status\": \"ok\"}");
        deliver("residence", "PERMANENT_RESIDENCE_REMOVAL");
        String outcome = outcomes.next();
        assertTrue(outcome.startsWith("permanent: Malformed residence reply: no ticket"), outcome);
        residence.whenAnyExchangeReceived(e -> {
            throw new java.net.ConnectException("Connection refused");
        });
        deliver("residence", "PERMANENT_RESIDENCE_REMOVAL");
        assertEquals("transient: ConnectException: Connection refused", outcomes.next());
        assertFalse(outcomes.outcomes.iterator().hasNext());
    }
}
