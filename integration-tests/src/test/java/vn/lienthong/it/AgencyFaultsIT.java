package vn.lienthong.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Agencies misbehaving, on the runnable jar with its sandbox: an outage, a permanent refusal, a
 * malformed SOAP reply, duplicated callbacks. The sandbox counts what it acted on, which is how
 * "exactly once" is proven. Each test resets the sandbox agency it uses.
 */
class AgencyFaultsIT {

    private static final String PROVINCE = "000.00.00.H30";
    private static final String DISTRICT = "000.00.20.H30";
    private static RunnableJar gateway;

    @BeforeAll
    static void start() {
        Path work = Path.of(System.getProperty("it.data.dir", "target/it-data")).resolve("agency-faults");
        gateway = RunnableJar.start(work.resolve("data"), work);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static GatewayHttp officer(String agency) {
        return gateway.http().as(gateway.tokens().token(DemoTokens.DESK_OFFICER, agency));
    }

    private static GatewayHttp admin() {
        return gateway.http().as(gateway.tokens().token(DemoTokens.ADMIN, PROVINCE));
    }

    private static void sandbox(String agency, String faults) {
        GatewayHttp http = gateway.http();
        assertEquals(200, http.post("sandbox/" + agency + "/_reset", "").status());
        if (faults != null) {
            GatewayHttp.Reply set = http.put("sandbox/" + agency + "/_faults", faults);
            assertEquals(200, set.status(), set::toString);
        }
    }

    private static JsonObject stats(String agency) {
        return gateway.http().get("sandbox/" + agency + "/_stats").json();
    }

    @Test
    void anOutageDelaysButEveryMessageArrivesExactlyOnceAndTheCircuitOpensAndCloses() {
        double openedBefore = circuitOpenings("social-insurance");
        sandbox("social-insurance", "{\"kind\": \"503\", \"failNext\": 24}");
        GatewayHttp http = officer(PROVINCE);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            codes.add(http.post("api/v1/dossiers", GatewayHttp.submission("1.000240", PROVINCE, "00119003000" + i))
                    .json().getString("code"));
        }
        for (String code : codes) {
            awaitStatus(http, code, "COMPLETED", 120);
        }
        JsonObject stats = stats("social-insurance");
        assertEquals(6, stats.getInt("effects"), stats::toString);
        assertEquals(24, stats.getInt("faultsInjected"), stats::toString);
        assertTrue(circuitOpenings("social-insurance") > openedBefore, "the circuit opened during the outage");
        // It closed again: everything after the outage went through, and a new message does too.
        String after = http.post("api/v1/dossiers", GatewayHttp.submission("1.000240", PROVINCE, "001190030099"))
                .json().getString("code");
        awaitStatus(http, after, "COMPLETED", 60);
        assertEquals(7, stats("social-insurance").getInt("effects"));
        for (String code : codes) {
            long results = history(http, code).stream().filter(s -> s.getString("kind").equals("AGENCY_RESULT")).count();
            assertEquals(1, results, code);
        }
    }

    @Test
    void aPermanentRefusalIsShownWithItsReasonAndAReplayAfterTheFixCompletes() {
        sandbox("social-insurance", "{\"kind\": \"400\", \"failNext\": 1}");
        GatewayHttp http = officer(PROVINCE);
        String code = http.post("api/v1/dossiers", GatewayHttp.submission("1.000240", PROVINCE, "001190031001"))
                .json().getString("code");
        JsonObject failure = awaitEvent(http, code, "AGENCY_FAILED");
        assertTrue(failure.getString("note").contains("soap:Client"), failure::toString);
        assertTrue(failure.getString("note").contains("permanent"), failure::toString);
        assertFalse(http.get("api/v1/dossiers/" + code).json().getString("status").equals("COMPLETED"));
        assertEquals(1, stats("social-insurance").getInt("received"), "refused at once, not retried");

        JsonObject dead = deadLetter(code);
        assertEquals("FAILED", dead.getString("status"), dead::toString);
        GatewayHttp.Reply replay = admin().post("api/v1/admin/dead-letters/" + dead.getJsonNumber("id").longValue() + "/replay", "");
        assertEquals(200, replay.status(), replay::toString);
        awaitStatus(http, code, "COMPLETED", 60);
        assertEquals(1, stats("social-insurance").getInt("effects"));
    }

