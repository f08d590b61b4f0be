package vn.lienthong.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The public endpoints against the real WAR on Payara Micro: {@code POST /api/v1/verify} with a
 * signed, a tampered, a non-PDF, an oversize and a bomb upload, then hammered until it rate-limits;
 * and the citizen's look-up, which answers a wrong phone and an unknown code identically.
 */
@ExtendWith(SharedGateway.class)
class VerifyEndpointIT {

    private static final Path WORK = Path.of(System.getProperty("it.data.dir", "target/it-data"), "verify-it")
            .toAbsolutePath();
    /**
     * The shared gateway trusts a test CA of its own and allows this many verifications a minute
     * from one address; besides this class only the browser tests call {@code /api/v1/verify} there,
     * four or five times in all, so this class has at least 15 of them at once.
     */
    private static final int VERIFY_PER_MINUTE = SharedGateway.VERIFY_PER_MINUTE;

    private final SharedGateway.Server gateway;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    VerifyEndpointIT(SharedGateway.Server gateway) {
        this.gateway = gateway;
    }

    private GatewayHttp http() {
        return gateway.http();
    }

    /**
     * This class's uploads come as one citizen behind the province's proxy (the shared gateway trusts
     * 127.0.0.1 as a proxy): the rate limit it drives dry is that citizen's, not the bucket of the
     * other classes that verify from 127.0.0.1 itself.
     */
    private GatewayHttp.Reply upload(String contentType, HttpRequest.BodyPublisher body, boolean expectContinue) {
        HttpRequest request = HttpRequest.newBuilder(http().resolve("api/v1/verify"))
                .header("Content-Type", contentType).header("X-Forwarded-For", SharedGateway.PROXIED_CITIZEN)
                .expectContinue(expectContinue)
                .timeout(Duration.ofSeconds(60)).POST(body).build();
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new GatewayHttp.Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
                    r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private GatewayHttp.Reply uploadMultipart(byte[] body) {
        return upload("multipart/form-data; boundary=" + HostileUploads.BOUNDARY,
                HttpRequest.BodyPublishers.ofByteArray(body), false);
    }

    @Test
    void verifyReportsValidAndTamperedRefusesHostileUploadsAndRateLimits() {
        byte[] signed = HostileUploads.signedPdf(WORK, gateway.verifyPki());

        GatewayHttp.Reply valid = uploadMultipart(HostileUploads.multipart("trích lục khai sinh.pdf", signed));
        assertEquals(200, valid.status(), valid::toString);
        JsonObject report = valid.json();
        assertEquals("TOTAL_PASSED", report.getString("indication"), valid::toString);
        assertEquals("trích lục khai sinh.pdf", report.getString("document"));
        assertEquals("TOTAL_PASSED", report.getJsonArray("signatures").getJsonObject(0).getString("indication"));

        GatewayHttp.Reply raw = upload("application/pdf", HttpRequest.BodyPublishers.ofByteArray(signed), false);
        assertEquals(200, raw.status(), raw::toString);
        assertEquals("TOTAL_PASSED", raw.json().getString("indication"));

        GatewayHttp.Reply tampered = uploadMultipart(HostileUploads.multipart("sửa.pdf", HostileUploads.flipped(signed)));
        assertEquals(200, tampered.status(), tampered::toString);
        assertEquals("TOTAL_FAILED", tampered.json().getString("indication"), tampered::toString);
        assertTrue(tampered.body().contains("HASH_FAILURE"), tampered::toString);

        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1};
        GatewayHttp.Reply notPdf = uploadMultipart(HostileUploads.multipart("anh-chup.pdf", jpeg));
        assertEquals(415, notPdf.status(), notPdf::toString);
        assertTrue(notPdf.contentType().startsWith("application/problem+json"), notPdf::toString);
        assertTrue(notPdf.body().contains("a JPEG image"), notPdf::toString);
        GatewayHttp.Reply html = upload("application/pdf", HttpRequest.BodyPublishers.ofString(
                "<html><body>%PDF-1.7 không phải PDF</body></html>"), false);
        assertEquals(415, html.status(), html::toString);

        // Over 20 MiB: refused by its Content-Length before the body is sent, and when chunked, while reading.
        byte[] oversize = new byte[21 * 1024 * 1024];
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, oversize, 0, 9);
        GatewayHttp.Reply declared = upload("application/pdf", HttpRequest.BodyPublishers.ofByteArray(oversize), true);
        assertEquals(413, declared.status(), declared::toString);
        assertTrue(declared.body().contains("20971520 bytes"), declared::toString);
        try {
            GatewayHttp.Reply chunked = upload("application/pdf",
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(oversize)), false);
            assertEquals(413, chunked.status(), chunked::toString);
        } catch (UncheckedIOException closed) {
            // The server answers 413 and closes before the client has sent everything; java.net.http
            // may then report only the closed connection (see BadInputIT).
        }

        GatewayHttp.Reply twoFiles = uploadMultipart(HostileUploads.multipart("a.pdf", signed, "b.pdf", signed));
        assertEquals(413, twoFiles.status(), twoFiles::toString);

        byte[] bombBody = HostileUploads.multipart("bom.pdf", HostileUploads.objectStreamBomb(1024));
        long started = System.nanoTime();
        GatewayHttp.Reply bomb = uploadMultipart(bombBody);
        long bombMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(422, bomb.status(), bomb::toString);
        assertTrue(bomb.body().contains("decompression bomb"), bomb::toString);
        assertTrue(bomb.body().contains("bom giải nén"), bomb::toString);
        System.out.println("VerifyEndpointIT: 1 GiB object-stream bomb (1 MB upload) answered 422 in " + bombMillis + " ms");

        // Hammering from one address: the bucket runs dry, then 429 with Retry-After, and the server stays healthy.
        GatewayHttp.Reply limited = null;
        int sent = 0;
        while (sent < 3 * VERIFY_PER_MINUTE && limited == null) {
            GatewayHttp.Reply r = upload("application/pdf", HttpRequest.BodyPublishers.ofByteArray(signed), false);
            sent++;
            assertTrue(r.status() == 200 || r.status() == 429, r::toString);
            if (r.status() == 429) {
                limited = r;
            }
        }
        assertNotNull(limited, "no 429 after " + sent + " calls");
        assertTrue(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow()) >= 1, limited::toString);
        assertTrue(limited.body().contains("Too many requests"), limited::toString);
        assertEquals(200, http().serverRoot().get("health").status());
        GatewayHttp.Reply lookup = http().get("api/v1/public/dossiers/000.00.00.H30-260101-0001?phone=0000");
        assertEquals(404, lookup.status(), "the look-up has its own limit: " + lookup);
    }

    @Test
    void theLookupAnswersTheRightCodeAndPhoneAndNothingElseAlike() {
        GatewayHttp http = http();
        // Submitting needs a desk officer; the look-up itself is anonymous. The example body's phone is 0912345678.
        GatewayHttp.Reply created = http.as(gateway.tokens().token(DemoTokens.DESK_OFFICER, "000.00.00.H30"))
                .post("api/v1/dossiers", GatewayHttp.submission("1.001193", "000.00.00.H30", "001190012345"));
        assertEquals(201, created.status(), created::toString);
        String code = created.json().getString("code");

        GatewayHttp.Reply found = http.get("api/v1/public/dossiers/" + code + "?phone=5678");
        assertEquals(200, found.status(), found::toString);
        JsonObject view = found.json();
        assertEquals("RECEIVED", view.getString("status"));
        assertFalse(view.getBoolean("resultReady"));
        assertEquals(created.json().getString("dueAt"), view.getString("dueAt"));
        assertFalse(view.getString("step").isBlank());
        for (String personal : new String[] {"Nguyễn", "001190012345", "0912345678", "dieu@example.vn", "tenTre"}) {
            assertFalse(found.body().contains(personal), "no personal data: " + found.body());
        }

        String unknownCode = code.substring(0, code.lastIndexOf('-') + 1) + "9999";
        GatewayHttp.Reply wrongPhone = http.get("api/v1/public/dossiers/" + code + "?phone=5679");
        GatewayHttp.Reply unknown = http.get("api/v1/public/dossiers/" + unknownCode + "?phone=5678");
        GatewayHttp.Reply malformed = http.get("api/v1/public/dossiers/not-a-code?phone=5678");
        assertEquals(404, wrongPhone.status(), wrongPhone::toString);
        for (GatewayHttp.Reply other : new GatewayHttp.Reply[] {unknown, malformed}) {
            assertEquals(wrongPhone.status(), other.status(), other::toString);
            assertEquals(wrongPhone.body(), other.body(), "the same answer, so codes cannot be probed");
            assertEquals(wrongPhone.contentType(), other.contentType());
        }
        assertEquals(400, http.get("api/v1/public/dossiers/" + code + "?phone=12").status());
        assertEquals(400, http.get("api/v1/public/dossiers/" + unknownCode).status(), "400 whether or not it exists");
    }
}
