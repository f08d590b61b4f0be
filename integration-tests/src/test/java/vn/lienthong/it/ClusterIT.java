package vn.lienthong.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * Two gateways on one PostgreSQL database and one shared blob directory (keys, attachments, archive),
 * their agency a third process (the same code's sandbox) whose effects outlive either gateway. 200
 * dossiers go in through both; the gateway doing the run-once work is killed with SIGKILL mid-load and
 * not restarted. Then every dossier completes once on the survivor, the agency acted once per dossier,
 * and the run-once lease moved to the survivor within lease + renew interval (docs/cluster.md).
 */
class ClusterIT {

    private static final String AGENCY = "000.00.00.H30";
    private static final int LOAD = 200;
    private static final Duration LEASE = Duration.ofSeconds(6);
    private static final Duration RENEW = Duration.ofSeconds(1);
    /** How late the survivor may notice beyond lease + renew: this test's polling and a loaded machine. */
    private static final Duration SLACK = Duration.ofSeconds(3);

    @Test
    void everyDossierCompletesOnceAndTheRunOnceWorkMovesWhenOneGatewayDies() throws Exception {
        Path work = Path.of(System.getProperty("it.data.dir", "target/it-data")).resolve("cluster");
        Path shared = work.resolve("shared");
        Map<String, String> database = PostgresServer.freshDatabase("cluster");
        Map<String, String> env = new HashMap<>(database);
        env.put("LIENTHONG_OUTBOX_LEASE_SECONDS", "20");
        env.put("LIENTHONG_RUN_ONCE_LEASE_SECONDS", String.valueOf(LEASE.toSeconds()));
        env.put("LIENTHONG_RUN_ONCE_RENEW_MS", String.valueOf(RENEW.toMillis()));
        Map<Integer, String> answered = new ConcurrentHashMap<>();
        try (RunnableJar agency = RunnableJar.start(work.resolve("agency-data"), work.resolve("agency"))) {
            env.put("LIENTHONG_SANDBOX_BASE_URL", agency.http().resolve("").toString());
            RunnableJar.Launch node = new RunnableJar.Launch(List.of(), List.of(), Map.copyOf(env));
            try (RunnableJar doomed = RunnableJar.start(nodeData(work, shared, "a"), work.resolve("a"), node)) {
                // The first node takes the lease at its first renew, right after its routes start.
                String firstHolder = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                        .until(() -> leaseHolder(database), holder -> !holder.isEmpty());
                try (RunnableJar survivor = RunnableJar.start(nodeData(work, shared, "b"), work.resolve("b"), node)) {
                    assertEquals(firstHolder, leaseHolder(database), "the first node holds the lease while it lives");
                    GatewayHttp a = doomed.http().as(doomed.tokens().token(DemoTokens.DESK_OFFICER, AGENCY));
                    GatewayHttp b = survivor.http().as(survivor.tokens().token(DemoTokens.DESK_OFFICER, AGENCY));
                    assertEquals(200, agency.http().put("sandbox/social-insurance/_faults", "{\"latencyMs\": 20}").status());

                    // Desks send through both gateways; the last quarter waits until after the kill.
                    CountDownLatch afterKill = new CountDownLatch(1);
                    ExecutorService desks = Executors.newFixedThreadPool(4);
                    for (int i = 0; i < LOAD; i++) {
                        int n = i;
                        desks.submit(() -> {
                            try {
                                if (n >= LOAD * 3 / 4 && !afterKill.await(120, TimeUnit.SECONDS)) {
                                    return;
                                }
                                GatewayHttp.Reply r = submit(n % 2 == 0 ? a : b, n);
                                if (r.status() == 201) {
                                    answered.put(n, r.json().getString("code"));
                                }
                            } catch (UncheckedIOException | IllegalStateException cutOffOrRefused) {
                                // sent again below, with the same Idempotency-Key
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        });
                    }
                    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(10)).until(() ->
                            answered.size() >= LOAD / 2
                            && agency.http().get("sandbox/social-insurance/_stats").json().getInt("received") >= 1);
                    doomed.kill();
                    long killed = System.nanoTime();
                    afterKill.countDown();

                    await().atMost(LEASE.plus(RENEW).plus(SLACK).plusSeconds(30)).pollInterval(Duration.ofMillis(100))
                            .until(() -> !firstHolder.equals(leaseHolder(database)));
                    Duration moved = Duration.ofNanos(System.nanoTime() - killed);
                    System.out.printf("cluster: run-once lease moved to the survivor %d ms after SIGKILL "
                            + "(lease %d s + renew %d ms)%n", moved.toMillis(), LEASE.toSeconds(), RENEW.toMillis());
                    assertTrue(moved.compareTo(LEASE.plus(RENEW).plus(SLACK)) <= 0, "moved after " + moved);
                    assertNotEquals(firstHolder, leaseHolder(database));

                    desks.shutdown();
                    assertTrue(desks.awaitTermination(120, TimeUnit.SECONDS));
                    for (int i = 0; i < LOAD; i++) {
                        if (!answered.containsKey(i)) {
                            GatewayHttp.Reply r = submit(b, i);
                            int n = i;
                            assertTrue(r.status() == 201 || r.status() == 200, () -> "resent submission " + n + ": " + r);
                            answered.put(i, r.json().getString("code"));
                        }
                    }
                    assertEquals(LOAD, Set.copyOf(answered.values()).size(), "one dossier per submission");
                    long started = System.nanoTime();
                    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> b
                            .get("api/v1/dossiers?agency=" + AGENCY + "&status=COMPLETED&size=1").json().getInt("total") == LOAD);
                    JsonObject stats = agency.http().get("sandbox/social-insurance/_stats").json();
                    System.out.printf("cluster: %d submissions answered before the kill or resent; all %d COMPLETED on the "
                            + "survivor %.1f s after the resends; agency %s%n", answered.size(), LOAD,
                            (System.nanoTime() - started) / 1e9, stats);
                    assertEquals(LOAD, b.get("api/v1/dossiers?agency=" + AGENCY + "&size=1").json().getInt("total"),
                            "no dossier twice");
                    assertEquals(LOAD, stats.getInt("effects"), () -> "exactly one effect per dossier: " + stats);
                    for (String code : answered.values()) {
                        long results = b.get("api/v1/dossiers/" + code + "/history").json().getJsonArray("steps")
                                .getValuesAs(JsonObject.class).stream()
                                .filter(s -> s.getString("kind").equals("AGENCY_RESULT")).count();
                        assertEquals(1, results, code);
                    }
                }
            }
        }
    }

    /** A node's own data dir, whose keys, attachments and archive are the shared ones (what every node mounts). */
    private static Path nodeData(Path work, Path shared, String node) throws IOException {
        Path data = Files.createDirectories(work.resolve(node + "-data"));
        for (String part : List.of("keys", "attachments", "archive")) {
            Path target = Files.createDirectories(shared.resolve(part));
            Path link = data.resolve(part);
            if (!Files.isSymbolicLink(link)) {
                Files.createSymbolicLink(link, target.toAbsolutePath());
            }
        }
        return data;
    }

    /** Who holds the run-once lease now, from the shared database. */
    private static String leaseHolder(Map<String, String> database) {
        try (Connection c = DriverManager.getConnection(database.get("LIENTHONG_DB_URL"), database.get("LIENTHONG_DB_USER"),
                database.get("LIENTHONG_DB_PASSWORD"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT holder FROM run_once_lease WHERE name = 'gateway-run-once'")) {
            return rs.next() ? rs.getString(1) : "";
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the run-once lease", e);
        }
    }

    /** Submission n, always with the same citizen and the same Idempotency-Key. */
    private static GatewayHttp.Reply submit(GatewayHttp http, int n) {
        return http.send(HttpRequest.newBuilder(http.resolve("api/v1/dossiers"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "cluster-" + n)
                .POST(HttpRequest.BodyPublishers.ofString(
                        GatewayHttp.submission("1.000240", AGENCY, String.format("0012900%05d", n)))));
    }
}
