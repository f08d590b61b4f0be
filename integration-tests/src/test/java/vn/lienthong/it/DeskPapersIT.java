package vn.lienthong.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import vn.lienthong.signing.support.DssOffline;

/**
 * The desk's papers on the real WAR (issue 17): a supplement request with the documents to add, the
 * resubmission, an extension with apology, a stop, and on a second dossier a refusal; each step is
 * in the history and produces its form (02, 04, 05, 03), listed among the dossier's documents, which
 * veraPDF finds PDF/A-2b and pdfsig finds signed twice, and the consenting citizen gets each notice.
 * The unit's register (form 07) lists both dossiers as JSON and prints as a PDF/A sealed once.
 */
@ExtendWith(SharedGateway.class)
class DeskPapersIT {

    /**
     * A receiving unit whose procedure 2.000815 involves no other agency, so every step is the desk's.
     * The e-mail addresses are this class's own; the register is read for the dossiers made here.
     */
    private static final String AGENCY = "H15.50.05.13";
    private static final String OTHER = "002.00.20.H13";
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final SharedGateway.Server gateway;

    @TempDir
    Path work;

    DeskPapersIT(SharedGateway.Server gateway) {
        this.gateway = gateway;
    }

    @Test
    void eachDeskDecisionProducesItsSignedPdfAFormAndTheRegisterPrintsSealed() {
        GatewayHttp desk = as(DemoTokens.DESK_OFFICER, AGENCY);
        long start = System.nanoTime();
        String stoppedMail = "giayto.17a@example.vn";
        JsonObject stopped = submit(desk, "001190017001", stoppedMail);
        String a = stopped.getString("code");
        String b = submit(desk, "001190017002", "giayto.17b@example.vn").getString("code");

        assertEquals(200, transition(desk, a, """
                {"status": "SUPPLEMENT_REQUESTED", "reason": "Thiếu bản chính giấy tờ",
                 "documentsToAdd": ["Bản chính giấy khai sinh", "Tờ khai có chữ ký người nộp"]}""").status());
        assertEquals(200, transition(desk, a, """
                {"status": "IN_PROGRESS", "reason": "Công dân đã nộp bổ sung"}""").status());
        String newDue = OffsetDateTime.parse(desk.get("api/v1/dossiers/" + a).json().getString("dueAt"))
                .plusDays(3).toString();
        GatewayHttp.Reply extended = desk.post("api/v1/dossiers/" + a + "/extensions",
                "{\"newDueAt\": \"" + newDue + "\", \"reason\": \"Chờ cơ quan chuyên môn xác minh\"}");
        assertEquals(200, extended.status(), extended::toString);
        assertEquals(200, transition(desk, a, """
                {"status": "STOPPED", "reason": "Người nộp rút hồ sơ"}""").status());
        assertEquals(200, transition(desk, b, """
                {"status": "REJECTED", "reason": "Không thuộc thẩm quyền giải quyết"}""").status());
        GatewayHttp.Reply wrongPlace = transition(desk, b, """
                {"status": "STOPPED", "reason": "x", "documentsToAdd": ["y"]}""");
        assertEquals(400, wrongPlace.status(), wrongPlace::toString);

        List<String> steps = desk.get("api/v1/dossiers/" + a + "/history").json().getJsonArray("steps")
                .getValuesAs(JsonObject.class).stream()
                .map(s -> s.getString("kind") + ":" + (s.isNull("toStatus") ? "" : s.getString("toStatus"))).toList();
        assertEquals(List.of("RECEIVED:RECEIVED", "TRANSITION:SUPPLEMENT_REQUESTED", "TRANSITION:IN_PROGRESS",
                "EXTENSION:IN_PROGRESS", "TRANSITION:STOPPED"), steps);
        assertTrue(desk.get("api/v1/dossiers/" + a + "/history").body()
                .contains("Giấy tờ cần bổ sung: Bản chính giấy khai sinh; Tờ khai có chữ ký người nộp"));

        Map<String, JsonObject> papersOfA = awaitForms(desk, a, List.of("FORM_01", "FORM_02", "FORM_04", "FORM_05"));
        Map<String, JsonObject> papersOfB = awaitForms(desk, b, List.of("FORM_01", "FORM_03"));
        long made = (System.nanoTime() - start) / 1_000_000;
        assertEquals("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", papersOfA.get("FORM_02").getString("title"));
        assertEquals("Phiếu xin lỗi và hẹn lại ngày trả kết quả", papersOfA.get("FORM_04").getString("title"));
        assertEquals("Thông báo dừng giải quyết hồ sơ", papersOfA.get("FORM_05").getString("title"));
        assertEquals("Phiếu từ chối tiếp nhận giải quyết hồ sơ", papersOfB.get("FORM_03").getString("title"));
        for (String form : List.of("FORM_02", "FORM_04", "FORM_05")) {
            signedTwiceAndPdfA(a, papersOfA.get(form), form);
        }
        signedTwiceAndPdfA(b, papersOfB.get("FORM_03"), "FORM_03");

        List<String> subjects = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> mails(stoppedMail), m -> m.size() >= 4);
        assertEquals(List.of("Hồ sơ " + a + " đã được tiếp nhận", "Hồ sơ " + a + " cần bổ sung, hoàn thiện",
                "Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ " + a, "Hồ sơ " + a + " dừng giải quyết"), subjects);

