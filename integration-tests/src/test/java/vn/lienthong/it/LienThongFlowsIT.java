package vn.lienthong.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The liên thông groups end to end on the runnable jar and its sandbox agencies: 3.000722 (birth,
 * then residence and BHYT in parallel with the child's new personal ID) and 2.002913 (death, then
 * residence removal, then survivor benefits), a permanent failure of one branch (retry after the
 * fix, or close as partially completed), and a SIGKILL between the first step and the next ones.
 * The sandbox counts what each agency acted on, which is how "no step repeated" is proven.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LienThongFlowsIT {

    private static final String COMMUNE = "000.20.20.H30";
    private static final String BIRTH = "3.000722";
    private static final String DEATH = "2.002913";
    private static final List<String> AGENCIES = List.of("civil-status", "residence", "social-insurance");
    private static Path data;
    private static Path work;
    private static RunnableJar gateway;

    @BeforeAll
    static void start() {
        work = Path.of(System.getProperty("it.data.dir", "target/it-data")).resolve("lien-thong-flows");
        data = work.resolve("data");
        gateway = RunnableJar.start(data, work);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    @Order(1)
    void birthGroupRegistersTheBirthThenResidenceAndBhytWithTheChildsPersonalIdAndCompletes() {
        resetSandbox();
        GatewayHttp desk = officer();
        String code = submit(desk, birth("001190040001"));
        GatewayHttp.Reply scanned = Scans.upload(desk, code, "birth-scan-1", List.of(Scans.jpeg(1), Scans.jpeg(2), Scans.jpeg(3)));
        assertEquals(201, scanned.status(), scanned::toString);
        JsonObject dossier = awaitStatus(desk, code, "COMPLETED", 90);

        Map<String, JsonObject> steps = steps(dossier);
        assertEquals(List.of("BHYT_CARD_UNDER_6", "BIRTH_REGISTRATION", "PERMANENT_RESIDENCE_REGISTRATION"),
                steps.keySet().stream().sorted().toList());
        steps.values().forEach(s -> assertEquals("DONE", s.getString("status"), s::toString));
        String personalId = steps.get("BIRTH_REGISTRATION").getJsonObject("result").getString("personalId");
        assertTrue(personalId.matches("\\d{12}"), personalId);

        // Step 2 left only after step 1's result, and carried the child's new personal ID.
        List<JsonObject> history = history(desk, code);
        int birthResult = indexOf(history, "AGENCY_RESULT", "Hộ tịch");
        assertTrue(birthResult >= 0, history::toString);
        List<JsonObject> handOvers = history.stream().filter(h -> h.getString("kind").equals("HANDOVER")).toList();
        assertEquals(3, handOvers.size(), handOvers::toString);
        for (JsonObject h : handOvers.subList(1, 3)) {
            assertTrue(history.indexOf(h) > birthResult, "stage 2 handed over after the birth result: " + h);
        }
        for (JsonObject h : handOvers) {
            OffsetDateTime stepDeadline = OffsetDateTime.parse(h.getString("stepDeadline"));
            assertFalse(stepDeadline.isAfter(OffsetDateTime.parse(dossier.getString("dueAt"))), h::toString);
            assertFalse(h.getString("toUnit").isBlank(), h::toString);
        }
        for (String agency : List.of("residence", "social-insurance")) {
            List<JsonObject> requests = admin().get("api/v1/admin/message-log?dossier=" + code + "&agency=" + agency)
                    .json().getJsonArray("records").getValuesAs(JsonObject.class).stream()
                    .filter(r -> r.getString("kind").equals("REQUEST")).toList();
            assertEquals(1, requests.size(), requests::toString);
            assertTrue(requests.get(0).getString("body").contains(personalId), agency + " got the child's personal ID");
        }
        for (String agency : AGENCIES) {
            assertEquals(1, stats(agency).getInt("effects"), agency);
        }
        JsonObject lookup = gateway.http().get("api/v1/public/dossiers/" + code + "?phone=0001").json();
        assertEquals("COMPLETED", lookup.getString("status"), lookup::toString);

        // The parent opted in to SMS: one on receipt, then exactly one "đã có kết quả" (sent without diacritics).
        String phone = "0912340001";
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> sms(phone).size() >= 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> sms(phone).size() == 2);
        assertEquals(1, sms(phone).stream().filter(m -> m.getString("text").contains(code + " da co ket qua")).count(),
                () -> sms(phone).toString());

        // Each step kept its own deadline, and the leader's step statistics say so per agency.
        assertEquals(3, history.stream().filter(h -> h.getString("kind").equals("AGENCY_RESULT")
                && h.getString("note").contains("đúng hạn bước")).count(), history::toString);
        JsonObject report = gateway.http().as(gateway.tokens().token(DemoTokens.LEADER, COMMUNE))
                .get("api/v1/statistics/steps").json();
        assertEquals(3, report.getJsonArray("rows").size(), report::toString);
        assertEquals(3, report.getJsonObject("total").getInt("doneOnTime"), report::toString);
        assertEquals(0, report.getJsonObject("total").getInt("doneLate"), report::toString);

        // Signed, archived papers: 3 results signed by the officer then the agency, forms 01 and 06, the scans.
        Map<String, List<JsonObject>> documents = awaitDocuments(desk, code, 3);
        assertEquals(1, documents.get("FORM_01").size(), documents::toString);
        assertEquals(1, documents.get("FORM_06").size(), documents::toString);
        assertEquals(1, documents.get("SCAN").size(), documents::toString);
        for (JsonObject result : documents.get("RESULT")) {
            byte[] pdf = download(code, result);
            String pdfsig = OutsideVerifiers.pdfsig(write(pdf));
            assertEquals(2, pdfsig.split("Signature is Valid\\.", -1).length - 1, pdfsig);
            JsonObject verification = verify(pdf);
            assertEquals("TOTAL_PASSED", verification.getString("indication"), verification::toString);
            assertEquals(2, verification.getJsonArray("signatures").size(), verification::toString);
        }
        assertEquals("", OutsideVerifiers.pdfaFailures(write(download(code, documents.get("SCAN").get(0)))),
                "the scanned dossier is PDF/A-2b (veraPDF)");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> gateway.http()
                .get("api/v1/public/dossiers/" + code + "?phone=0001").json().getBoolean("resultReady"));
    }

    @Test
    @Order(2)
    void deathGroupGoesStepByStepToSurvivorBenefitsAndCompletes() {
        resetSandbox();
        GatewayHttp desk = officer();
        String code = submit(desk, death("001160040002"));
        awaitStatus(desk, code, "COMPLETED", 90);
        List<JsonObject> history = history(desk, code);
        List<String> results = history.stream().filter(h -> h.getString("kind").equals("AGENCY_RESULT"))
                .map(h -> h.getString("note")).toList();
        assertEquals(3, results.size(), results::toString);
        assertTrue(results.get(0).startsWith("Hộ tịch"), results::toString);
        assertTrue(results.get(1).startsWith("Cư trú"), results::toString);
        List<String> order = history.stream().filter(h -> h.getString("kind").equals("HANDOVER"))
                .map(h -> h.getString("note").replaceFirst("^Liên thông: (\\w+) .*$", "$1")).toList();
        assertEquals(List.of("DEATH_REGISTRATION", "PERMANENT_RESIDENCE_REMOVAL", "FUNERAL_SURVIVOR_BENEFIT"), order);
        for (String agency : AGENCIES) {
            assertEquals(1, stats(agency).getInt("effects"), agency);
        }
        List<JsonObject> papers = awaitDocuments(desk, code, 3).get("RESULT");
        assertEquals(List.of("Quyết định hưởng trợ cấp mai táng, tử tuất", "Trích lục khai tử",
                        "Xác nhận xóa đăng ký thường trú"),
                papers.stream().map(d -> d.getString("title")).sorted().toList());
        for (JsonObject paper : papers) {
            String pdfsig = OutsideVerifiers.pdfsig(write(download(code, paper)));
            assertEquals(2, pdfsig.split("Signature is Valid\\.", -1).length - 1, pdfsig);
        }
        String phone = "0987640002";
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> sms(phone).stream().anyMatch(m -> m.getString("text").contains(code + " da co ket qua")));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> sms(phone).size() == 2);
    }

    @Test
    @Order(3)
    void aBranchThatFailsForGoodShowsWhyAndARetryAfterTheFixCompletesWithoutRepeatingTheBirth() {
        resetSandbox();
        sandboxFaults("social-insurance", "{\"kind\": \"soap-client\", \"failNext\": 1}");
        GatewayHttp desk = officer();
        String code = submit(desk, birth("001190040003"));
        JsonObject failed = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> steps(desk.get("api/v1/dossiers/" + code).json()),
                        s -> s.containsKey("BHYT_CARD_UNDER_6") && s.get("BHYT_CARD_UNDER_6").getString("status").equals("FAILED")
                                && s.get("PERMANENT_RESIDENCE_REGISTRATION").getString("status").equals("DONE"))
                .get("BHYT_CARD_UNDER_6");
        assertTrue(failed.getString("error").contains("soap:Client"), failed::toString);
        JsonObject dossier = desk.get("api/v1/dossiers/" + code).json();
        assertNotEquals("COMPLETED", dossier.getString("status"));
        assertTrue(history(desk, code).stream().anyMatch(h -> h.getString("kind").equals("AGENCY_FAILED")
                && h.getString("note").contains("soap:Client")), "the failed branch and its reason are in the history");

        GatewayHttp.Reply retry = desk.post("api/v1/dossiers/" + code + "/steps/BHYT_CARD_UNDER_6/retry", "");
        assertEquals(200, retry.status(), retry::toString);
        awaitStatus(desk, code, "COMPLETED", 60);
        assertEquals(1, stats("civil-status").getInt("received"), "birth registration was called once");
        assertEquals(1, stats("social-insurance").getInt("effects"));
        GatewayHttp.Reply again = desk.post("api/v1/dossiers/" + code + "/steps/BIRTH_REGISTRATION/retry", "");
        assertEquals(409, again.status(), "a finished dossier has nothing to retry: " + again);
    }

    @Test
    @Order(4)
    void aDossierWithAFailedBranchCanBeClosedAsPartiallyCompletedWithAReason() {
        resetSandbox();
        sandboxFaults("social-insurance", "{\"kind\": \"soap-client\", \"failNext\": 1}");
        GatewayHttp desk = officer();
        String code = submit(desk, death("001160040004"));
        GatewayHttp.Reply early = desk.post("api/v1/dossiers/" + code + "/flow/close", "{\"reason\": \"thử đóng sớm\"}");
        assertEquals(409, early.status(), "nothing has failed yet: " + early);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> steps(desk.get("api/v1/dossiers/" + code).json()).getOrDefault("FUNERAL_SURVIVOR_BENEFIT",
                        JsonObject.EMPTY_JSON_OBJECT).getString("status", ""), "FAILED"::equals);
        String reason = "BHXH từ chối hồ sơ tử tuất; gia đình nộp lại tại BHXH huyện";
        GatewayHttp.Reply closed = desk.post("api/v1/dossiers/" + code + "/flow/close",
                "{\"reason\": \"" + reason + "\"}");
        assertEquals(200, closed.status(), closed::toString);
        assertEquals("PARTIALLY_COMPLETED", closed.json().getString("status"));
        assertTrue(history(desk, code).stream().anyMatch(h -> h.getString("note", "").contains(reason)
                && h.getString("note").contains("FUNERAL_SURVIVOR_BENEFIT")));
        assertEquals(400, desk.post("api/v1/dossiers/" + code + "/flow/close", "{}").status(), "a reason is required");
    }

    @Test
    @Order(5)
    void aKillBetweenTheBirthAndTheNextStepsResumesFromTheDatabaseAndRepeatsNothing() {
        resetSandbox();
        // Residence and social insurance hold each request 5 s before acting: the kill lands while
        // step 2 is in flight, after step 1's result was committed with step 2's messages.
        sandboxFaults("residence", "{\"latencyMs\": 5000}");
        sandboxFaults("social-insurance", "{\"latencyMs\": 5000}");
        GatewayHttp desk = officer();
        String code = submit(desk, birth("001190040005"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> steps(desk.get("api/v1/dossiers/" + code).json()),
                        s -> s.size() == 3 && s.get("BIRTH_REGISTRATION").getString("status").equals("DONE"));
        gateway.kill();
        gateway = RunnableJar.start(data, work);

        GatewayHttp after = officer();
        awaitStatus(after, code, "COMPLETED", 120);
        assertEquals(0, stats("civil-status").getInt("received"), "civil status was not called again after the restart");
        for (String agency : AGENCIES) {
            assertEquals(1, stats(agency).getInt("effects"), agency + " acted once");
        }
        Map<String, Long> results = history(after, code).stream().filter(h -> h.getString("kind").equals("AGENCY_RESULT"))
                .collect(Collectors.groupingBy(h -> h.getString("toUnit"), Collectors.counting()));
        assertEquals(3, results.size(), results::toString);
        results.values().forEach(n -> assertEquals(1L, n, results::toString));
    }

    static String birth(String parentId) {
        return """
                {"procedureCode": "%s", "agencyCode": "%s", "channel": "COUNTER",
                 "applicant": {"fullName": "Trần Thị Hồng", "citizenId": "%s", "phone": "09123%s",
                               "notify": {"sms": true}},
                 "formData": {"child": {"fullName": "Lê Minh Khôi", "birthDate": "2026-11-10", "sex": "Nam",
                              "birthPlace": "Bệnh viện Phụ sản Hà Nội"},
                              "mother": {"fullName": "Trần Thị Hồng"}, "father": {"fullName": "Lê Văn Đức"}}}
                """.formatted(BIRTH, COMMUNE, parentId, parentId.substring(parentId.length() - 5));
    }

    static String death(String relativeId) {
        return """
                {"procedureCode": "%s", "agencyCode": "%s", "channel": "COUNTER",
                 "applicant": {"fullName": "Phạm Văn Bình", "citizenId": "%s", "phone": "09876%s",
                               "notify": {"sms": true}},
                 "formData": {"deceased": {"fullName": "Phạm Văn Sơn", "deathDate": "2026-11-15",
                              "deathPlace": "Trạm y tế phường"}, "relationship": "con"}}
                """.formatted(DEATH, COMMUNE, relativeId, relativeId.substring(relativeId.length() - 5));
    }

    private static String submit(GatewayHttp desk, String body) {
        GatewayHttp.Reply reply = desk.post("api/v1/dossiers", body);
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().getString("code");
    }

    /** The dossier's agency steps by operation. */
    private static Map<String, JsonObject> steps(JsonObject dossier) {
        return dossier.getJsonArray("exchanges").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(e -> e.getString("operation"), e -> e));
    }

    private static int indexOf(List<JsonObject> history, String kind, String notePrefix) {
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).getString("kind").equals(kind) && history.get(i).getString("note", "").startsWith(notePrefix)) {
                return i;
            }
        }
        return -1;
    }

    private static List<JsonObject> history(GatewayHttp http, String code) {
        return http.get("api/v1/dossiers/" + code + "/history").json().getJsonArray("steps").getValuesAs(JsonObject.class);
    }

    private static JsonObject awaitStatus(GatewayHttp http, String code, String status, int seconds) {
        return await().atMost(Duration.ofSeconds(seconds)).pollInterval(Duration.ofMillis(250))
                .until(() -> http.get("api/v1/dossiers/" + code).json(), d -> status.equals(d.getString("status")));
    }

    private static GatewayHttp officer() {
        return gateway.http().as(gateway.tokens().token(DemoTokens.DESK_OFFICER, COMMUNE));
    }

    private static GatewayHttp admin() {
        return gateway.http().as(gateway.tokens().token(DemoTokens.ADMIN, COMMUNE));
    }

    private static void resetSandbox() {
        for (String agency : AGENCIES) {
            assertEquals(200, gateway.http().post("sandbox/" + agency + "/_reset", "").status());
        }
    }

    private static void sandboxFaults(String agency, String faults) {
        GatewayHttp.Reply set = gateway.http().put("sandbox/" + agency + "/_faults", faults);
        assertEquals(200, set.status(), set::toString);
    }

    /** The dossier's documents by kind, once {@code results} result papers and form 06 are made. */
    private static Map<String, List<JsonObject>> awaitDocuments(GatewayHttp http, String code, int results) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> http.get("api/v1/dossiers/" + code + "/documents").jsonArray().getValuesAs(JsonObject.class)
                                .stream().collect(Collectors.groupingBy(d -> d.getString("kind"))),
                        d -> d.getOrDefault("RESULT", List.of()).size() == results && d.containsKey("FORM_06"));
    }

    private static byte[] download(String code, JsonObject document) {
        HttpResponse<byte[]> reply = Scans.download(gateway.http(),
                gateway.tokens().token(DemoTokens.DESK_OFFICER, COMMUNE), code, document.getString("id"));
        assertEquals(200, reply.statusCode());
        assertEquals(document.getString("sha256"), OutsideVerifiers.sha256(reply.body()));
        return reply.body();
    }

    private static Path write(byte[] pdf) {
        try {
            Path file = Files.createTempFile(work, "document-", ".pdf");
            Files.write(file, pdf);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code POST /api/v1/verify}, as a citizen or another agency checks a paper: the signing module's report. */
    private static JsonObject verify(byte[] pdf) {
        GatewayHttp.Reply reply = gateway.http().send(HttpRequest.newBuilder(gateway.http().resolve("api/v1/verify"))
                .header("Content-Type", "application/pdf").POST(HttpRequest.BodyPublishers.ofByteArray(pdf)));
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private static List<JsonObject> sms(String phone) {
        return gateway.http().get("sandbox/sms/_sent?to=" + phone).json().getJsonArray("sent").getValuesAs(JsonObject.class);
    }

    private static JsonObject stats(String agency) {
        return gateway.http().get("sandbox/" + agency + "/_stats").json();
    }
}
