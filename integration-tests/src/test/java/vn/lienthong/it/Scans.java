package vn.lienthong.it;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

import javax.imageio.ImageIO;

/** Scanned pages as a desk uploads them (multipart, one {@code file} part per page) and documents as they download. */
final class Scans {

    static final String BOUNDARY = "----lienthongScans5a4b3c";
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private Scans() {
    }

    /** A seeded, page-like JPEG: the same seed gives the same bytes. */
    static byte[] jpeg(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        BufferedImage image = new BufferedImage(620, 877, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(new Color(40, 40, 60));
        for (int line = 0; line < 40; line++) {
            g.fillRect(50, 60 + line * 19, 120 + random.nextInt(400), 7);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@code POST /dossiers/{code}/attachments}, multipart, the pages in order. */
    static GatewayHttp.Reply upload(GatewayHttp http, String code, String idempotencyKey, List<byte[]> pages) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < pages.size(); i++) {
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"trang-"
                    + (i + 1) + ".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(pages.get(i));
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return send(http, code, idempotencyKey, body.toByteArray());
    }

    /** A multipart body as given, for uploads that are meant to be refused. */
    static GatewayHttp.Reply send(GatewayHttp http, String code, String idempotencyKey, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.resolve("api/v1/dossiers/" + code + "/attachments"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request);
    }

    /** A dossier document's bytes (GatewayHttp reads bodies as text), with {@code token}. */
    static HttpResponse<byte[]> download(GatewayHttp http, String token, String code, String id) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(http.resolve("api/v1/dossiers/" + code + "/documents/" + id))
                    .header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