        String day = OffsetDateTime.parse(stopped.getString("receivedAt")).withOffsetSameInstant(ZoneOffset.ofHours(7))
                .toLocalDate().toString();
        String query = "?agency=" + AGENCY + "&from=" + day + "&to=" + day;
        GatewayHttp leader = as(DemoTokens.LEADER, AGENCY);
        JsonObject register = leader.get("api/v1/register" + query).json();
        Map<String, JsonObject> rows = register.getJsonArray("rows").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(r -> r.getString("code"), r -> r));
        assertEquals("STOPPED", rows.get(a).getString("status"), register::toString);
        assertEquals("REJECTED", rows.get(b).getString("status"), register::toString);
        assertTrue(rows.get(a).containsKey("returnedAt") && !rows.get(a).isNull("returnedAt"), rows.get(a)::toString);
        assertEquals(register.getJsonArray("rows").size(), register.getInt("total"));
        assertEquals(200, desk.get("api/v1/register" + query).status(), "the unit's desk officer reads it too");
        assertEquals(403, as(DemoTokens.DESK_OFFICER, OTHER).get("api/v1/register" + query).status());
        assertEquals(403, as(DemoTokens.AUDITOR, AGENCY).get("api/v1/register" + query).status());

        for (String url : List.of("api/v1/register" + query, "api/v1/register.pdf" + query)) {
            HttpResponse<byte[]> pdf = bytes(url, DemoTokens.LEADER);
            assertEquals(200, pdf.statusCode(), url);
            assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""), url);
            Path file = write(pdf.body(), "register");
            assertEquals("", OutsideVerifiers.pdfaFailures(file), "veraPDF, PDF/A-2b: " + url);
            String pdfsig = OutsideVerifiers.pdfsig(file);
            assertEquals(1, pdfsig.split("Signature is Valid\\.", -1).length - 1, pdfsig);
            if (url.endsWith(".pdf" + query)) {
                passesDssAtLongTerm(file, 1, "FORM_07 (register)");
            }
        }
        System.out.printf("desk papers: forms 02, 03, 04, 05 made, signed twice and listed within %d ms of the "
                + "first step%n", made);
    }

    private void signedTwiceAndPdfA(String code, JsonObject document, String form) {
        HttpResponse<byte[]> reply = Scans.download(gateway.http(), gateway.tokens().token(DemoTokens.DESK_OFFICER,
                AGENCY), code, document.getString("id"));
        assertEquals(200, reply.statusCode(), form);
        assertEquals(document.getString("sha256"), OutsideVerifiers.sha256(reply.body()), form);
        Path file = write(reply.body(), form);
        assertEquals("", OutsideVerifiers.pdfaFailures(file), "veraPDF, PDF/A-2b: " + form);
        String pdfsig = OutsideVerifiers.pdfsig(file);
        assertEquals(2, pdfsig.split("Signature is Valid\\.", -1).length - 1, form + ": " + pdfsig);
        passesDssAtLongTerm(file, 2, form);
    }

    /** EU DSS 6.4 offline, the DEMO root the only trust anchor: every signature TOTAL_PASSED at B-LT. */
    private void passesDssAtLongTerm(Path file, int signatures, String form) {
        X509Certificate root;
        try (java.io.InputStream in = Files.newInputStream(gateway.dataDir().resolve("keys/pki/root-ca.pem"))) {
            root = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the DEMO root: " + e.getMessage(), e);
        }
        DssOffline.Verdict dss = DssOffline.validate(file, null, List.of(root), List.of());
        assertEquals(signatures, dss.indications().size(), form + ": " + dss.detail());
        assertTrue(dss.allPassed() && dss.allAt(SignatureLevel.PAdES_BASELINE_LT), form + ": " + dss.detail());
        System.out.println("PKI-DSS " + form + ": " + dss.levels() + " " + dss.indications());
    }

    /** The dossier's documents of these kinds, one each, once all are made. */
    private static Map<String, JsonObject> awaitForms(GatewayHttp http, String code, List<String> kinds) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .until(() -> http.get("api/v1/dossiers/" + code + "/documents").jsonArray().getValuesAs(JsonObject.class)
                                .stream().collect(Collectors.toMap(d -> d.getString("kind"), d -> d, (x, y) -> x)),
                        d -> d.keySet().containsAll(kinds));
    }

    private static GatewayHttp.Reply transition(GatewayHttp desk, String code, String body) {
        return desk.post("api/v1/dossiers/" + code + "/transitions", body);
    }

    private static JsonObject submit(GatewayHttp desk, String citizenId, String email) {
        GatewayHttp.Reply created = desk.post("api/v1/dossiers", """
                {"procedureCode": "2.000815", "agencyCode": "%s",
                 "applicant": {"fullName": "Phạm Văn Giấy", "citizenId": "%s", "email": "%s",
                               "notify": {"email": true}},
                 "channel": "COUNTER"}""".formatted(AGENCY, citizenId, email));
        assertEquals(201, created.status(), created::toString);
        return created.json();
    }

    private List<String> mails(String email) {
        return gateway.http().get("sandbox/mail/_sent?to=" + email).json().getJsonArray("sent")
                .getValuesAs(JsonObject.class).stream().map(m -> m.getString("subject")).toList();
    }

    private HttpResponse<byte[]> bytes(String path, String role) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.http().resolve(path))
                .header("Authorization", "Bearer " + gateway.tokens().token(role, AGENCY))
                .timeout(Duration.ofSeconds(60)).GET();
        if (!path.contains(".pdf")) {
            request.header("Accept", "application/pdf");
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Path write(byte[] pdf, String name) {
        try {
            return Files.write(work.resolve(name + ".pdf"), pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private GatewayHttp as(String role, String agency) {
        return gateway.http().as(gateway.tokens().token(role, agency));
    }
}
