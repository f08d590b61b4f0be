package vn.lienthong.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.lienthong.it.LienThongFlows.AGENCIES;
import static vn.lienthong.it.LienThongFlows.awaitStatus;
import static vn.lienthong.it.LienThongFlows.birth;
import static vn.lienthong.it.LienThongFlows.history;
import static vn.lienthong.it.LienThongFlows.steps;
import static vn.lienthong.it.LienThongFlows.submit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * A liên thông flow under SIGKILL: the runnable jar is killed between the birth registration and
 * the next steps of 3.000722, then restarted on the same data dir; the flow resumes from the
 * database and no agency acts twice. Its own gateway, since the kill would cut other tests short.
 */
class LienThongFlowKillIT {

    @Test
    void aKillBetweenTheBirthAndTheNextStepsResumesFromTheDatabaseAndRepeatsNothing() {
        Path work = Path.of(System.getProperty("it.data.dir", "target/it-data")).resolve("lien-thong-flow-kill");
        Path data = work.resolve("data");
        // One database for both starts, on a server the kill does not touch.
        RunnableJar.Launch onPostgres = RunnableJar.Launch.SHORT_LEASE.onPostgres("lien_thong_flow_kill");
        String code;
        try (RunnableJar first = RunnableJar.start(data, work, onPostgres)) {
            LienThongFlows flows = new LienThongFlows(first);
            flows.resetSandbox();
            // Residence and social insurance hold each request 5 s before acting: the kill lands while
            // step 2 is in flight, after step 1's result was committed with step 2's messages.
            flows.sandboxFaults("residence", "{\"latencyMs\": 5000}");
            flows.sandboxFaults("social-insurance", "{\"latencyMs\": 5000}");
            GatewayHttp desk = flows.officer();
            code = submit(desk, birth("001190040005"));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> steps(desk.get("api/v1/dossiers/" + code).json()),
                            s -> s.size() == 3 && s.get("BIRTH_REGISTRATION").getString("status").equals("DONE"));
            first.kill();
        }

        try (RunnableJar second = RunnableJar.start(data, work, onPostgres)) {
            LienThongFlows flows = new LienThongFlows(second);
            GatewayHttp after = flows.officer();
            awaitStatus(after, code, "COMPLETED", 120);
            assertEquals(0, flows.stats("civil-status").getInt("received"),
                    "civil status was not called again after the restart");
            for (String agency : AGENCIES) {
                assertEquals(1, flows.stats(agency).getInt("effects"), agency + " acted once");
            }
            Map<String, Long> results = history(after, code).stream()
                    .filter(h -> h.getString("kind").equals("AGENCY_RESULT"))
                    .collect(Collectors.groupingBy(h -> h.getString("toUnit"), Collectors.counting()));
            assertEquals(3, results.size(), results::toString);
            results.values().forEach(n -> assertEquals(1L, n, results::toString));
        }
    }
}
