package vn.lienthong.gateway.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.net.ConnectException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Properties;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import vn.lienthong.gateway.domain.dossier.DossierCode;
import vn.lienthong.gateway.domain.notice.CitizenNotice;
import vn.lienthong.gateway.domain.notice.NoticeChannel;
import vn.lienthong.gateway.domain.notice.PermanentNoticeException;
import vn.lienthong.gateway.domain.notice.TransientNoticeException;
import vn.lienthong.gateway.infrastructure.notice.CitizenMailer;
import vn.lienthong.gateway.infrastructure.notice.NoticeSettings;

/** The notice routes with the SMS gateway mocked and the mailer stubbed: request shape and each outcome class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoticeRoutesTest extends CamelTestSupport {

    private final List<String> outcomes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<CitizenNotice> due = new java.util.concurrent.CopyOnWriteArrayList<>();
    private RuntimeException mailFailure;
    private MockEndpoint smsGateway;

    private final NoticeOutcomes recording = new NoticeOutcomes() {
        @Override
        public List<CitizenNotice> claimSms() {
            synchronized (due) {
                List<CitizenNotice> claimed = List.copyOf(due);
                due.clear();
                return claimed;
            }
        }

        @Override
        public List<CitizenNotice> claimEmail() {
            return List.of();
        }

        @Override
        public void sent(Exchange e) {
            outcomes.add("sent " + e.getProperty(NOTICE, CitizenNotice.class).noticeId());
        }

        @Override
        public void transientFailure(Exchange e) {
            outcomes.add("transient: " + e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class).getMessage());
        }

        @Override
        public void permanentFailure(Exchange e) {
            outcomes.add("permanent: " + e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class).getMessage());
        }
    };

    @Override
    public void configureTest(TestExecutionConfiguration test) {
        super.configureTest(test);
        test.withUseAdviceWith(true);
    }

    @Override
    public void configureContext(CamelContextConfiguration camel) {
        super.configureContext(camel);
        Properties p = new Properties();
        p.put("lienthong.notify.poll-ms", "50");
        p.put("lienthong.notify.start-delay-ms", "0");
        p.put("lienthong.notify.sms.connect-timeout-ms", "500");
        p.put("lienthong.notify.sms.read-timeout-ms", "500");
        camel.withUseOverridePropertiesWithPropertiesComponent(p);
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        NoticeSettings settings = new NoticeSettings() {
            @Override
            public String provider(NoticeChannel channel) {
                return "test";
            }

            @Override
            public String smsUrl() {
                return "http://127.0.0.1:9/sms";
            }

            @Override
            public String smsAuthorization() {
                return "Bearer test-key";
            }

            @Override
            public String smsSender() {
                return "LIENTHONG";
            }
        };
        NoticeErrorPolicy policy = new NoticeErrorPolicy();
        policy.outcomes = recording;
        NoticeRoutes routes = new NoticeRoutes();
        routes.outcomes = recording;
        routes.settings = settings;
        routes.sms = new SmsRequests();
        routes.sms.settings = settings;
        routes.mailer = new CitizenMailer() {
            @Override
            public void send(CitizenNotice notice) {
                if (mailFailure != null) {
                    throw mailFailure;
                }
            }
        };
        return new RoutesBuilder[] {policy, routes};
    }

    @BeforeEach
    void replaceTheSmsGateway() throws Exception {
        if (!context.getStatus().isStarted()) {
            AdviceWith.adviceWith(context, "notice-sms",
                    a -> a.weaveById("call-sms-gateway").replace().to("mock:sms-gateway"));
            context.start();
        }
        smsGateway = getMockEndpoint("mock:sms-gateway");
        smsGateway.reset();
        outcomes.clear();
        mailFailure = null;
    }

    private static CitizenNotice notice(NoticeChannel channel, String id) {
        OffsetDateTime now = OffsetDateTime.now();
        return new CitizenNotice(1, id, new DossierCode("H15.50.05.13-261008-0975"), "RECEIVED", channel,
                channel == NoticeChannel.SMS ? "0912000101" : "huong@example.vn", "Hồ sơ", "Ho so da duoc tiep nhan",
                vn.lienthong.gateway.domain.notice.NoticeStatus.IN_FLIGHT, 0, null, now, now, now);
    }

    private void gatewayAnswers(int status) {
        smsGateway.whenAnyExchangeReceived(e -> {
            e.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
            e.getMessage().setBody("{\"error\": \"so 0912000101 sai\"}");
        });
    }

    @Test
    void theDrainSendsEveryDueSmsWithItsNoticeIdAsRequestId() throws InterruptedException {
        gatewayAnswers(200);
        smsGateway.expectedMessageCount(2);
        synchronized (due) {
            due.addAll(List.of(notice(NoticeChannel.SMS, "n-1"), notice(NoticeChannel.SMS, "n-2")));
        }
        smsGateway.assertIsSatisfied();
        await().atMost(Duration.ofSeconds(5)).until(() -> outcomes.size() == 2);
        assertEquals(List.of("sent n-1", "sent n-2"), outcomes);
        Exchange first = smsGateway.getReceivedExchanges().get(0);
        assertEquals("n-1", first.getMessage().getHeader("X-Request-Id"));
        assertEquals("Bearer test-key", first.getMessage().getHeader("Authorization"));
        assertEquals("POST", first.getMessage().getHeader(Exchange.HTTP_METHOD));
        JsonObject body = Json.createReader(new StringReader(first.getMessage().getBody(String.class))).readObject();
        assertEquals("0912000101", body.getString("to"));
        assertEquals("LIENTHONG", body.getString("from"));
        assertEquals("n-1", body.getString("requestId"));
    }

    @Test
    void fiveHundredsTimeoutsAndRateLimitsAreTransient() {
        for (int status : new int[] {503, 500, 429, 408}) {
            gatewayAnswers(status);
            template.sendBody("direct:notice-sms", notice(NoticeChannel.SMS, "n-" + status));
        }
        assertEquals(4, outcomes.size(), outcomes::toString);
        assertTrue(outcomes.stream().allMatch(o -> o.startsWith("transient: SMS gateway answered HTTP")), outcomes::toString);
        assertTrue(outcomes.get(0).contains("0912****01"), "the provider's reply is masked: " + outcomes.get(0));
    }

    @Test
    void aRefusedConnectionIsTransientAndAFourHundredIsPermanent() {
        smsGateway.whenAnyExchangeReceived(e -> {
            throw new ConnectException("Connection refused");
        });
        template.sendBody("direct:notice-sms", notice(NoticeChannel.SMS, "n-refused"));
        gatewayAnswers(400);
        template.sendBody("direct:notice-sms", notice(NoticeChannel.SMS, "n-400"));
        assertEquals("transient: Connection refused", outcomes.get(0));
        assertTrue(outcomes.get(1).startsWith("permanent: SMS gateway answered HTTP 400"), outcomes::toString);
    }

    @Test
    void mailOutcomesFollowTheMailersVerdict() {
        template.sendBody("direct:notice-email", notice(NoticeChannel.EMAIL, "m-1"));
        mailFailure = new TransientNoticeException("SMTP server deferred the e-mail: 451 greylisted", null);
        template.sendBody("direct:notice-email", notice(NoticeChannel.EMAIL, "m-2"));
        mailFailure = new PermanentNoticeException("SMTP server refused the e-mail: 550 unknown", null);
        template.sendBody("direct:notice-email", notice(NoticeChannel.EMAIL, "m-3"));
        assertEquals(List.of("sent m-1", "transient: SMTP server deferred the e-mail: 451 greylisted",
                "permanent: SMTP server refused the e-mail: 550 unknown"), outcomes);
    }
}
