package vn.lienthong.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * Dossier documents on the real WAR: a multipart upload of three scanned JPEG pages becomes three
 * attachments and one signed PDF/A listed as the dossier's SCAN document; it downloads with its
 * SHA-256, passes veraPDF (PDF/A-2b) and poppler's pdfsig, and an auditor proves it unaltered.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DocumentsIT {

    private static final String UNIT = "000.00.20.H30";
    private static final String OTHER = "002.00.20.H13";
    private static final String BOUNDARY = "----lienthongScans5a4b3c";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.gatewayWar();
    }

    @ArquillianResource
    URL base;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void threeScannedPagesBecomeOneSignedPdfADocumentThatAuditorsCanVerify() throws Exception {
        GatewayHttp desk = as(DemoTokens.DESK_OFFICER, UNIT);
        String code = newDossier(desk, "001190030001");
        List<byte[]> pages = List.of(jpeg(1), jpeg(2), jpeg(3));

        long start = System.nanoTime();
        GatewayHttp.Reply uploaded = upload(desk, code, "scan-upload-1", pages);
        long uploadMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(201, uploaded.status(), uploaded::toString);
        JsonObject answer = uploaded.json();
        JsonArray attachments = answer.getJsonArray("attachments");
        assertEquals(3, attachments.size(), answer::toString);
        for (int i = 0; i < 3; i++) {
            assertEquals(sha256(pages.get(i)), attachments.getJsonObject(i).getString("sha256"));
            assertEquals("image/jpeg", attachments.getJsonObject(i).getString("contentType"));
        }
        JsonObject scan = answer.getJsonObject("document");
        assertEquals("SCAN", scan.getString("kind"));

        List<JsonObject> listed = scans(desk, code);
        assertEquals(1, listed.size(), listed::toString);
        JsonObject item = listed.get(0);
        assertEquals(scan.getString("id"), item.getString("id"));
        assertEquals("application/pdf", item.getString("contentType"));
        for (String field : List.of("title", "sha256", "createdAt")) {
            assertTrue(item.containsKey(field), field);
        }

        HttpResponse<byte[]> download = download(DemoTokens.DESK_OFFICER, UNIT, code, item.getString("id"));
        assertEquals(200, download.statusCode());
        byte[] pdf = download.body();
        assertEquals(item.getString("sha256"), sha256(pdf));
        assertEquals(item.getJsonNumber("size").longValue(), pdf.length);
        assertEquals("application/pdf", download.headers().firstValue("Content-Type").orElse(""));
        assertEquals(String.valueOf(pdf.length), download.headers().firstValue("Content-Length").orElse(""));
        assertEquals("sha-256=" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(item.getString("sha256"))),
                download.headers().firstValue("Digest").orElse(""));
        String disposition = download.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition.startsWith("attachment; filename=\"") && disposition.contains("filename*=UTF-8''"),
                disposition);
        assertTrue(disposition.chars().allMatch(c -> c >= 0x20 && c < 0x7F), disposition);

        Path file = Files.createTempFile("scan-", ".pdf");
        try {
            Files.write(file, pdf);
            assertEquals("", pdfaFailures(file), "veraPDF, PDF/A-2b");
            String pdfsig = pdfsig(file);
            assertTrue(pdfsig.contains("Signature is Valid.") && pdfsig.contains("Total document signed"), pdfsig);
        } finally {
            Files.delete(file);
        }

        GatewayHttp auditor = as(DemoTokens.AUDITOR, OTHER); // auditors read every agency's documents
        assertEquals(1, scans(auditor, code).size());
        GatewayHttp.Reply verified = auditor.get("api/v1/archive/records/" + item.getString("archiveId") + "/verify");
        assertEquals(200, verified.status(), verified::toString);
        assertEquals("OK", verified.json().getString("outcome"), verified::toString);
        assertTrue(verified.json().getBoolean("ok"));
        assertEquals(403, desk.get("api/v1/archive/records/" + item.getString("archiveId") + "/verify").status());
        assertEquals(404, auditor.get("api/v1/archive/records/00000000-0000-0000-0000-000000000000/verify").status());

        System.out.printf("documents: 3 JPEG pages (%d bytes) uploaded and archived as one signed PDF/A of %d bytes "
                + "in %d ms%n", pages.stream().mapToInt(p -> p.length).sum(), pdf.length, uploadMillis);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersTheFirstUploadAndStoresNothingTwice() {
        GatewayHttp desk = as(DemoTokens.DESK_OFFICER, UNIT);
        String code = newDossier(desk, "001190030002");
        List<byte[]> pages = List.of(jpeg(11), jpeg(12));
        GatewayHttp.Reply first = upload(desk, code, "retry-7", pages);
        GatewayHttp.Reply retry = upload(desk, code, "retry-7", pages);
        assertEquals(201, first.status(), first::toString);
        assertEquals(200, retry.status(), retry::toString);
        assertEquals(first.json().getJsonObject("document"), retry.json().getJsonObject("document"));
        assertEquals(1, scans(desk, code).size());
        assertEquals(2, desk.get("api/v1/dossiers/" + code + "/attachments").json().getJsonArray("attachments").size());
    }

    @Test
    void badUploadsAreRefusedAndKeepNothing() {
        GatewayHttp desk = as(DemoTokens.DESK_OFFICER, UNIT);
        String code = newDossier(desk, "001190030003");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0};

        GatewayHttp.Reply notAScan = upload(desk, code, null, List.of(jpeg(21), png));
        assertEquals(415, notAScan.status(), notAScan::toString);
        assertTrue(notAScan.contentType().startsWith("application/problem+json"), notAScan::toString);
        GatewayHttp.Reply noFile = send(desk, code, null, ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; "
                + "name=\"note\"\r\n\r\nhello\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        assertEquals(400, noFile.status(), noFile::toString);
        assertTrue(noFile.contentType().startsWith("application/problem+json"), noFile::toString);
        GatewayHttp.Reply otherAgency = upload(as(DemoTokens.DESK_OFFICER, OTHER), code, null, List.of(jpeg(22)));
        assertEquals(403, otherAgency.status(), otherAgency::toString);

        assertEquals(0, scans(desk, code).size());
        assertEquals(0, desk.get("api/v1/dossiers/" + code + "/attachments").json().getJsonArray("attachments").size());
    }

    @Test
    void documentsOutOfScopeAnswerLikeUnknownOnes() {
        GatewayHttp desk = as(DemoTokens.DESK_OFFICER, UNIT);
        String code = newDossier(desk, "001190030004");
        assertEquals(201, upload(desk, code, null, List.of(jpeg(31))).status());
        String id = scans(desk, code).get(0).getString("id");

        GatewayHttp stranger = as(DemoTokens.DESK_OFFICER, OTHER);
        GatewayHttp.Reply outOfScope = stranger.get("api/v1/dossiers/" + code + "/documents");
        String unknownCode = code.substring(0, code.length() - 4) + "9999";
        GatewayHttp.Reply unknown = stranger.get("api/v1/dossiers/" + unknownCode + "/documents");
        assertEquals(404, outOfScope.status(), outOfScope::toString);
        assertEquals(404, unknown.status(), unknown::toString);
        assertEquals(unknown.body().replace(unknownCode, code), outOfScope.body(), "identical answers");
        assertEquals(404, download(DemoTokens.DESK_OFFICER, OTHER, code, id).statusCode());
        assertEquals(404, desk.get("api/v1/dossiers/" + code + "/documents/no-such-document").status());
        assertEquals(200, as(DemoTokens.LEADER, "000.00.00.H30").get("api/v1/dossiers/" + code + "/documents")
                .status(), "the province's leader sees its unit's dossier");
    }

    /** The dossier's SCAN documents (intake's form 01 is listed beside them, made asynchronously). */
    private static List<JsonObject> scans(GatewayHttp http, String code) {
        GatewayHttp.Reply reply = http.get("api/v1/dossiers/" + code + "/documents");
        assertEquals(200, reply.status(), reply::toString);
        return reply.jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("kind").equals("SCAN")).toList();
    }

    private GatewayHttp as(String role, String agency) {
        return new GatewayHttp(URI.create(base.toString())).as(DemoTokens.ofArquillian().token(role, agency));
    }

    private static String newDossier(GatewayHttp desk, String citizenId) {
        GatewayHttp.Reply created = desk.post("api/v1/dossiers", GatewayHttp.submission("1.001193", UNIT, citizenId));
        assertEquals(201, created.status(), created::toString);
        return created.json().getString("code");
    }

    private GatewayHttp.Reply upload(GatewayHttp http, String code, String idempotencyKey, List<byte[]> pages) {
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

    private static GatewayHttp.Reply send(GatewayHttp http, String code, String idempotencyKey, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.resolve("api/v1/dossiers/" + code + "/attachments"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request);
    }

    /** GatewayHttp reads bodies as text; the PDF is read as bytes, with the token of {@code role} at {@code agency}. */
    private HttpResponse<byte[]> download(String role, String agency, String code, String id) {
        GatewayHttp http = new GatewayHttp(URI.create(base.toString()));
        try {
            return client.send(HttpRequest.newBuilder(http.resolve("api/v1/dossiers/" + code + "/documents/" + id))
                    .header("Authorization", "Bearer " + DemoTokens.ofArquillian().token(role, agency))
                    .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] jpeg(long seed) {
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

    private static String pdfaFailures(Path pdf) throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        try (InputStream in = Files.newInputStream(pdf);
             PDFAParser parser = Foundries.defaultInstance().createParser(in, PDFAFlavour.PDFA_2_B);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
            ValidationResult result = validator.validate(parser);
            return result.isCompliant() ? "" : result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() != TestAssertion.Status.PASSED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage())
                    .distinct().collect(Collectors.joining("\n"));
        }
    }

    /** poppler's pdfsig; it exits 0 even when a signature does not match, so its output is what counts. */
    private static String pdfsig(Path pdf) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("pdfsig", "-nocert", pdf.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
