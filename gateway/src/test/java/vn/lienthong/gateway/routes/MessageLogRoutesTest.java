package vn.lienthong.gateway.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.domain.exchange.AgencyMessage;
import vn.lienthong.gateway.domain.exchange.ExchangeStatus;
import vn.lienthong.gateway.domain.messagelog.LoggedMessage;
import vn.lienthong.gateway.domain.messagelog.MessageKind;
import vn.lienthong.gateway.domain.messagelog.MessageLog;
import vn.lienthong.gateway.domain.messagelog.MessageLogQuery;
import vn.lienthong.gateway.domain.messagelog.MessageRecord;
import vn.lienthong.gateway.domain.messagelog.PurgeAnchor;
import vn.lienthong.gateway.domain.messagelog.SignedBatch;
import vn.lienthong.gateway.domain.messagelog.Verification;
import vn.lienthong.gateway.infrastructure.agency.AgencyCredentials;
import vn.lienthong.gateway.infrastructure.messagelog.ChainedMessageLog;
import vn.lienthong.gateway.infrastructure.messagelog.MessageLogException;
import vn.lienthong.gateway.infrastructure.messagelog.TestMessageLogs;
import vn.lienthong.gateway.infrastructure.persistence.JdbcCallbackReceipts;

/**
 * The routes write the message log: a delivery leaves its request and the agency's response,
 * every attempt of a retried one leaves its own pair, nothing goes out when it cannot be logged,
 * and a callback is logged (repeats too) with the request it answers.
 */
class MessageLogRoutesTest extends CamelTestSupport {

    private static final AgencyMessage ACCEPTED = new AgencyMessage(2, "msg-residence-1",
            new vn.lienthong.gateway.domain.dossier.DossierCode("H15.50.05.13-261008-0975"), "residence",
            "PERMANENT_RESIDENCE", AgencyTestFixtures.PAYLOAD, ExchangeStatus.ACCEPTED, 1, "CT-42", null, null,
            OffsetDateTime.now(), OffsetDateTime.now(), OffsetDateTime.now());