    @Test
    void aMalformedSoapReplyIsAClearErrorNotAStuckDossier() {
        sandbox("social-insurance", "{\"kind\": \"malformed\", \"failNext\": 1}");
        GatewayHttp http = officer(PROVINCE);
        String code = http.post("api/v1/dossiers", GatewayHttp.submission("1.000240", PROVINCE, "001190032001"))
                .json().getString("code");
        JsonObject failure = awaitEvent(http, code, "AGENCY_FAILED");
        assertTrue(failure.getString("note").contains("Malformed SOAP reply"), failure::toString);
        JsonObject dead = deadLetter(code);
        assertEquals("FAILED", dead.getString("status"), dead::toString);
        // The agency had acted before it answered garbage: the replay carries the same message id,
        // so the agency answers from its record and does not act twice.
        admin().post("api/v1/admin/dead-letters/" + dead.getJsonNumber("id").longValue() + "/replay", "");
        awaitStatus(http, code, "COMPLETED", 60);
        JsonObject stats = stats("social-insurance");
        assertEquals(1, stats.getInt("effects"), stats::toString);
        assertEquals(1, stats.getInt("duplicatesSuppressed"), stats::toString);
    }

    @Test
    void aDuplicatedCallbackHasNoSecondEffect() {
        sandbox("residence", "{\"duplicateCallbacks\": true}");
        sandbox("social-insurance", null);
        sandbox("civil-status", null);
        GatewayHttp http = officer(DISTRICT);
        String code = http.post("api/v1/dossiers", GatewayHttp.submission("3.000722", DISTRICT, "001190033001"))
                .json().getString("code");
        awaitStatus(http, code, "COMPLETED", 60);
        List<JsonObject> results = history(http, code).stream()
                .filter(s -> s.getString("kind").equals("AGENCY_RESULT")).toList();
        assertEquals(3, results.size(), results::toString); // civil status, residence, social insurance
        assertEquals(1, stats("residence").getInt("effects"));
        // The agency sends its callback again 1.1 s later, signed anew; it is a no-op.
        await().atMost(Duration.ofSeconds(15)).until(() -> admin().get("api/v1/admin/audit?limit=50").jsonArray()
                .getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("target").equals("/callbacks/residence") && e.getInt("status") == 200).count() >= 2);
        assertEquals(3, history(http, code).stream().filter(s -> s.getString("kind").equals("AGENCY_RESULT")).count());
        assertFalse(http.get("api/v1/dossiers/" + code).body().contains("FAILED"));
    }

    private static JsonObject deadLetter(String code) {
        return admin().get("api/v1/admin/dead-letters").jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("dossierCode").equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no dead letter for " + code));
    }

    private static List<JsonObject> history(GatewayHttp http, String code) {
        return http.get("api/v1/dossiers/" + code + "/history").json().getJsonArray("steps").getValuesAs(JsonObject.class);
    }

    private static JsonObject awaitEvent(GatewayHttp http, String code, String kind) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> history(http, code).stream().filter(s -> s.getString("kind").equals(kind)).findFirst(),
                        java.util.Optional::isPresent).orElseThrow();
    }

    private static void awaitStatus(GatewayHttp http, String code, String status, int seconds) {
        await().atMost(Duration.ofSeconds(seconds)).pollInterval(Duration.ofMillis(250))
                .until(() -> http.get("api/v1/dossiers/" + code).json().getString("status"), status::equals);
    }

    /** How often this agency's circuit opened, from /metrics (lienthong_agency_circuit_opened, docs/connectors.md). */
    private static double circuitOpenings(String agency) {
        String metrics = gateway.http().get("metrics").body();
        Matcher m = Pattern.compile("lienthong_agency_circuit_opened(?:_total)?\\{[^}]*agency=\"" + Pattern.quote(agency)
                + "\"[^}]*} ([0-9.E]+)").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
