package vn.lienthong.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * A newcomer's check: {@code java -jar lienthong-gateway.jar} starts on the embedded default and
 * /health is UP; dossiers survive a stop and a restart.
 */
class RunnableJarIT {

    @Test
    void startsHealthyAndKeepsEveryDossierAcrossARestart() {
        Path work = Path.of(System.getProperty("it.data.dir", "target/it-data")).resolve("runnable-jar");
        Path data = work.resolve("data");
        List<JsonObject> submitted = new ArrayList<>();

        try (RunnableJar first = RunnableJar.start(data, work)) {
            System.out.printf("runnable jar: ready after %.1f s, resident memory %d MiB (-Xmx512m; the IT harness runs C1 and the serial collector)%n",
                    first.startUpTime().toMillis() / 1000.0, first.residentKiB() / 1024);
            GatewayHttp http = first.http().as(first.tokens().token(DemoTokens.DESK_OFFICER, "000.00.00.H30"));
            JsonObject health = http.get("health").json();
            assertEquals("UP", health.getString("status"), health::toString);
            assertTrue(health.toString().contains("\"camel\"") && health.toString().contains("\"database\""), health::toString);
            assertEquals(200, http.get("openapi").status());
            assertEquals(200, http.get("metrics").status());
            for (int i = 0; i < 3; i++) {
                GatewayHttp.Reply r = http.post("api/v1/dossiers",
                        GatewayHttp.submission("2.000815", "000.00.00.H30", "00119001234" + i));
                assertEquals(201, r.status(), r::toString);
                submitted.add(r.json());
            }
            String code = submitted.get(0).getString("code");
            assertEquals(200, http.post("api/v1/dossiers/" + code + "/transitions",
                    "{\"status\": \"IN_PROGRESS\", \"reason\": \"Tiếp nhận xử lý\"}").status());
            // SIGTERM: the JVM runs its shutdown hooks (Camel's drain among them) and exits 143 (128 + 15).
            assertEquals(143, first.stop());
        }

        try (RunnableJar second = RunnableJar.start(data, work)) {
            GatewayHttp http = second.http().as(second.tokens().token(DemoTokens.DESK_OFFICER, "000.00.00.H30"));
            for (JsonObject before : submitted) {
                JsonObject after = http.get("api/v1/dossiers/" + before.getString("code")).json();
                assertEquals(before.getString("dueAt"), after.getString("dueAt"));
                assertEquals(before.getString("receivedAt"), after.getString("receivedAt"));
                assertEquals(before.getJsonObject("applicant"), after.getJsonObject("applicant"));
            }
            String first = submitted.get(0).getString("code");
            assertEquals("IN_PROGRESS", http.get("api/v1/dossiers/" + first).json().getString("status"));
            assertEquals(2, http.get("api/v1/dossiers/" + first + "/history").json().getJsonArray("steps").size());
            // The daily sequence continues where it stopped.
            String next = http.post("api/v1/dossiers", GatewayHttp.submission("2.000815", "000.00.00.H30", "001190012399"))
                    .json().getString("code");
            String last = submitted.get(2).getString("code");
            assertEquals(seq(last) + 1, seq(next), last + " then " + next);
            second.stop();
        }
    }

    /**
     * Production on PostgreSQL (demo off): a missing key, then credentials the database refuses, each
     * end the process with status 78 after one line naming the setting, instead of a Payara Micro with
     * no application.
     */
    @Test
    void productionRefusesToStartWithOneLineNamingTheSetting() {
        Path work = Path.of(System.getProperty("it.data.dir", "target/it-data")).resolve("refused-start");
        Map<String, String> production = new HashMap<>(PostgresServer.freshDatabase("refused_start"));
        production.put("LIENTHONG_DEMO", "false");

        RunnableJar.Refused noKey = RunnableJar.refusedStart(work.resolve("data"), work,
                new RunnableJar.Launch(List.of(), List.of(), production));
        String keyLine = refusalLine(noKey);
        assertTrue(keyLine.matches(".*(LIENTHONG_MESSAGE_LOG_KEYSTORE|LIENTHONG_PAPERS_OFFICER_KEYSTORE) \\(lienthong\\.[a-z.-]+\\) is not set.*"),
                keyLine);

        // The keys are there (DEMO ones, by their own flags); the database refuses the user (the test
        // server trusts any password on 127.0.0.1, so a role it does not know stands for bad credentials).
        production.put("LIENTHONG_DB_USER", "not_a_role");
        production.put("LIENTHONG_MESSAGE_LOG_DEMO_KEY_ENABLED", "true");
        production.put("LIENTHONG_PAPERS_DEMO_KEYS_ENABLED", "true");
        RunnableJar.Refused refusedUser = RunnableJar.refusedStart(work.resolve("data"), work,
                new RunnableJar.Launch(List.of(), List.of(), production));
        String dbLine = refusalLine(refusedUser);
        assertTrue(dbLine.contains("refuses user LIENTHONG_DB_USER=not_a_role: FATAL: role \"not_a_role\" does not exist")
                && dbLine.contains("check LIENTHONG_DB_URL, LIENTHONG_DB_USER and LIENTHONG_DB_PASSWORD"), dbLine);
    }

    /** The exit status is 78 and exactly one output line says why the gateway does not start. */
    private static String refusalLine(RunnableJar.Refused refused) {
        List<String> lines = refused.output().stream().filter(l -> l.contains("The gateway does not start: ")).toList();
        assertEquals(78, refused.exitStatus(), () -> String.join("\n", refused.output()));
        assertEquals(1, lines.size(), () -> String.join("\n", lines));
        return lines.get(0).substring(lines.get(0).indexOf("The gateway does not start: "));
    }

    private static int seq(String code) {
        return Integer.parseInt(code.substring(code.lastIndexOf('-') + 1));
    }
}
