package vn.lienthong.gateway.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.apache.hc.client5.http.entity.mime.ByteArrayBody;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.entity.mime.MultipartPartBuilder;
import org.apache.hc.client5.http.entity.mime.StringBody;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.junit.jupiter.api.Test;

/** The simulated land registry checks each streamed scan against the metadata before it acts. */
class LandRegistrySimulatorTest {

    private final LandRegistrySimulator registry = new LandRegistrySimulator();
    private final byte[] scan = scan();
    private final String sha256 = sha256(scan);

    @Test
    void aVerifiedUploadGetsATicketAndADeterministicRegistration() throws IOException {
        String summary = upload(metadata(sha256, scan.length), sha256, scan);
        assertNull(registry.refusal(summary), summary);
        JsonObject seen = registry.received().getJsonObject(0);
        assertEquals("req-1", seen.getString("requestId"));
        JsonObject part = seen.getJsonArray("attachments").getJsonObject(0);
        assertEquals(sha256, part.getString("sha256"));
        assertEquals(scan.length, part.getJsonNumber("size").longValue());
        assertTrue(part.getBoolean("verified"));

        SandboxReply reply = registry.act("registrations", summary, "req-1");
        assertEquals(202, reply.status());
        assertEquals(LandRegistrySimulator.ticket("req-1"), json(reply.body()).getString("ticket"));
        assertEquals(registry.callbackBody("req-1"), new LandRegistrySimulator().callbackBody("req-1"));
        assertTrue(json(registry.callbackBody("req-1")).getJsonObject("result").getString("registrationNumber")
                .matches("BD-\\d{8}"));
    }

    @Test
    void aScanWhoseHashDiffersIsRefusedWith422() throws IOException {
        byte[] altered = scan.clone();
        altered[1000] ^= 1;
        SandboxReply refused = registry.refusal(upload(metadata(sha256, scan.length), sha256, altered));
        assertEquals(422, refused.status());
        assertTrue(refused.body().contains("mismatch"), refused.body());
        assertTrue(!registry.received().getJsonObject(0).getJsonArray("attachments").getJsonObject(0).getBoolean("verified"));
    }

    @Test
    void aScanInTheMetadataButNotUploadedIsRefused() throws IOException {
        String summary = upload(metadata(sha256, scan.length), null, null);
        assertEquals(422, registry.refusal(summary).status());
    }

    @Test
    void somethingElseThanMultipartIsABadRequest() throws IOException {
        String summary = registry.read(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), "application/json");
        assertEquals(400, registry.refusal(summary).status());
    }

    private String upload(String metadata, String contentId, byte[] bytes) throws IOException {
        MultipartEntityBuilder multipart = MultipartEntityBuilder.create().setMimeSubtype("mixed")
                .addPart(MultipartPartBuilder.create(new StringBody(metadata, ContentType.APPLICATION_JSON))
                        .addHeader("Content-ID", "<metadata>").build());
        if (bytes != null) {
            multipart.addPart(MultipartPartBuilder.create(new ByteArrayBody(bytes, ContentType.create("application/pdf")))
                    .addHeader("Content-ID", "<" + contentId + ">").build());
        }
        HttpEntity entity = multipart.build();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        entity.writeTo(wire);
        return registry.read(new ByteArrayInputStream(wire.toByteArray()), entity.getContentType());
    }

    private static String metadata(String sha256, long size) {
        return Json.createObjectBuilder().add("requestId", "req-1").add("dossierCode", "000.00.20.H30-261008-0001")
                .add("kind", "LAND_USE_CHANGE")
                .add("attachments", Json.createArrayBuilder().add(Json.createObjectBuilder().add("sha256", sha256)
                        .add("size", size).add("contentType", "application/pdf").add("fileName", "gcn.pdf")))
                .build().toString();
    }

    private static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    private static byte[] scan() {
        byte[] b = new byte[150_000];
        new Random(5).nextBytes(b);
        System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 8);
        return b;
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
