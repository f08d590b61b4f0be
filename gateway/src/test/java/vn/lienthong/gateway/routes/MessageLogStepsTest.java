package vn.lienthong.gateway.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.domain.messagelog.MessageLogQuery;
import vn.lienthong.gateway.domain.messagelog.MessageRecord;
import vn.lienthong.gateway.infrastructure.messagelog.ChainedMessageLog;
import vn.lienthong.gateway.infrastructure.messagelog.TestMessageLogs;

/** A streamed request body (the land registry's scans) is described, never read: it must still go out whole. */
class MessageLogStepsTest {

    private final ChainedMessageLog log = TestMessageLogs.open(TestMessageLogs.database(), Clock.systemUTC(), 1000);
    private final MessageLogSteps steps = AgencyTestFixtures.messageLogSteps(log);

    @AfterEach
    void close() {
        log.close();
    }

    private static Exchange streamed(InputStream scans) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(DeliveryOutcomes.MESSAGE, AgencyTestFixtures.message("land-registry", "LAND_USE_CHANGE"));
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "multipart/mixed; boundary=b1");
        exchange.getMessage().setBody(scans);
        return exchange;
    }

    @Test
    void theAdaptersDescriptionIsRecordedAndTheStreamIsLeftUnread() throws IOException {
        InputStream scans = new ByteArrayInputStream("%PDF-1.7 scan".getBytes(StandardCharsets.US_ASCII));
        Exchange exchange = streamed(scans);
        exchange.setProperty(MessageLogSteps.RECORDED_BODY, "{\"attachments\":[{\"sha256\":\"ab12\",\"size\":13}]}");
        steps.request(exchange);
        MessageRecord r = log.find(new MessageLogQuery(null, null, null, 1)).get(0);
        assertEquals("{\"attachments\":[{\"sha256\":\"ab12\",\"size\":13}]}", r.body());
        assertEquals("{\"content-type\":\"multipart/mixed; boundary=b1\"}", r.headers());
        assertEquals(13, scans.available(), "not a byte of the stream was read");
    }

    @Test
    void aStreamWithoutADescriptionIsNamedNotRead() throws IOException {
        InputStream scans = new ByteArrayInputStream(new byte[] {1, 2, 3});
        steps.request(streamed(scans));
        assertEquals("[ByteArrayInputStream body, streamed, not recorded]",
                log.find(new MessageLogQuery(null, null, null, 1)).get(0).body());
        assertEquals(3, scans.available());
    }
}
