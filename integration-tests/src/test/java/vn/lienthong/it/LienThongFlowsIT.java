package vn.lienthong.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.lienthong.it.LienThongFlows.AGENCIES;
import static vn.lienthong.it.LienThongFlows.COMMUNE;
import static vn.lienthong.it.LienThongFlows.awaitStatus;
import static vn.lienthong.it.LienThongFlows.birth;
import static vn.lienthong.it.LienThongFlows.death;
import static vn.lienthong.it.LienThongFlows.history;
import static vn.lienthong.it.LienThongFlows.steps;
import static vn.lienthong.it.LienThongFlows.submit;

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
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The liên thông groups end to end on the runnable jar and its sandbox agencies: 3.000722 (birth,
 * then residence and BHYT in parallel with the child's new personal ID) and 2.002913 (death, then
 * residence removal, then survivor benefits), and a permanent failure of one branch (retry after the
 * fix, or close as partially completed); {@link LienThongFlowKillIT} kills the gateway mid-flow. The
 * sandbox counts what each agency acted on, which is how "no step repeated" is proven. The tests
 * share one gateway but no state: each resets the sandbox, sets its own faults and submits its own
 * dossier, so they pass in any order.
 */
class LienThongFlowsIT {

    private static Path work;
    private static RunnableJar gateway;
    private static LienThongFlows flows;

    @BeforeAll
    static void start() {
        work = Path.of(System.getProperty("it.data.dir", "target/it-data")).resolve("lien-thong-flows");
        gateway = RunnableJar.start(work.resolve("data"), work, RunnableJar.Launch.PLAIN.onPostgres("lien_thong_flows"));
        flows = new LienThongFlows(gateway);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void birthGroupRegistersTheBirthThenResidenceAndBhytWithTheChildsPersonalIdAndCompletes() {
        flows.resetSandbox();
        Map<String, JsonObject> statisticsBefore = stepStatistics();
        GatewayHttp desk = flows.officer();
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
            assertEquals(1, flows.stats(agency).getInt("effects"), agency);
        }
        JsonObject lookup = gateway.http().get("api/v1/public/dossiers/" + code + "?phone=0001").json();
        assertEquals("COMPLETED", lookup.getString("status"), lookup::toString);

        // The parent opted in to SMS: one on receipt, then exactly one "đã có kết quả" (sent without diacritics).
        String phone = "0912340001";
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> sms(phone).size() >= 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> sms(phone).size() == 2);
        assertEquals(1, sms(phone).stream().filter(m -> m.getString("text").contains(code + " da co ket qua")).count(),
                () -> sms(phone).toString());

        // Each step kept its own deadline, and the leader's step statistics say so per agency: one more step
        // done on time at each, none late (the counts also hold the other tests' dossiers, whatever ran first).
        assertEquals(3, history.stream().filter(h -> h.getString("kind").equals("AGENCY_RESULT")
                && h.getString("note").contains("đúng hạn bước")).count(), history::toString);
        Map<String, JsonObject> statistics = stepStatistics();
        assertEquals(Set.copyOf(AGENCIES), statistics.keySet(), statistics::toString);
        for (String agency : AGENCIES) {
            JsonObject before = statisticsBefore.getOrDefault(agency, JsonObject.EMPTY_JSON_OBJECT);
            JsonObject after = statistics.get(agency);
            assertEquals(before.getInt("doneOnTime", 0) + 1, after.getInt("doneOnTime"), agency + ": " + after);
            assertEquals(before.getInt("doneLate", 0), after.getInt("doneLate"), agency + ": " + after);
        }

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
    void deathGroupGoesStepByStepToSurvivorBenefitsAndCompletes() {
        flows.resetSandbox();
        GatewayHttp desk = flows.officer();
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
            assertEquals(1, flows.stats(agency).getInt("effects"), agency);
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
    void aBranchThatFailsForGoodShowsWhyAndARetryAfterTheFixCompletesWithoutRepeatingTheBirth() {
        flows.resetSandbox();
        flows.sandboxFaults("social-insurance", "{\"kind\": \"soap-client\", \"failNext\": 1}");
        GatewayHttp desk = flows.officer();
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
        assertEquals(1, flows.stats("civil-status").getInt("received"), "birth registration was called once");
        assertEquals(1, flows.stats("social-insurance").getInt("effects"));
        GatewayHttp.Reply again = desk.post("api/v1/dossiers/" + code + "/steps/BIRTH_REGISTRATION/retry", "");
        assertEquals(409, again.status(), "a finished dossier has nothing to retry: " + again);
    }

    @Test
    void aDossierWithAFailedBranchCanBeClosedAsPartiallyCompletedWithAReason() {
        flows.resetSandbox();
        flows.sandboxFaults("social-insurance", "{\"kind\": \"soap-client\", \"failNext\": 1}");
        GatewayHttp desk = flows.officer();
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

    private static int indexOf(List<JsonObject> history, String kind, String notePrefix) {
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).getString("kind").equals(kind) && history.get(i).getString("note", "").startsWith(notePrefix)) {
                return i;
            }
        }
        return -1;
    }

    /** The leader's step statistics of this month, by agency. */
    private static Map<String, JsonObject> stepStatistics() {
        JsonObject report = gateway.http().as(gateway.tokens().token(DemoTokens.LEADER, COMMUNE))
                .get("api/v1/statistics/steps").json();
        return report.getJsonArray("rows").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(r -> r.getString("agencyId"), r -> r));
    }

    private static GatewayHttp admin() {
        return gateway.http().as(gateway.tokens().token(DemoTokens.ADMIN, COMMUNE));
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

}
