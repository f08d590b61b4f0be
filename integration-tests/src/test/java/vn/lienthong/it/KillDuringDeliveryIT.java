package vn.lienthong.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.json.JsonObject;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The transactional outbox under SIGKILL: 200 dossiers submitted in a burst, the gateway killed
 * mid-burst while deliveries are in flight, then restarted on the same data dir. The desks send
 * again, with the same Idempotency-Key, every submission the kill left unanswered, as a desk
 * client would. Then all 200 dossiers exist once, each was delivered, and the agency (whose
 * journal outlives the gateway, as a real agency's database would) acted on each exactly once.
 */
class KillDuringDeliveryIT {

    private static final String AGENCY = "000.00.00.H30";
    private static final int BURST = 200;

    @Test
    void allTwoHundredAreDeliveredOnceAfterAKill() throws InterruptedException {
        Path work = Path.of(System.getProperty("it.data.dir", "target/it-data")).resolve("kill-during-delivery");
        Path data = work.resolve("data");
        Map<Integer, String> answered = new ConcurrentHashMap<>();
        AtomicInteger cutOff = new AtomicInteger();
        // One database for both starts, on a server the kill does not touch.
        RunnableJar.Launch onPostgres = RunnableJar.Launch.SHORT_LEASE.onPostgres("kill_during_delivery");
        try (RunnableJar first = RunnableJar.start(data, work, onPostgres)) {
            GatewayHttp http = first.http().as(first.tokens().token(DemoTokens.DESK_OFFICER, AGENCY));
            // Deliveries are slowed a little so that many are in flight when the kill comes.
            assertEquals(200, first.http().put("sandbox/social-insurance/_faults", "{\"latencyMs\": 20}").status());
            // Four desks send the burst in order. The last quarter waits at a gate that opens only
            // after the kill, so the kill always lands mid-burst: those never reach the gateway, and
            // the few in flight when it comes are cut off, accepted or not.
            CountDownLatch afterKill = new CountDownLatch(1);
            ExecutorService desks = Executors.newFixedThreadPool(4);
            for (int i = 0; i < BURST; i++) {
                int n = i;
                desks.submit(() -> {
                    try {
                        if (n >= BURST * 3 / 4 && !afterKill.await(120, TimeUnit.SECONDS)) {
                            return;
                        }
                        GatewayHttp.Reply r = submit(http, n);
                        if (r.status() == 201) {
                            answered.put(n, r.json().getString("code"));
                        }
                    } catch (UncheckedIOException | IllegalStateException e) {
                        cutOff.incrementAndGet(); // cut off by the kill (accepted or not, unknown) or refused after it
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            // Kill while submissions are still coming in and the agency is being called.
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(10)).until(() ->
                    answered.size() >= BURST / 2
                    && first.http().get("sandbox/social-insurance/_stats").json().getInt("received") >= 1);
            first.kill();
            afterKill.countDown();
            desks.shutdown();
            assertTrue(desks.awaitTermination(120, TimeUnit.SECONDS));
        }
        int acceptedBeforeKill = answered.size();
        System.out.printf("kill: %d of %d submissions accepted before SIGKILL, %d cut off by it or refused after it%n",
                acceptedBeforeKill, BURST, cutOff.get());
        assertTrue(acceptedBeforeKill < BURST, "the kill came mid-burst: " + acceptedBeforeKill + " accepted");

        try (RunnableJar second = RunnableJar.start(data, work, onPostgres)) {
            GatewayHttp http = second.http().as(second.tokens().token(DemoTokens.DESK_OFFICER, AGENCY));
            // What the database holds: the accepted ones, plus any whose answer the kill swallowed.
            List<String> stored = codes(http);
            List<String> lost = answered.values().stream().filter(c -> !stored.contains(c)).sorted().toList();
            assertTrue(lost.isEmpty(), () -> lost.size() + " accepted dossiers lost by the kill: " + lost);
            // The desks send the rest again; a submission that had reached the database gets its dossier back (200).
            int swallowed = 0;
            for (int i = 0; i < BURST; i++) {
                if (!answered.containsKey(i)) {
                    GatewayHttp.Reply r = submit(http, i);
                    assertTrue(r.status() == 201 || r.status() == 200, () -> "resent submission: " + r);
                    swallowed += r.status() == 200 ? 1 : 0;
                    answered.put(i, r.json().getString("code"));
                }
            }
            assertEquals(BURST, Set.copyOf(answered.values()).size(), "one dossier per submission");
            long started = System.nanoTime();
            try {
                await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> http
                        .get("api/v1/dossiers?agency=" + AGENCY + "&status=COMPLETED&size=1").json().getInt("total") == BURST);
            } catch (ConditionTimeoutException e) {
                throw new AssertionError(notCompleted(http, second), e);
            }
            JsonObject stats = second.http().get("sandbox/social-insurance/_stats").json();
            System.out.printf("kill: %d stored at restart (%d answers swallowed by the kill, resent and matched by "
                    + "Idempotency-Key); all %d COMPLETED %.1f s after the resends; agency %s%n", stored.size(), swallowed,
                    BURST, (System.nanoTime() - started) / 1e9, stats);
            assertEquals(BURST, http.get("api/v1/dossiers?agency=" + AGENCY + "&size=1").json().getInt("total"),
                    "no dossier twice");
            assertEquals(BURST, stats.getInt("effects"), () -> "exactly one effect per dossier: " + stats);
            for (String code : answered.values()) {
                long results = http.get("api/v1/dossiers/" + code + "/history").json().getJsonArray("steps")
                        .getValuesAs(JsonObject.class).stream().filter(s -> s.getString("kind").equals("AGENCY_RESULT")).count();
                assertEquals(1, results, code);
            }
            second.stop();
        }
    }

    /** Submission n of the burst, always with the same citizen and the same Idempotency-Key. */
    private static GatewayHttp.Reply submit(GatewayHttp http, int n) {
        return http.send(HttpRequest.newBuilder(http.resolve("api/v1/dossiers"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "kill-burst-" + n)
                .POST(HttpRequest.BodyPublishers.ofString(
                        GatewayHttp.submission("1.000240", AGENCY, String.format("0011900%05d", n)))));
    }

    private static List<String> codes(GatewayHttp http) {
        return http.get("api/v1/dossiers?agency=" + AGENCY + "&size=" + BURST).json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().map(d -> d.getString("code")).toList();
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
