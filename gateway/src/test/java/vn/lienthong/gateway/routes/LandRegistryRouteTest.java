package vn.lienthong.gateway.routes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.apache.hc.core5.http.HttpEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.gateway.domain.attachment.BlobStore;
import vn.lienthong.gateway.domain.dossier.DossierCode;
import vn.lienthong.gateway.domain.exchange.AgencyMessage;
import vn.lienthong.gateway.domain.exchange.Connector;
import vn.lienthong.gateway.domain.exchange.ConnectorDirectory;
import vn.lienthong.gateway.domain.exchange.ExchangeStatus;
import vn.lienthong.gateway.domain.exchange.RetrySchedule;
import vn.lienthong.gateway.infrastructure.attachment.ContentAddressedFiles;

/**
 * The land registry adapter behind the delivery route: the multipart request (metadata, then
 * each scan streamed from the blob store), each error class, and the retry decision. One Camel
 * context serves every test; each test resets the mock agency.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LandRegistryRouteTest extends CamelTestSupport {

    @TempDir
    static Path store;

    private final AgencyTestFixtures.AgencyRoutes routes = new AgencyTestFixtures.AgencyRoutes();
    private final AgencyTestFixtures.RecordingOutcomes outcomes = routes.outcomes;
    private BlobStore blobs;
    private MockEndpoint agency;
    /** What the agency received, written out from the request entity as HttpClient would send it. */
    private volatile byte[] sent;
    private volatile HttpEntity entity;
    /** The delivery under test has finished (so the context stops without waiting for it). */
    private NotifyBuilder done;

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
        blobs = new ContentAddressedFiles(store);
        routes.connectors = landRegistryOnly();
        routes.mappers.put("land-registry", new LandRegistryMessages(blobs));
        return routes.builders(context);
    }

    @BeforeEach
    void replaceTheAgency() throws Exception {
        if (!context.getStatus().isStarted()) {
            AgencyTestFixtures.replaceCall(context, "land-registry", "mock:land-registry");
            context.getRouteController().stopRoute("outbox-drain");
            context.start();
        }
        agency = getMockEndpoint("mock:land-registry");
        agency.reset();
        outcomes.outcomes.clear();
        done = null;
    }

    private void agencyAnswers(int status, String body) {
        agency.whenAnyExchangeReceived(e -> {
            entity = e.getMessage().getBody(HttpEntity.class);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            entity.writeTo(out);
            sent = out.toByteArray();
            e.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
            e.getMessage().setBody(body);
        });
    }

    private BlobStore.StoredBlob scan(String magic, int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        byte[] head = magic.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return blobs.put(new ByteArrayInputStream(bytes), Long.MAX_VALUE);
    }

    private static String ref(BlobStore.StoredBlob blob, String type, String name) {
        return "{\"sha256\":\"" + blob.sha256() + "\",\"size\":" + blob.size() + ",\"contentType\":\"" + type
                + "\",\"fileName\":\"" + name + "\"}";
    }

    @AfterEach
    void deliveryFinished() {
        assertTrue(done == null || done.matches(10, TimeUnit.SECONDS), "the delivery exchange completes");
    }

    private void deliver(String... refs) {
        done = new NotifyBuilder(context).fromRoute("deliver-land-registry").whenDone(1).create();
        String payload = AgencyTestFixtures.PAYLOAD.substring(0, AgencyTestFixtures.PAYLOAD.length() - 1)
                + ",\"attachments\":[" + String.join(",", refs) + "]}";
        OffsetDateTime now = OffsetDateTime.now();
        template.sendBody("seda:deliver-land-registry", new AgencyMessage(1, "msg-" + System.nanoTime(),
                new DossierCode("H15.50.05.13-261008-0975"), "land-registry", "LAND_USE_CHANGE", payload,
                ExchangeStatus.IN_FLIGHT, 0, null, null, null, now, now, now));
    }

    @Test
    void metadataThenEachScanStreamedFromTheStoreAndTheTicketComesBack() throws Exception {
        BlobStore.StoredBlob pdf = scan("%PDF-1.7", 200_000, 1);
        BlobStore.StoredBlob jpeg = scan("\u00FF\u00D8\u00FF\u00E0", 50_000, 2);
        agencyAnswers(202, "{\"ticket\":\"DD-0000000042\",\"status\":\"ACCEPTED\"}");
        agency.expectedMessageCount(1);

        deliver(ref(pdf, "application/pdf", "giay-chung-nhan.pdf"), ref(jpeg, "image/jpeg", "don-11-dk.jpg"));

        assertTrue(done.matches(10, TimeUnit.SECONDS));
        assertEquals("answered: Đã tiếp nhận, mã phiếu DD-0000000042", outcomes.next());
        agency.assertIsSatisfied();
        Exchange call = agency.getReceivedExchanges().get(0);
        assertTrue(call.getMessage().getHeader("X-Request-Id", String.class).startsWith("msg-"));
        String contentType = call.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class);
        assertTrue(contentType.startsWith("multipart/mixed; boundary="), contentType);

        // Streamed from the files: a known length (sent with Content-Length, not chunked) and repeatable.
        assertEquals(sent.length, entity.getContentLength());
        assertFalse(entity.isChunked());
        assertTrue(entity.isRepeatable());

        String wire = new String(sent, StandardCharsets.ISO_8859_1);
        int metadata = wire.indexOf("Content-ID: <metadata>");
        int first = wire.indexOf("Content-ID: <" + pdf.sha256() + ">");
        int second = wire.indexOf("Content-ID: <" + jpeg.sha256() + ">");
        assertTrue(metadata >= 0 && metadata < first && first < second, wire.substring(0, 600));
        String json = wire.substring(metadata, first);
        assertTrue(json.contains("\"requestId\":\"msg-") && json.contains("\"kind\":\"LAND_USE_CHANGE\"")
                && json.contains("\"sha256\":\"" + pdf.sha256() + "\""), json);
        assertTrue(wire.substring(first, second).contains("Content-Type: application/pdf\r\n\r\n%PDF-1.7"));
        String boundary = contentType.substring(contentType.indexOf("boundary=") + "boundary=".length());
        int start = wire.indexOf("\r\n\r\n", first) + 4;
        int end = wire.indexOf("\r\n--" + boundary, start);
        assertArrayEquals(Files.readAllBytes(blobs.locate(pdf.sha256()).orElseThrow()),
                Arrays.copyOfRange(sent, start, end), "the scan goes out byte for byte");
    }

    @Test
    void unavailableIsRetriedInMemoryThenHandedBackToTheOutbox() throws Exception {
        agencyAnswers(503, "Service unavailable");
        agency.expectedMessageCount(3); // the first call and two redeliveries
        deliver(ref(scan("%PDF-1.4", 1000, 3), "application/pdf", "a.pdf"));
        assertEquals("transient: Land registry answered HTTP 503: Service unavailable", outcomes.next());
        agency.assertIsSatisfied();
    }

    @Test
    void aScanTheAgencyCannotVerifyIsPermanent() throws Exception {
        agencyAnswers(422, "{\"error\":\"mismatch\"}");
        agency.expectedMessageCount(1);
        deliver(ref(scan("%PDF-1.4", 1000, 4), "application/pdf", "a.pdf"));
        assertEquals("permanent: Land registry answered HTTP 422: {\"error\":\"mismatch\"}", outcomes.next());
        agency.assertIsSatisfied();
    }

    @Test
    void badRequestIsPermanent() {
        agencyAnswers(400, "bad");
        deliver();
        assertEquals("permanent: Land registry answered HTTP 400: bad", outcomes.next());
    }

    @Test
    void aReplyWithoutTicketIsMalformed() {
        agencyAnswers(202, "{\"status\":\"ACCEPTED\"}");
        deliver();
        String outcome = outcomes.next();
        assertTrue(outcome.startsWith("permanent: Malformed land registry reply: no ticket"), outcome);
    }

    @Test
    void refusedConnectionIsTransient() throws Exception {
        agency.whenAnyExchangeReceived(e -> {
            throw new java.net.ConnectException("Connection refused");
        });
        agency.expectedMessageCount(3);
        deliver(ref(scan("%PDF-1.4", 1000, 5), "application/pdf", "a.pdf"));
        assertEquals("transient: ConnectException: Connection refused", outcomes.next());
        agency.assertIsSatisfied();
    }

    @Test
    void aScanMissingFromTheStoreFailsForGoodWithoutCallingTheAgency() throws Exception {
        agency.expectedMessageCount(0);
        deliver(ref(new BlobStore.StoredBlob("ab".repeat(32), 10), "application/pdf", "lost.pdf"));
        String outcome = outcomes.next();
        assertTrue(outcome.startsWith("permanent: Attachment " + "ab".repeat(32) + " of dossier"), outcome);
        agency.assertIsSatisfied();
    }

    @Test
    void theAdapterNeverCachesItsBodyInMemory() {
        assertEquals(Boolean.FALSE, context.getRoute("adapter-land-registry").isStreamCaching());
        assertNotNull(context.getRoute("deliver-land-registry"));
    }

    private static ConnectorDirectory landRegistryOnly() {
        return AgencyTestFixtures.directory(List.of(new Connector("land-registry", "Văn phòng đăng ký đất đai", "G09",
                "LAND_REGISTRY", true, true, new RetrySchedule(3, Duration.ofMillis(10), Duration.ofMillis(100)), true)));
    }
}
