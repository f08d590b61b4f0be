package vn.lienthong.gateway.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The BHXH SOAP adapter behind the delivery route: mapping, each error class, the retry decision.
 * One Camel context serves every test; each test resets the mock agency.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SocialInsuranceRouteTest extends CamelTestSupport {

    private final AgencyTestFixtures.AgencyRoutes routes = new AgencyTestFixtures.AgencyRoutes();
    private final AgencyTestFixtures.RecordingOutcomes outcomes = routes.outcomes;
    private MockEndpoint agency;

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
    void replaceTheAgency() throws Exception {
        if (!context.getStatus().isStarted()) {
            AgencyTestFixtures.replaceCall(context, "social-insurance", "mock:bhxh");
            context.getRouteController().stopRoute("outbox-drain");
            context.start();
        }
        agency = getMockEndpoint("mock:bhxh");
        agency.reset();
        outcomes.outcomes.clear();
        outcomes.answerFailure = null;
    }

    private void agencyAnswers(int status, String body) {
        agency.whenAnyExchangeReceived(e -> {
            e.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
            e.getMessage().setBody(body);
        });
    }

    private void deliver(String operation) {
        template.sendBody("seda:deliver-social-insurance", AgencyTestFixtures.message("social-insurance", operation));
    }

    private static String envelope(String body) {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:vss=\"urn:vn:vss:lienthong:1\">"
                + "<soap:Body>" + body + "</soap:Body></soap:Envelope>";
    }

    @Test
    void cardIsMappedFromTheSoapReplyAndTheRequestCarriesTheMessageId() throws Exception {
        agencyAnswers(200, envelope("<vss:KetQua><vss:MaSoBhxh>0123456789</vss:MaSoBhxh>"
                + "<vss:HanTheTu>2026-10-08</vss:HanTheTu><vss:HanTheDen>2032-10-07</vss:HanTheDen></vss:KetQua>"));
        agency.expectedMessageCount(1);
        deliver("BHYT_CARD_UNDER_6");
        assertEquals("answered: BHXH: mã số 0123456789, thẻ BHYT có giá trị từ 2026-10-08 đến 2032-10-07", outcomes.next());
        agency.assertIsSatisfied();
        Exchange sent = agency.getReceivedExchanges().get(0);
        String request = sent.getMessage().getBody(String.class);
        assertTrue(request.contains("<vss:MessageId>msg-"), request);
        assertTrue(request.contains("<vss:NghiepVu>BHYT_CARD_UNDER_6</vss:NghiepVu>"), request);
        assertTrue(request.contains("<vss:SoDinhDanh>001190012345</vss:SoDinhDanh>"), request);
        assertEquals("\"urn:vn:vss:lienthong:1:BHYT_CARD_UNDER_6\"", sent.getMessage().getHeader("SOAPAction"));
        assertTrue(sent.getMessage().getHeader("X-Request-Id", String.class).startsWith("msg-"));
    }

    @Test
    void unavailableIsRetriedInMemoryThenHandedBackToTheOutbox() throws Exception {
        agencyAnswers(503, "Service unavailable");
        agency.expectedMessageCount(3); // the first call and two redeliveries
        deliver("BHYT_CARD_REISSUE");
        assertEquals("transient: Social insurance answered HTTP 503", outcomes.next());
        agency.assertIsSatisfied();
    }

    @Test
    void serverFaultIsTransient() throws Exception {
        agencyAnswers(500, envelope("<soap:Fault><faultcode>soap:Server</faultcode><faultstring>quá tải</faultstring></soap:Fault>"));
        agency.expectedMessageCount(3);
        deliver("BHYT_CARD_REISSUE");
        assertEquals("transient: SOAP fault soap:Server: quá tải", outcomes.next());
        agency.assertIsSatisfied();
    }

    @Test
    void clientFaultStopsAtOnce() throws Exception {
        agencyAnswers(500, envelope("<soap:Fault><faultcode>soap:Client</faultcode><faultstring>Số định danh sai</faultstring></soap:Fault>"));
        agency.expectedMessageCount(1);
        deliver("BHYT_CARD_REISSUE");
        assertEquals("permanent: SOAP fault soap:Client: Số định danh sai", outcomes.next());
        agency.assertIsSatisfied();
    }

    @Test
    void malformedReplyIsAClearPermanentError() throws Exception {
        agencyAnswers(200, "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><vss:KetQua>");
        agency.expectedMessageCount(1);
        deliver("BHYT_CARD_REISSUE");
        String outcome = outcomes.next();
        assertTrue(outcome.startsWith("permanent: Malformed SOAP reply"), outcome);
        agency.assertIsSatisfied();
    }

    @Test
    void replyWithoutAValidNumberIsMalformed() {
        agencyAnswers(200, envelope("<vss:KetQua><vss:MaSoBhxh>12AB</vss:MaSoBhxh></vss:KetQua>"));
        deliver("BHYT_CARD_REISSUE");
        String outcome = outcomes.next();
        assertTrue(outcome.startsWith("permanent: Malformed SOAP reply: no KetQua with a 10-digit MaSoBhxh"), outcome);
    }

    @Test
    void badRequestIsPermanent() {
        agencyAnswers(400, "bad");
        deliver("BHYT_CARD_REISSUE");
        assertEquals("permanent: Social insurance answered HTTP 400: bad", outcomes.next());
    }

    @Test
    void anAnswerThatCannotBeRecordedGoesBackToTheOutboxOnce() throws Exception {
        agencyAnswers(200, envelope("<vss:KetQua><vss:MaSoBhxh>0123456789</vss:MaSoBhxh></vss:KetQua>"));
        outcomes.answerFailure = new IllegalStateException("Timeout trying to lock table AGENCY_MESSAGE");
        agency.expectedMessageCount(1); // not redelivered in memory: the outbox sends it again, with the same id
        deliver("BHYT_CARD_REISSUE");
        assertEquals("unexpected: Timeout trying to lock table AGENCY_MESSAGE", outcomes.next());
        agency.assertIsSatisfied();
    }

    @Test
    void refusedConnectionIsTransient() throws Exception {
        agency.whenAnyExchangeReceived(e -> {
            throw new java.net.ConnectException("Connection refused");
        });
        agency.expectedMessageCount(3);
        deliver("BHYT_CARD_REISSUE");
        assertEquals("transient: ConnectException: Connection refused", outcomes.next());
        agency.assertIsSatisfied();
    }
}
