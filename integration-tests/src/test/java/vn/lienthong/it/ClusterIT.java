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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two gateways on one PostgreSQL database and one shared blob directory (keys, attachments, archive),
 * their agency a third process (the same code's sandbox) whose effects outlive either gateway. 300
 * dossiers go in through both, half of them with a scanned page (archived, so both nodes append to the
 * one archive ledger). The gateway doing the run-once work is killed with SIGKILL mid-load and not
 * restarted; then PostgreSQL itself is stopped and started again while desks still submit. Then every
 * dossier completes once on the survivor, the agency acted once per dossier, every scan is archived
 * once, the message log and the archive ledger verify, and the run-once work moved to the survivor
 * within lease + renew interval (docs/cluster.md).
 *
 * <p>The three processes start at once (each start is 25-70 s on two cores). The database server is
 * this test's own, not the run's {@link PostgresServer}: stopping that one would cut the shared gateway
 * off; an embedded server's start is 1-3 s.
 */
class ClusterIT {

    private static final String AGENCY = "000.00.00.H30";
    private static final int LOAD = 300;
    private static final Duration LEASE = Duration.ofSeconds(6);
    private static final Duration RENEW = Duration.ofSeconds(1);
    /** How late the survivor may notice beyond lease + renew: this test's polling and a loaded machine. */
    private static final Duration SLACK = Duration.ofSeconds(3);
    /** How long PostgreSQL stays down: several renew intervals, so the survivor's lease lapses too. */
    private static final Duration OUTAGE = Duration.ofSeconds(8);
    private static final int LOOKUPS_PER_MINUTE = 5;

    @Test
    void everyDossierCompletesOnceWhenOneGatewayDiesAndPostgresRestarts() throws Exception {
        Path work = Path.of(System.getProperty("it.data.dir", "target/it-data")).resolve("cluster").toAbsolutePath();
        begun = System.nanoTime();
        deleteTree(work);
        Path shared = work.resolve("shared");
        try (RestartablePostgres pg = RestartablePostgres.start(work.resolve("postgres"))) {
            Map<String, String> database = pg.environment();
            int agencyPort = RunnableJar.freePort();
            Map<String, String> env = new HashMap<>(database);
            env.put("LIENTHONG_OUTBOX_LEASE_SECONDS", "20");
            env.put("LIENTHONG_RUN_ONCE_LEASE_SECONDS", String.valueOf(LEASE.toSeconds()));
            env.put("LIENTHONG_RUN_ONCE_RENEW_MS", String.valueOf(RENEW.toMillis()));
            // Sealing is run-once work: sealed every second, the log shows which node still seals.
            env.put("LIENTHONG_MESSAGE_LOG_BATCH_INTERVAL_MS", "1000");
            env.put("LIENTHONG_SANDBOX_BASE_URL", "http://127.0.0.1:" + agencyPort + "/");
            // haproxy on 127.0.0.1 forwards the client; the look-up limit is low enough to run dry at once.
            env.put("LIENTHONG_HTTP_TRUSTED_PROXIES", "127.0.0.1");
            env.put("LIENTHONG_RATELIMIT_LOOKUP_PER_MINUTE", String.valueOf(LOOKUPS_PER_MINUTE));
            RunnableJar.Launch node = new RunnableJar.Launch(List.of(), List.of(), Map.copyOf(env));

            long starting = System.nanoTime();
            List<CompletableFuture<RunnableJar>> starts = List.of(
                    CompletableFuture.supplyAsync(() -> RunnableJar.start(work.resolve("agency-data"), work.resolve("agency"),
                            RunnableJar.Launch.PLAIN, agencyPort)),
                    CompletableFuture.supplyAsync(() -> RunnableJar.start(nodeData(work, shared, "a"), work.resolve("a"), node)),
                    CompletableFuture.supplyAsync(() -> RunnableJar.start(nodeData(work, shared, "b"), work.resolve("b"), node)));
            List<RunnableJar> started = new ArrayList<>();
            try {
                for (CompletableFuture<RunnableJar> start : starts) {
                    try {
                        started.add(start.join());
                    } catch (RuntimeException notStarted) {
                        // The others may still come up; none may outlive the test.
                        starts.forEach(s -> s.thenAccept(RunnableJar::close));
                        throw notStarted;
                    }
                }
                System.out.printf("cluster: agency and two gateways up together in %d ms%n",
                        (System.nanoTime() - starting) / 1_000_000);
                run(pg, started.get(0), started.get(1), started.get(2));
            } finally {
                started.forEach(RunnableJar::close);
            }
        }
    }

    private void run(RestartablePostgres pg, RunnableJar agency, RunnableJar first, RunnableJar second) throws Exception {
        Map<String, String> database = pg.environment();
        // Both nodes started at once on an empty keys directory: one made the DEMO keys, the other found them.
        for (String made : List.of("Created the DEMO gateway seal", "Created the DEMO PKI", "DEMO token issuer: generated")) {
            long count = Stream.of(first, second).mapToLong(node -> logLines(node, made)).sum();
            assertEquals(1, count, () -> "one node, not two, did: " + made);
        }
        twoClientsBehindTheBalancerGetTwoBucketsAndTheAuditTrailNamesThem(first, second);
        phase("rate limits and audit behind haproxy checked");
        String firstHolder = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> leaseHolder(database), holder -> !holder.isEmpty());
        // The holder is the one to kill: its run-once work must move.
        boolean firstHolds = firstHolder.startsWith(first.pid() + "@");
        assertTrue(firstHolds || firstHolder.startsWith(second.pid() + "@"), "the lease holder is one of the nodes: " + firstHolder);
        RunnableJar doomed = firstHolds ? first : second;
        RunnableJar survivor = firstHolds ? second : first;
        GatewayHttp a = doomed.http().as(doomed.tokens().token(DemoTokens.DESK_OFFICER, AGENCY));
        GatewayHttp b = survivor.http().as(survivor.tokens().token(DemoTokens.DESK_OFFICER, AGENCY));
        assertEquals(200, agency.http().put("sandbox/social-insurance/_faults", "{\"latencyMs\": 20}").status());

        // Desks send through both gateways; the fourth eighth waits for the kill, the last eighth for the outage
        // (its first half goes just before the database stops, its second half while it is down).
        Map<Integer, String> answered = new ConcurrentHashMap<>();
        Set<Integer> scanned = ConcurrentHashMap.newKeySet();
        Map<Integer, AtomicInteger> outageStatuses = new TreeMap<>();
        CountDownLatch afterKill = new CountDownLatch(1);
        CountDownLatch duringOutage = new CountDownLatch(1);
        CountDownLatch afterStop = new CountDownLatch(1);
        AtomicInteger outageTries = new AtomicInteger();
        ExecutorService desks = Executors.newFixedThreadPool(4);
        for (int i = 0; i < LOAD; i++) {
            int n = i;
            desks.submit(() -> {
                try {
                    boolean inOutage = n >= LOAD * 7 / 8;
                    if (n >= LOAD * 3 / 4 && !afterKill.await(120, TimeUnit.SECONDS)
                            || inOutage && !duringOutage.await(120, TimeUnit.SECONDS)
                            || n >= LOAD * 15 / 16 && !afterStop.await(120, TimeUnit.SECONDS)) {
                        return;
                    }
                    GatewayHttp desk = n % 2 == 0 ? a : b;
                    GatewayHttp.Reply r = submit(desk, n);
                    if (inOutage) {
                        synchronized (outageStatuses) {
                            outageStatuses.computeIfAbsent(r.status(), s -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                    if (r.status() == 201) {
                        answered.put(n, r.json().getString("code"));
                        if (n % 2 == 1 && scan(desk, n, r.json().getString("code")).status() == 201) {
                            scanned.add(n);
                        }
                    }
                } catch (UncheckedIOException | IllegalStateException cutOffOrRefused) {
                    // sent again below, with the same Idempotency-Key
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    if (n >= LOAD * 7 / 8) {
                        outageTries.incrementAndGet();
                    }
                }
            });
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(10)).until(() ->
                answered.size() >= LOAD / 2
                && agency.http().get("sandbox/social-insurance/_stats").json().getInt("received") >= 1);
        phase("half answered, killing the lease holder");
        doomed.kill();
        long killed = System.nanoTime();
        afterKill.countDown();

        await().atMost(LEASE.plus(RENEW).plus(SLACK).plusSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> !firstHolder.equals(leaseHolder(database)));
        Duration moved = Duration.ofNanos(System.nanoTime() - killed);
        System.out.printf("cluster: run-once lease moved to the survivor %d ms after SIGKILL "
                + "(lease %d s + renew %d ms)%n", moved.toMillis(), LEASE.toSeconds(), RENEW.toMillis());
        assertTrue(moved.compareTo(LEASE.plus(RENEW).plus(SLACK)) <= 0, "moved after " + moved);
        assertTrue(leaseHolder(database).startsWith(survivor.pid() + "@"), "the survivor holds the lease");

        // PostgreSQL goes away under load: the last eighth of the desks are sending, and the agency holds each
        // request a second, so deliveries are in flight when the database goes; their results come back to a
        // gateway that cannot record them, and are asked again (the agency suppresses the repeat).
        assertEquals(200, agency.http().put("sandbox/social-insurance/_faults", "{\"latencyMs\": 1000}").status());
        int receivedBefore = agency.http().get("sandbox/social-insurance/_stats").json().getInt("received");
        duringOutage.countDown();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() ->
                agency.http().get("sandbox/social-insurance/_stats").json().getInt("received") >= receivedBefore + 2);
        int pendingAtStop = answered.size() - b.get("api/v1/dossiers?agency=" + AGENCY + "&status=COMPLETED&size=1")
                .json().getInt("total");
        pg.stop();
        long down = System.nanoTime();
        afterStop.countDown();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> survivor.http().get("health/ready").status(), status -> status == 503);
        long notReady = System.nanoTime();
        await().atMost(OUTAGE.plusSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> outageTries.get() == LOAD - LOAD * 7 / 8 && System.nanoTime() - down >= OUTAGE.toNanos());
        assertEquals(503, survivor.http().get("health/ready").status(), "still not ready while PostgreSQL is down");
        pg.start();
        long up = System.nanoTime();
        assertEquals(200, agency.http().put("sandbox/social-insurance/_faults", "{\"latencyMs\": 20}").status());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> survivor.http().get("health/ready").status() == 200);
        System.out.printf("cluster: PostgreSQL down %d ms with %d dossiers not yet completed; the survivor not ready %d ms "
                + "after the stop, ready again %d ms after the start, without a restart; the last %d submissions, sent "
                + "around the stop, were answered %s (the rest went to the dead node)%n",
                (up - down) / 1_000_000, pendingAtStop, (notReady - down) / 1_000_000,
                (System.nanoTime() - up) / 1_000_000, LOAD - LOAD * 7 / 8, outageStatuses);
        assertTrue(pendingAtStop > 0, "the database went while dossiers were in flight");
        assertTrue(outageStatuses.keySet().stream().allMatch(s -> s == 201 || s == 503),
                () -> "around the outage a submission is taken or refused with 503, nothing else: " + outageStatuses);
        assertTrue(outageStatuses.containsKey(503), () -> "some submissions met the outage: " + outageStatuses);

        phase("PostgreSQL back");
        desks.shutdown();
        assertTrue(desks.awaitTermination(120, TimeUnit.SECONDS));
        for (int i = 0; i < LOAD; i++) {
            int n = i;
            if (!answered.containsKey(i)) {
                GatewayHttp.Reply r = submit(b, i);
                assertTrue(r.status() == 201 || r.status() == 200, () -> "resent submission " + n + ": " + r);
                answered.put(i, r.json().getString("code"));
            }
            if (i % 2 == 1 && !scanned.contains(i)) {
                GatewayHttp.Reply r = scan(b, i, answered.get(i));
                assertTrue(r.status() == 201 || r.status() == 200, () -> "resent scan " + n + ": " + r);
                scanned.add(i);
            }
        }
        assertEquals(LOAD, Set.copyOf(answered.values()).size(), "one dossier per submission");
        phase("resent what was cut off or refused");
        long resent = System.nanoTime();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> b
                .get("api/v1/dossiers?agency=" + AGENCY + "&status=COMPLETED&size=1").json().getInt("total") == LOAD);
        JsonObject stats = agency.http().get("sandbox/social-insurance/_stats").json();
        System.out.printf("cluster: all %d COMPLETED on the survivor %.1f s after the resends; agency %s%n",
                LOAD, (System.nanoTime() - resent) / 1e9, stats);
        assertEquals(LOAD, b.get("api/v1/dossiers?agency=" + AGENCY + "&size=1").json().getInt("total"), "no dossier twice");
        assertEquals(LOAD, stats.getInt("effects"), () -> "exactly one effect per dossier: " + stats);
        phase("all completed, agency counted");
        for (String code : answered.values()) {
            long results = b.get("api/v1/dossiers/" + code + "/history").json().getJsonArray("steps")
                    .getValuesAs(JsonObject.class).stream()
                    .filter(s -> s.getString("kind").equals("AGENCY_RESULT")).count();
            assertEquals(1, results, code);
        }
        assertCodesGapFree(answered.values());
        assertEvidenceVerifies(survivor);
        phase("codes, message log and archive ledger checked");
    }

    private static long begun = System.nanoTime();

    /** Where the test's time goes (the suite is at its limit). */
    private static void phase(String what) {
        System.out.printf("cluster: %6.1f s %s%n", (System.nanoTime() - begun) / 1e9, what);
    }

    /**
     * haproxy (Debian's, as scripts/cluster runs it) round robin in front of both nodes, adding
     * X-Forwarded-For. Two clients, 127.0.0.2 and 127.0.0.3, reach it: each has its own look-up buckets
     * (one per node, so 2 x the limit), where without trusted proxies they would share the balancer's;
     * and a change refused through it is audited with the client's address, not the balancer's.
     */
    private static void twoClientsBehindTheBalancerGetTwoBucketsAndTheAuditTrailNamesThem(RunnableJar first,
                                                                                          RunnableJar second) throws Exception {
        Path haproxy = Path.of("/usr/sbin/haproxy");
        assertTrue(Files.isExecutable(haproxy), "ClusterIT needs Debian's haproxy (apt-get install haproxy), as scripts/cluster");
        int port = RunnableJar.freePort();
        Path cfg = Files.writeString(Files.createDirectories(Path.of(System.getProperty("it.data.dir", "target/it-data"))
                .resolve("cluster")).resolve("haproxy.cfg"), """
                global
                  maxconn 256
                defaults
                  mode http
                  timeout connect 5s
                  timeout client 60s
                  timeout server 60s
                frontend lb
                  bind 127.0.0.1:%d
                  option forwardfor
                  default_backend nodes
                backend nodes
                  balance roundrobin
                  server a 127.0.0.1:%d
                  server b 127.0.0.1:%d
                """.formatted(port, first.http().resolve("").getPort(), second.http().resolve("").getPort()));
        Process lb = new ProcessBuilder(haproxy.toString(), "-db", "-f", cfg.toString())
                .redirectErrorStream(true).redirectOutput(cfg.resolveSibling("haproxy.log").toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                    .until(() -> statusFrom("127.0.0.1", port, "GET", "/health/ready") == 200);
            String lookup = "/api/v1/public/dossiers/000.00.00.H30-000000-0001?phone=1234";
            int allowedX = 0;
            while (allowedX <= 4 * LOOKUPS_PER_MINUTE && statusFrom("127.0.0.2", port, "GET", lookup) != 429) {
                allowedX++;
            }
            int firstOfY = statusFrom("127.0.0.3", port, "GET", lookup);
            System.out.printf("cluster: behind haproxy, client 127.0.0.2 had %d look-ups before 429 (limit %d per node, "
                    + "2 nodes); then client 127.0.0.3 was answered %d%n", allowedX, LOOKUPS_PER_MINUTE, firstOfY);
            // 2 x the limit, give or take the token that refills in the time the calls take.
            assertTrue(allowedX >= 2 * LOOKUPS_PER_MINUTE && allowedX <= 2 * LOOKUPS_PER_MINUTE + 1, "allowed " + allowedX);
            assertNotEquals(429, firstOfY, "the second client has a bucket of its own");

            assertEquals(401, statusFrom("127.0.0.2", port, "POST", "/api/v1/dossiers"));
            GatewayHttp admin = first.http().as(first.tokens().token(DemoTokens.ADMIN, AGENCY));
            List<JsonObject> refused = admin.get("api/v1/admin/audit?limit=50").jsonArray()
                    .getValuesAs(JsonObject.class).stream()
                    .filter(e -> e.getInt("status") == 401 && e.getString("target").equals("/dossiers")).toList();
            assertEquals(1, refused.size(), refused::toString);
            assertEquals("127.0.0.2", refused.get(0).getString("client"), "the audit trail names the forwarded client");
        } finally {
            lb.destroy();
            lb.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The status of one HTTP/1.1 request sent from {@code local} (an address of 127.0.0.0/8) to 127.0.0.1:port. */
    private static int statusFrom(String local, int port, String method, String path) throws IOException {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.bind(new java.net.InetSocketAddress(local, 0));
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private static long logLines(RunnableJar node, String containing) {
        try (Stream<String> lines = Files.lines(node.log())) {
            return lines.filter(l -> l.contains(containing)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A code is the agency's day prefix and a running number: per prefix, one number per dossier, none skipped. */
    private static void assertCodesGapFree(java.util.Collection<String> codes) {
        Map<String, List<Long>> byDay = codes.stream().collect(java.util.stream.Collectors.groupingBy(
                c -> c.replaceAll("\\d+$", ""),
                java.util.stream.Collectors.mapping(c -> Long.parseLong(c.replaceAll("^.*\\D", "")),
                        java.util.stream.Collectors.toList())));
        byDay.forEach((day, numbers) -> {
            List<Long> sorted = numbers.stream().sorted().toList();
            assertEquals(sorted.size(), Set.copyOf(sorted).size(), () -> "unique codes: " + day + sorted);
            assertEquals(sorted.get(0) + sorted.size() - 1, (long) sorted.get(sorted.size() - 1),
                    () -> "gap-free codes: " + day + sorted);
        });
    }

    /**
     * The message log, written by both nodes, verifies as one chain and the survivor sealed all of it;
     * the archive ledger, appended by both, verifies and holds each scan once.
     */
    private static void assertEvidenceVerifies(RunnableJar survivor) {
        GatewayHttp admin = survivor.http().as(survivor.tokens().token(DemoTokens.ADMIN, AGENCY));
        JsonObject log = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> admin.get("api/v1/admin/message-log/verify").json(),
                        v -> v.getJsonNumber("unsignedRecords").longValue() == 0);
        System.out.println("cluster: message log " + log);
        assertTrue(log.getBoolean("ok"), log::toString);
        assertTrue(log.getJsonNumber("records").longValue() >= 2L * LOAD, () -> "a request and a response per dossier: " + log);
        GatewayHttp auditor = survivor.http().as(survivor.tokens().token(DemoTokens.AUDITOR, AGENCY));
        JsonObject ledger = auditor.get("api/v1/archive/ledger/verify").json();
        System.out.println("cluster: archive ledger " + ledger);
        assertTrue(ledger.getBoolean("intact"), ledger::toString);
        assertTrue(ledger.getInt("entries") >= LOAD / 2, () -> "an entry per scan at least: " + ledger);
        GatewayHttp.Reply scans = auditor.get("api/v1/archive/records?kind=SCAN&limit=500");
        assertEquals(200, scans.status(), scans::toString);
        assertEquals(LOAD / 2, scans.json().getJsonArray("items").size(), "each scan archived once");
    }

    /** A node's own data dir, whose keys, attachments and archive are the shared ones (what every node mounts). */
    private static Path nodeData(Path work, Path shared, String node) {
        try {
            Path data = Files.createDirectories(work.resolve(node + "-data"));
            for (String part : List.of("keys", "attachments", "archive")) {
                Path target = Files.createDirectories(shared.resolve(part));
                Path link = data.resolve(part);
                if (!Files.isSymbolicLink(link)) {
                    Files.createSymbolicLink(link, target.toAbsolutePath());
                }
            }
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** The one scanned page of dossier n, always the same bytes and the same Idempotency-Key. */
    private static GatewayHttp.Reply scan(GatewayHttp http, int n, String code) {
        return Scans.upload(http, code, "cluster-scan-" + n, List.of(Scans.jpeg(n)));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /**
     * An embedded PostgreSQL server of this test's own that can be stopped and started again on the
     * same data directory and port, as an operator restarts the database under running gateways.
     */
    private static final class RestartablePostgres implements AutoCloseable {

        private static final String ROLE = "lienthong";
        private static final String PASSWORD = "lienthong-it";

        private final Path dataDir;
        private final int port;
        private EmbeddedPostgres server;

        private RestartablePostgres(Path dataDir, int port) {
            this.dataDir = dataDir;
            this.port = port;
        }

        static RestartablePostgres start(Path dataDir) throws IOException, SQLException {
            RestartablePostgres pg = new RestartablePostgres(dataDir, RunnableJar.freePort());
            pg.start();
            try (Connection c = pg.server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + PASSWORD + "'");
                s.execute("CREATE DATABASE cluster OWNER " + ROLE);
            }
            return pg;
        }

        /** What a gateway of this cluster is told: the database, the archive index in it, demo mode. */
        Map<String, String> environment() {
            String url = "jdbc:postgresql://127.0.0.1:" + port + "/cluster";
            return Map.of("LIENTHONG_DB_URL", url, "LIENTHONG_DB_USER", ROLE, "LIENTHONG_DB_PASSWORD", PASSWORD,
                    "LIENTHONG_ARCHIVE_INDEX_URL", url, "LIENTHONG_ARCHIVE_INDEX_USER", ROLE,
                    "LIENTHONG_ARCHIVE_INDEX_PASSWORD", PASSWORD, "LIENTHONG_DEMO", "true");
        }

        void start() throws IOException {
            server = EmbeddedPostgres.builder()
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
        }

        /** A fast shutdown (pg_ctl stop -m fast): every session, the gateways' pooled ones too, is cut. */
        void stop() throws IOException {
            server.close();
            server = null;
        }

        @Override
        public void close() throws IOException {
            if (server != null) {
                stop();
            }
        }
    }
}
