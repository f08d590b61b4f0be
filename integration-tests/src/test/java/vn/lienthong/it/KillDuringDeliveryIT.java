package vn.lienthong.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.json.JsonObject;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The transactional outbox under SIGKILL: 200 dossiers submitted in a burst, the gateway killed
 * mid-burst while deliveries are in flight, then restarted on the same data dir. Every dossier
 * the gateway accepted is delivered, and the agency (whose journal outlives the gateway, as a
 * real agency's database would) acted on each exactly once.
 */
class KillDuringDeliveryIT {

    private static final String AGENCY = "000.00.00.H30";
    private static final int BURST = 200;

    @Test
    void everyAcceptedDossierIsDeliveredOnceAfterAKill() throws InterruptedException {
        Path work = Path.of(System.getProperty("it.data.dir", "target/it-data")).resolve("kill-during-delivery");
        Path data = work.resolve("data");
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicInteger cutOff = new AtomicInteger();
        try (RunnableJar first = RunnableJar.start(data, work)) {
            GatewayHttp http = first.http().as(first.tokens().token(DemoTokens.DESK_OFFICER, AGENCY));
            // Deliveries are slowed a little so that many are in flight when the kill comes.
            assertEquals(200, first.http().put("sandbox/social-insurance/_faults", "{\"latencyMs\": 20}").status());
            CountDownLatch halfway = new CountDownLatch(BURST / 2);
            // Submissions are paced by few desks so that the burst outlasts the first deliveries.
            ExecutorService desks = Executors.newFixedThreadPool(4);
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                String citizenId = String.format("0011900%05d", i);
                sent.add(desks.submit(() -> {
                    try {
                        GatewayHttp.Reply r = http.post("api/v1/dossiers", GatewayHttp.submission("1.000240", AGENCY, citizenId));
                        if (r.status() == 201) {
                            accepted.add(r.json().getString("code"));
                        }
                    } catch (UncheckedIOException | IllegalStateException e) {
                        cutOff.incrementAndGet(); // the kill cut this request off: accepted or not, unknown
                    }
                    halfway.countDown();
                }));
            }
            assertTrue(halfway.await(120, TimeUnit.SECONDS), "half the burst was answered");
            // ... and the agency is being called: the kill lands on deliveries in flight.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() ->
                    first.http().get("sandbox/social-insurance/_stats").json().getInt("received") >= 10);
            first.kill();
            desks.shutdown();
            assertTrue(desks.awaitTermination(120, TimeUnit.SECONDS));
        }
        System.out.printf("kill: %d of %d submissions accepted before SIGKILL, %d cut off%n",
                accepted.size(), BURST, cutOff.get());
        assertTrue(accepted.size() >= BURST / 2 - 8, "about half accepted: " + accepted.size());

        try (RunnableJar second = RunnableJar.start(data, work)) {
            GatewayHttp http = second.http().as(second.tokens().token(DemoTokens.DESK_OFFICER, AGENCY));
            // What the database holds: the accepted ones, plus any whose answer the kill swallowed.
            List<String> stored = http.get("api/v1/dossiers?agency=" + AGENCY + "&size=200").json().getJsonArray("items")
                    .getValuesAs(JsonObject.class).stream().map(d -> d.getString("code")).toList();
            List<String> lost = accepted.stream().filter(c -> !stored.contains(c)).sorted().toList();
            assertTrue(lost.isEmpty(), () -> lost.size() + " accepted dossiers lost by the kill: " + lost);
            long started = System.nanoTime();
            try {
                await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> http
                        .get("api/v1/dossiers?agency=" + AGENCY + "&status=COMPLETED&size=1").json().getInt("total") == stored.size());
            } catch (ConditionTimeoutException e) {
                throw new AssertionError(notCompleted(http, second), e);
            }
            JsonObject stats = second.http().get("sandbox/social-insurance/_stats").json();
            System.out.printf("kill: after restart, %d stored dossiers all COMPLETED in %.1f s; agency %s%n",
                    stored.size(), (System.nanoTime() - started) / 1e9, stats);
            assertEquals(stored.size(), stats.getInt("effects"), () -> "exactly one effect per dossier: " + stats);
            for (String code : stored) {
                long results = http.get("api/v1/dossiers/" + code + "/history").json().getJsonArray("steps")
                        .getValuesAs(JsonObject.class).stream().filter(s -> s.getString("kind").equals("AGENCY_RESULT")).count();
                assertEquals(1, results, code);
            }
            second.stop();
        }
    }

    /**
     * Why dossiers are not COMPLETED, on one line first (the build summary shows only that): their
     * statuses and their exchanges' states, attempts and last errors, then the server's warnings.
     */
    private static String notCompleted(GatewayHttp http, RunnableJar gateway) {
        List<JsonObject> open = http.get("api/v1/dossiers?agency=" + AGENCY + "&size=200").json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().filter(d -> !d.getString("status").equals("COMPLETED")).toList();
        Map<String, Long> exchanges = new TreeMap<>();
        for (JsonObject d : open) {
            for (JsonObject x : http.get("api/v1/dossiers/" + d.getString("code")).json().getJsonArray("exchanges")
                    .getValuesAs(JsonObject.class)) {
                String error = x.isNull("error") ? "" : " " + x.getString("error");
                exchanges.merge(x.getString("status") + " after " + x.getInt("attempts") + " attempts"
                        + error.substring(0, Math.min(error.length(), 120)), 1L, Long::sum);
            }
        }
        StringBuilder why = new StringBuilder(open.size() + " dossiers not COMPLETED after 180 s; statuses "
                + open.stream().collect(Collectors.groupingBy(d -> d.getString("status"), TreeMap::new, Collectors.counting()))
                + "; exchanges " + exchanges);
        try (Stream<String> lines = Files.lines(gateway.log())) {
            lines.filter(l -> (l.contains("WARNING") || l.contains("SEVERE"))
                    && (l.contains("vn.lienthong") || l.contains("org.apache.camel"))).limit(40)
                    .forEach(l -> why.append('\n').append(l, 0, Math.min(l.length(), 400)));
        } catch (IOException | UncheckedIOException e) {
            why.append("\n(server log unreadable: ").append(e.getMessage()).append(')');
        }
        return why.toString();
    }
}
