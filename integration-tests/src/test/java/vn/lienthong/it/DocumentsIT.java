package vn.lienthong.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.lienthong.it.OutsideVerifiers.pdfaFailures;
import static vn.lienthong.it.OutsideVerifiers.pdfsig;
import static vn.lienthong.it.OutsideVerifiers.sha256;
import static vn.lienthong.it.Scans.BOUNDARY;
import static vn.lienthong.it.Scans.jpeg;
import static vn.lienthong.it.Scans.send;
import static vn.lienthong.it.Scans.upload;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Dossier documents on the real WAR: a multipart upload of three scanned JPEG pages becomes three
 * attachments and one signed PDF/A listed as the dossier's SCAN document; it downloads with its
 * SHA-256, passes veraPDF (PDF/A-2b) and poppler's pdfsig, and an auditor proves it unaltered.
 */
@ExtendWith(SharedGateway.class)
class DocumentsIT {

    private static final String UNIT = "000.00.20.H30";
    private static final String OTHER = "002.00.20.H13";

    private final SharedGateway.Server gateway;

    DocumentsIT(SharedGateway.Server gateway) {
        this.gateway = gateway;
    }

    @Test
    void threeScannedPagesBecomeOneSignedPdfADocumentThatAuditorsCanVerify() throws IOException {
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
            // The seal is PAdES-BASELINE-LT: the revision after it holds the validation data (DSS dictionary), so
            // pdfsig says "Not total document signed". The archive's verify below refuses any other change after
            // the signature, and PkiIT has EU DSS accept the scan at B-LT.
            assertTrue(pdfsig.contains("Signature is Valid.") && pdfsig.contains("Signature #1")
                    && !pdfsig.contains("Signature #2"), pdfsig);
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
        // The shared gateway keeps its archive index in PostgreSQL (PostgresServer): no H2 index beside the blobs.
        assertFalse(Files.exists(gateway.dataDir().resolve("archive/index.mv.db")),
                "the archive index is in PostgreSQL");

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

    private HttpResponse<byte[]> download(String role, String agency, String code, String id) {
        return Scans.download(gateway.http(), gateway.tokens().token(role, agency), code, id);
    }

    /** The dossier's SCAN documents (intake's form 01 is listed beside them, made asynchronously). */
    private static List<JsonObject> scans(GatewayHttp http, String code) {
        GatewayHttp.Reply reply = http.get("api/v1/dossiers/" + code + "/documents");
        assertEquals(200, reply.status(), reply::toString);
        return reply.jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("kind").equals("SCAN")).toList();
    }

    private GatewayHttp as(String role, String agency) {
        return gateway.http().as(gateway.tokens().token(role, agency));
    }

    private static String newDossier(GatewayHttp desk, String citizenId) {
        GatewayHttp.Reply created = desk.post("api/v1/dossiers", GatewayHttp.submission("1.001193", UNIT, citizenId));
        assertEquals(201, created.status(), created::toString);
        return created.json().getString("code");
    }

}