    private final AgencyTestFixtures.AgencyRoutes routes = new AgencyTestFixtures.AgencyRoutes();
    private final AgencyTestFixtures.RecordingOutcomes outcomes = routes.outcomes;
    private final ChainedMessageLog realLog = TestMessageLogs.open(TestMessageLogs.database(), Clock.systemUTC(), 1000);
    /** Switched to a broken database by one test. */
    private volatile boolean logBroken;
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
        MessageLogSteps steps = AgencyTestFixtures.messageLogSteps(new BreakableLog(), ACCEPTED);
        routes.messageLog = steps;
        routes.credentials = new AgencyCredentials() {
            @Override
            public String authorization(String agencyId) {
                return "Bearer secret-token-of-" + agencyId;
            }
        };
        CallbackRoute callbacks = new CallbackRoute();
        callbacks.messageLog = steps;
        callbacks.receipts = new InMemoryReceipts();
        callbacks.callbacks = new AgencyCallbacks() {
            @Override
            public String apply(Exchange exchange) {
                return "applied";
            }
        };
        RoutesBuilder[] agencies = routes.builders(context);
        RoutesBuilder[] all = java.util.Arrays.copyOf(agencies, agencies.length + 1);
        all[agencies.length] = callbacks;
        return all;
    }

    @BeforeEach
    void replaceTheAgency() throws Exception {
        AgencyTestFixtures.replaceCall(context, "social-insurance", "mock:bhxh");
        context.getRouteController().stopRoute("outbox-drain");
        context.start();
        agency = getMockEndpoint("mock:bhxh");
    }

    @AfterEach
    void closeTheLog() {
        realLog.close();
    }

    private void agencyAnswers(int status, String body) {
        agency.whenAnyExchangeReceived(e -> {
            e.getMessage().removeHeaders("*");
            e.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
            e.getMessage().setHeader("Content-Type", "text/xml; charset=utf-8");
            e.getMessage().setHeader("X-Vss-Trace", "trace-7");
            e.getMessage().setBody(body);
        });
    }

    private List<MessageRecord> oldestFirst() {
        List<MessageRecord> records = new java.util.ArrayList<>(realLog.find(new MessageLogQuery(null, null, null, 100)));
        java.util.Collections.reverse(records);
        return records;
    }

    @Test
    void aDeliveryWritesItsRequestAndTheResponse() {
        agencyAnswers(200, "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:vss=\"urn:vn:vss:lienthong:1\"><soap:Body><vss:KetQua><vss:MaSoBhxh>0123456789</vss:MaSoBhxh>"
                + "</vss:KetQua></soap:Body></soap:Envelope>");
        AgencyMessage m = AgencyTestFixtures.message("social-insurance", "BHYT_CARD_REISSUE");
        template.sendBody("seda:deliver-social-insurance", m);
        assertTrue(outcomes.next().startsWith("answered: BHXH: mã số 0123456789"));

        List<MessageRecord> records = oldestFirst();
        assertEquals(2, records.size(), records::toString);
        MessageRecord request = records.get(0);
        assertEquals(MessageKind.REQUEST, request.kind());
        assertEquals(m.messageId(), request.messageId());
        assertEquals("H15.50.05.13-261008-0975", request.dossierCode());
        assertEquals("social-insurance", request.agencyId());
        assertNull(request.httpStatus());
        assertTrue(request.body().contains("<vss:MessageId>" + m.messageId() + "</vss:MessageId>"), request.body());
        assertTrue(request.body().contains("Nguyễn Thị Diệu"), "the evidence keeps personal data as sent");
        assertTrue(request.headers().contains("\"x-request-id\":\"" + m.messageId() + "\""), request.headers());
        assertTrue(request.headers().contains("\"soapaction\":\"\\\"urn:vn:vss:lienthong:1:BHYT_CARD_REISSUE\\\"\""),
                request.headers());
        assertTrue(request.headers().contains("\"content-type\":\"text/xml; charset=utf-8\""), request.headers());
        assertTrue(request.headers().contains("\"authorization\":\"Bearer [redacted]\""), request.headers());
        assertTrue(!request.headers().contains("secret-token"), "credentials never reach the log");

        MessageRecord response = records.get(1);
        assertEquals(MessageKind.RESPONSE, response.kind());
        assertEquals(m.messageId(), response.messageId());
        assertEquals(200, response.httpStatus());
        assertTrue(response.body().contains("<vss:MaSoBhxh>0123456789</vss:MaSoBhxh>"), response.body());
        assertTrue(response.headers().contains("\"x-vss-trace\":\"trace-7\""), response.headers());
        assertTrue(!response.headers().contains("x-request-id"), "the response shows the agency's headers only");
        assertEquals(request.hash(), response.previousHash());
        assertTrue(realLog.verify().ok());
    }

    @Test
    void everyAttemptOfARetriedDeliveryIsLoggedAndAMalformedReplyToo() {
        agencyAnswers(503, "Service unavailable");
        template.sendBody("seda:deliver-social-insurance", AgencyTestFixtures.message("social-insurance", "BHYT_CARD_REISSUE"));
        assertEquals("transient: Social insurance answered HTTP 503", outcomes.next());
        List<MessageRecord> records = oldestFirst();
        assertEquals(List.of(MessageKind.REQUEST, MessageKind.RESPONSE, MessageKind.REQUEST, MessageKind.RESPONSE,
                MessageKind.REQUEST, MessageKind.RESPONSE), records.stream().map(MessageRecord::kind).toList());
        assertEquals(Set.of(503), new HashSet<>(records.stream().filter(r -> r.kind() == MessageKind.RESPONSE)
                .map(MessageRecord::httpStatus).toList()));

        agencyAnswers(200, "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><vss:KetQua>");
        template.sendBody("seda:deliver-social-insurance", AgencyTestFixtures.message("social-insurance", "BHYT_CARD_REISSUE"));
        assertTrue(outcomes.next().startsWith("permanent: Malformed SOAP reply"));
        MessageRecord malformed = realLog.find(new MessageLogQuery(null, null, null, 1)).get(0);
        assertEquals(MessageKind.RESPONSE, malformed.kind());
        assertTrue(malformed.body().endsWith("<vss:KetQua>"), "kept as received, even when it does not parse");
    }

    @Test
    void nothingGoesOutWhenItCannotBeLogged() throws Exception {
        logBroken = true;
        agencyAnswers(200, "never asked");
        agency.expectedMessageCount(0);
        template.sendBody("seda:deliver-social-insurance", AgencyTestFixtures.message("social-insurance", "BHYT_CARD_REISSUE"));
        String outcome = outcomes.next();
        assertTrue(outcome.startsWith("transient: MessageLogException"), outcome);
        agency.assertIsSatisfied();
    }

    @Test
    void callbacksAreLoggedWithTheirRequestRepeatsIncluded() {
        String body = "{\"ticket\":\"CT-42\",\"outcome\":\"DONE\",\"result\":{\"soDangKy\":\"TT-1\"}}";
        Map<String, Object> headers = Map.of("agency", "residence", "ticket", "CT-42",
                MessageLogSteps.CALLBACK_HEADERS, Map.of("X-LienThong-Signature", "sha256=ab12", "Content-Type",
                        "application/json"));
        assertEquals("applied", template.requestBodyAndHeaders(CallbackRoute.ENDPOINT, body, headers, String.class));
        assertEquals("duplicate", template.requestBodyAndHeaders(CallbackRoute.ENDPOINT, body, headers, String.class));
        List<MessageRecord> records = oldestFirst();
        assertEquals(2, records.size());
        for (MessageRecord r : records) {
            assertEquals(MessageKind.CALLBACK, r.kind());
            assertEquals("residence", r.agencyId());
            assertEquals("msg-residence-1", r.messageId());
            assertEquals("H15.50.05.13-261008-0975", r.dossierCode());
            assertEquals(body, r.body());
            assertTrue(r.headers().contains("\"x-lienthong-signature\":\"sha256=ab12\""), r.headers());
        }
    }

    /** The real log, or one whose database is gone. */
    private final class BreakableLog implements MessageLog {
        @Override
        public MessageRecord append(LoggedMessage message) {
            if (logBroken) {
                throw new MessageLogException("Cannot store a message log record: database closed", null);
            }
            return realLog.append(message);
        }

        @Override
        public Optional<SignedBatch> seal() {
            return realLog.seal();
        }

        @Override
        public Optional<PurgeAnchor> purge(java.time.Instant cutoff) {
            return realLog.purge(cutoff);
        }

        @Override
        public Verification verify() {
            return realLog.verify();
        }

        @Override
        public List<MessageRecord> find(MessageLogQuery query) {
            return realLog.find(query);
        }
    }

    /** Callback receipts in memory instead of the callback_receipt table. */
    private static final class InMemoryReceipts extends JdbcCallbackReceipts {
        private final Set<String> keys = java.util.concurrent.ConcurrentHashMap.newKeySet();

        @Override
        public boolean add(String key) {
            return keys.add(key);
        }

        @Override
        public boolean contains(String key) {
            return keys.contains(key);
        }

        @Override
        public boolean remove(String key) {
            return keys.remove(key);
        }
    }
}
