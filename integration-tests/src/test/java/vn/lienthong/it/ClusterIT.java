package vn.lienthong.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.json.JsonObject;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two gateways on one PostgreSQL database and one shared blob directory (keys, attachments, archive)
 * behind haproxy, their agencies a third process (the same code's sandbox) whose effects ledger and
 * owed callbacks outlive either gateway: it calls the gateways back through the balancer, signing
 * with the secret configured alike on every process. 300 dossiers go in through both nodes: half
 * single-step (social insurance, answered at once), half liên thông groups with a scanned page
 * (3.000722 birth and 2.002913 death: civil status, then residence, which answers by callback, and
 * social insurance). The gateway doing the run-once work is killed with SIGKILL mid-load and not
 * restarted; then PostgreSQL itself is stopped and started again while desks still submit. Then every
 * dossier and group completes on the survivor, the agencies acted once per step, no paper and no notice
 * exists or went out twice, every scan is archived once, the codes are gap-free, the message log and the
 * archive ledger verify, and the run-once work moved to the survivor within lease + renew interval
 * (docs/cluster.md).
 *
 * <p>The three processes start at once (each start is 25-70 s on two cores). The database server is
 * this test's own, not the run's {@link PostgresServer}: stopping that one would cut the shared gateway
 * off; an embedded server's start is 1-3 s.
 */
class ClusterIT {

    private static final String AGENCY = "000.00.00.H30";
    private static final String COMMUNE = LienThongFlows.COMMUNE;
    private static final int LOAD = 300;
    /** Agency steps: one per single dossier, three per group (civil status, residence, social insurance). */
    private static final int STEPS = LOAD / 2 + 3 * (LOAD / 2);
    private static final Duration LEASE = Duration.ofSeconds(6);
    private static final Duration RENEW = Duration.ofSeconds(1);
    /** How late the survivor may notice beyond lease + renew: this test's polling and a loaded machine. */
    private static final Duration SLACK = Duration.ofSeconds(3);
    /** How long PostgreSQL stays down: several renew intervals, so the survivor's lease lapses too. */
    private static final Duration OUTAGE = Duration.ofSeconds(8);
    /** The outboxes' leases (deliveries, papers, notices): what a killed node held comes back after this. */
    private static final Duration CLAIM_LEASE = Duration.ofSeconds(20);
    private static final int LOOKUPS_PER_MINUTE = 5;

    @Test
    void everyDossierAndGroupCompletesOnceWhenOneGatewayDiesAndPostgresRestarts() throws Exception {
        Path work = Path.of(System.getProperty("it.data.dir", "target/it-data")).resolve("cluster").toAbsolutePath();
        begun = System.nanoTime();
        deleteTree(work);
        Path shared = work.resolve("shared");
        int agencyPort = RunnableJar.freePort();
        int portA = RunnableJar.freePort();
        int portB = RunnableJar.freePort();
        try (RestartablePostgres pg = RestartablePostgres.start(work.resolve("postgres"));
             Balancer lb = Balancer.start(work, portA, portB)) {
            // The residence office signs its callbacks with one secret, configured alike on every process.
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            Map<String, String> secret = Map.of("LIENTHONG_AGENCY_RESIDENCE_CALLBACK_SECRET", HexFormat.of().formatHex(random));
            Map<String, String> env = new HashMap<>(pg.environment());
            env.putAll(secret);
            for (String queue : List.of("OUTBOX", "PAPERS", "NOTIFY")) {
                env.put("LIENTHONG_" + queue + "_LEASE_SECONDS", String.valueOf(CLAIM_LEASE.toSeconds()));
            }
            env.put("LIENTHONG_RUN_ONCE_LEASE_SECONDS", String.valueOf(LEASE.toSeconds()));
            env.put("LIENTHONG_RUN_ONCE_RENEW_MS", String.valueOf(RENEW.toMillis()));
            // Sealing is run-once work: sealed every second, the log shows which node still seals.
            env.put("LIENTHONG_MESSAGE_LOG_BATCH_INTERVAL_MS", "1000");
            // The agencies and the SMS provider are the sandbox process, for both nodes.
            env.put("LIENTHONG_SANDBOX_BASE_URL", "http://127.0.0.1:" + agencyPort + "/");
            // haproxy on 127.0.0.1 forwards the client; the look-up limit is low enough to run dry at once.
            env.put("LIENTHONG_HTTP_TRUSTED_PROXIES", "127.0.0.1");
            env.put("LIENTHONG_RATELIMIT_LOOKUP_PER_MINUTE", String.valueOf(LOOKUPS_PER_MINUTE));
            RunnableJar.Launch node = new RunnableJar.Launch(List.of(), List.of(), Map.copyOf(env));
            Map<String, String> agencyEnv = new HashMap<>(secret);
            agencyEnv.put("LIENTHONG_SANDBOX_CALLBACK_URL", lb.baseUrl());
            RunnableJar.Launch agencies = new RunnableJar.Launch(List.of(), List.of(), Map.copyOf(agencyEnv));

            long starting = System.nanoTime();
            List<CompletableFuture<RunnableJar>> starts = List.of(
                    CompletableFuture.supplyAsync(() -> RunnableJar.start(agencyData(work, shared), work.resolve("agency"),
                            agencies, agencyPort)),
                    CompletableFuture.supplyAsync(() -> RunnableJar.start(nodeData(work, shared, "a"), work.resolve("a"), node, portA)),
                    CompletableFuture.supplyAsync(() -> RunnableJar.start(nodeData(work, shared, "b"), work.resolve("b"), node, portB)));
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
                run(pg, lb, started.get(0), started.get(1), started.get(2));
            } finally {
                started.forEach(RunnableJar::close);
            }
        }
    }

    private void run(RestartablePostgres pg, Balancer lb, RunnableJar agency, RunnableJar first, RunnableJar second)
            throws Exception {
        Database db = new Database(pg.environment());
        // Three processes started at once on an empty keys directory: one made the DEMO keys, the others found them.
        for (String made : List.of("Created the DEMO gateway seal", "Created the DEMO PKI", "DEMO token issuer: generated")) {
            long count = Stream.of(agency, first, second).mapToLong(node -> logLines(node, made)).sum();
            assertEquals(1, count, () -> "one process, not two, did: " + made);
        }
        lb.awaitServersUp(2);
        twoClientsBehindTheBalancerGetTwoBucketsAndTheAuditTrailNamesThem(lb, first);
        phase("rate limits and audit behind haproxy checked");
        String firstHolder = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(db::leaseHolder, holder -> !holder.isEmpty());
        // The holder is the one to kill: its run-once work must move.
        boolean firstHolds = firstHolder.startsWith(first.pid() + "@");
        assertTrue(firstHolds || firstHolder.startsWith(second.pid() + "@"), "the lease holder is one of the nodes: " + firstHolder);
        RunnableJar doomed = firstHolds ? first : second;
        RunnableJar survivor = firstHolds ? second : first;
        Desks a = Desks.of(doomed);
        Desks b = Desks.of(survivor);
        assertEquals(200, agency.http().put("sandbox/social-insurance/_faults", "{\"latencyMs\": 20}").status());
        // Residence answers 3 s after accepting: at the kill, callbacks are owed for requests the dead node sent.
        assertEquals(200, agency.http().put("sandbox/residence/_faults", "{\"callbackDelayMs\": 3000}").status());

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
                    // Both kinds through both nodes: n = 0, 1 to the doomed one, 2, 3 to the survivor, and so on.
                    Desks desk = n / 2 % 2 == 0 ? a : b;
                    GatewayHttp.Reply r = submit(desk, n);
                    if (inOutage) {
                        synchronized (outageStatuses) {
                            outageStatuses.computeIfAbsent(r.status(), s -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                    if (r.status() == 201) {
                        answered.put(n, r.json().getString("code"));
                        if (group(n) && scan(desk.commune(), n, r.json().getString("code")).status() == 201) {
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
                && stats(agency, "social-insurance").getInt("received") >= 1
                && stats(agency, "residence").getInt("received") >= 1);
        long groupsOpen = db.count("SELECT COUNT(*) FROM dossier WHERE agency_code = '" + COMMUNE + "' AND status <> 'COMPLETED'");
        phase("half answered, " + groupsOpen + " groups under way; killing the lease holder");
        doomed.kill();
        long killed = System.nanoTime();
        Instant killedAt = Instant.now();
        afterKill.countDown();
        // Papers and notices being made when the node died: its claims come back when their leases run out.
        List<String> papersClaimed = db.column("SELECT CAST(id AS VARCHAR(20)) FROM paper_job WHERE status = 'CLAIMED'");
        long noticesClaimed = db.count("SELECT COUNT(*) FROM citizen_notice WHERE status = 'IN_FLIGHT'");

        await().atMost(LEASE.plus(RENEW).plus(SLACK).plusSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> !firstHolder.equals(db.leaseHolder()));
        Duration moved = Duration.ofNanos(System.nanoTime() - killed);
        System.out.printf("cluster: run-once lease moved to the survivor %d ms after SIGKILL "
                + "(lease %d s + renew %d ms)%n", moved.toMillis(), LEASE.toSeconds(), RENEW.toMillis());
        assertTrue(moved.compareTo(LEASE.plus(RENEW).plus(SLACK)) <= 0, "moved after " + moved);
        assertTrue(db.leaseHolder().startsWith(survivor.pid() + "@"), "the survivor holds the lease");

        // PostgreSQL goes away under load: the last eighth of the desks are sending, and social insurance holds
        // each request a second, so deliveries are in flight when the database goes; their results come back to
        // a gateway that cannot record them, and are asked again (the agency suppresses the repeat).
        assertEquals(200, agency.http().put("sandbox/social-insurance/_faults", "{\"latencyMs\": 1000}").status());
        int receivedBefore = stats(agency, "social-insurance").getInt("received");
        duringOutage.countDown();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() ->
                stats(agency, "social-insurance").getInt("received") >= receivedBefore + 2);
        long pendingAtStop = db.count("SELECT COUNT(*) FROM dossier WHERE status <> 'COMPLETED'");
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
        // Four desks resend at once, as four desks sent.
        ExecutorService resending = Executors.newFixedThreadPool(4);
        List<Future<?>> resends = new ArrayList<>();
        for (int i = 0; i < LOAD; i++) {
            int n = i;
            if (!answered.containsKey(n) || group(n) && !scanned.contains(n)) {
                resends.add(resending.submit(() -> {
                    if (!answered.containsKey(n)) {
                        answered.put(n, resend(() -> submit(b, n)).json().getString("code"));
                    }
                    if (group(n) && !scanned.contains(n)) {
                        resend(() -> scan(b.commune(), n, answered.get(n)));
                        scanned.add(n);
                    }
                }));
            }
        }
        try {
            for (Future<?> r : resends) {
                r.get(120, TimeUnit.SECONDS);
            }
        } finally {
            resending.shutdownNow();
        }
        assertEquals(LOAD, Set.copyOf(answered.values()).size(), "one dossier per submission");
        phase("resent what was cut off or refused");
        long resent = System.nanoTime();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .until(() -> db.count("SELECT COUNT(*) FROM dossier WHERE status = 'COMPLETED'") == LOAD);
        System.out.printf("cluster: all %d dossiers (%d of them groups) COMPLETED on the survivor %.1f s after the "
                + "resends; %d groups were under way at the kill%n", LOAD, LOAD / 2, (System.nanoTime() - resent) / 1e9, groupsOpen);
        assertEquals(LOAD, db.count("SELECT COUNT(*) FROM dossier"), "no dossier twice");
        phase("all completed");
        Map<String, Integer> byCode = new HashMap<>();
        answered.forEach((n, code) -> byCode.put(code, n));
        eachStepActedOnOnce(db, agency, byCode);
        assertCodesGapFree(answered.values());
        noNoticeTwice(db, agency, byCode, noticesClaimed);
        noPaperTwice(db, byCode, papersClaimed);
        phase("steps, codes, notices and papers counted");
        assertEvidenceVerifies(survivor, db, killedAt);
        phase("message log and archive ledger checked");
    }

    /**
     * Every dossier has one agency message per step, each DONE with one result in its history, and the
     * sandbox, which de-duplicates by message id and outlived the dead node, acted exactly once per step.
     */
    private static void eachStepActedOnOnce(Database db, RunnableJar agency, Map<String, Integer> byCode) {
        Map<String, JsonObject> stats = new TreeMap<>();
        for (String id : LienThongFlows.AGENCIES) {
            stats.put(id, stats(agency, id));
        }
        System.out.println("cluster: the agencies counted " + stats);
        assertEquals(LOAD / 2, stats.get("civil-status").getInt("effects"), () -> "one birth or death registration per group: " + stats);
        assertEquals(LOAD / 2, stats.get("residence").getInt("effects"), () -> "one residence change per group: " + stats);
        assertEquals(LOAD, stats.get("social-insurance").getInt("effects"), () -> "one per dossier: " + stats);
        List<List<String>> messages = db.rows("SELECT dossier_code, operation, COUNT(*), MIN(status), MAX(status) "
                + "FROM agency_message GROUP BY dossier_code, operation");
        assertEquals(STEPS, messages.size(), "a message per dossier step");
        Map<String, Long> stepsPerDossier = new HashMap<>();
        for (List<String> m : messages) {
            assertEquals(List.of("1", "DONE", "DONE"), m.subList(2, 5), () -> "one message per step, done: " + m);
            stepsPerDossier.merge(m.get(0), 1L, Long::sum);
        }
        for (List<String> r : db.rows("SELECT d.code, COUNT(e.id) FROM dossier d LEFT JOIN dossier_event e "
                + "ON e.dossier_id = d.id AND e.kind = 'AGENCY_RESULT' GROUP BY d.code")) {
            long steps = group(byCode.get(r.get(0))) ? 3 : 1;
            assertEquals(steps, stepsPerDossier.get(r.get(0)), () -> "steps of " + r.get(0));
            assertEquals(steps, Long.parseLong(r.get(1)), () -> "one result per step in the history of " + r.get(0));
        }
    }

    /**
     * Each group's applicant asked for SMS: once every notice is sent, each group has exactly two (received,
     * result ready), the single dossiers none, and the SMS provider (the sandbox process, de-duplicating by
     * notice id) accepted exactly two for each applicant's phone.
     */
    private static void noNoticeTwice(Database db, RunnableJar agency, Map<String, Integer> byCode, long claimedAtKill) {
        await().atMost(CLAIM_LEASE.plusSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> db.count("SELECT COUNT(*) FROM citizen_notice WHERE status <> 'SENT'") == 0);
        Map<String, Long> perDossier = new HashMap<>();
        for (List<String> r : db.rows("SELECT dossier_code, event_key, channel, COUNT(*) FROM citizen_notice "
                + "GROUP BY dossier_code, event_key, channel")) {
            assertEquals("1", r.get(3), () -> "one notice per dossier, event and channel: " + r);
            assertEquals("SMS", r.get(2), r::toString);
            perDossier.merge(r.get(0), 1L, Long::sum);
        }
        Map<String, Long> perPhone = agency.http().get("sandbox/sms/_sent").json().getJsonArray("sent")
                .getValuesAs(JsonObject.class).stream()
                .collect(Collectors.groupingBy(m -> m.getString("to"), Collectors.counting()));
        JsonObject sms = agency.http().get("sandbox/sms/_stats").json();
        System.out.printf("cluster: %d notices, all SENT (%d in flight at the kill); the SMS provider %s%n",
                perDossier.values().stream().mapToLong(Long::longValue).sum(), claimedAtKill, sms);
        byCode.forEach((code, n) -> {
            long expected = group(n) ? 2 : 0;
            assertEquals(expected, perDossier.getOrDefault(code, 0L), () -> "notices of " + code);
            if (group(n)) {
                assertEquals(expected, perPhone.getOrDefault(phone(n), 0L), () -> "SMS sent to the applicant of " + code);
            }
        });
        assertEquals(LOAD, sms.getInt("sent"), sms::toString);
    }

    /**
     * Papers: every one ordered once (singles form 01, their result and form 06; groups form 01, three results
     * and form 06), none given up, each one made so far listed once among its dossier's documents, no dossier
     * holding more of a kind than it calls for, and each group its one scan. The papers the dead node's worker
     * held are waited for: their claims came back when the lease ran out, and the survivor made them, once.
     * The rest of the backlog is not: one worker of a node makes about 5 papers a second here (each signed
     * twice at PAdES-BASELINE-LT, on the IT's client compiler), and 1,200 would add minutes to the suite.
     */
    private static void noPaperTwice(Database db, Map<String, Integer> byCode, List<String> claimedAtKill) {
        String claimed = claimedAtKill.isEmpty() ? "-1" : String.join(",", claimedAtKill);
        try {
            await().atMost(CLAIM_LEASE.plusSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                    db.count("SELECT COUNT(*) FROM paper_job WHERE id IN (" + claimed + ") AND status <> 'DONE'") == 0);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the papers held at the kill are not all made: " + db.rows("SELECT id, dossier_code, "
                    + "source, status, attempts, last_error, claimed_until FROM paper_job WHERE id IN (" + claimed + ")"), e);
        }
        String paperJobs = "FROM paper_job WHERE source NOT LIKE 'lt:%'";
        assertEquals(List.of(), db.rows("SELECT dossier_code, source, last_error " + paperJobs + " AND status = 'FAILED'"),
                "no paper given up");
        Map<String, Map<String, Long>> ordered = perDossierAndKind(db.rows(
                "SELECT dossier_code, kind, COUNT(*) " + paperJobs + " GROUP BY dossier_code, kind"));
        Map<String, Map<String, Long>> made = perDossierAndKind(db.rows(
                "SELECT dossier_code, kind, COUNT(*) FROM dossier_document GROUP BY dossier_code, kind"));
        byCode.forEach((code, n) -> {
            Map<String, Long> papers = group(n)
                    ? Map.of("FORM_01", 1L, "RESULT", 3L, "FORM_06", 1L) : Map.of("FORM_01", 1L, "RESULT", 1L, "FORM_06", 1L);
            assertEquals(papers, ordered.get(code), () -> "papers ordered for " + code);
            Map<String, Long> documents = made.getOrDefault(code, Map.of());
            documents.forEach((kind, count) -> assertTrue(count <= papers.getOrDefault(kind, kind.equals("SCAN") ? 1L : 0L),
                    () -> "no more " + kind + " than called for in " + code + ": " + documents));
            assertEquals(group(n) ? 1L : 0L, documents.getOrDefault("SCAN", 0L), () -> "the scan of " + code);
        });
        long done = db.count("SELECT COUNT(*) " + paperJobs + " AND status = 'DONE'");
        assertEquals(0, db.count("SELECT COUNT(*) " + paperJobs + " AND status = 'DONE' AND NOT EXISTS (SELECT 1 FROM "
                + "dossier_document d WHERE d.dossier_code = paper_job.dossier_code AND d.source = paper_job.source)"),
                "every paper made is among its dossier's documents");
        // A paper deposited just before its job is marked done (now, or by the dead node) is listed already.
        assertEquals(0, db.count("SELECT COUNT(*) FROM dossier_document d WHERE kind <> 'SCAN' AND NOT EXISTS (SELECT 1 "
                + "FROM paper_job j WHERE j.dossier_code = d.dossier_code AND j.source = d.source)"),
                "every document besides the scans is an ordered paper (and the sources are unique per dossier)");
        System.out.printf("cluster: papers: %d ordered, %d made so far, each once; the %d a worker held at the kill "
                + "made since%n", db.count("SELECT COUNT(*) " + paperJobs), done, claimedAtKill.size());
    }

    private static Map<String, Map<String, Long>> perDossierAndKind(List<List<String>> rows) {
        return rows.stream().collect(Collectors.groupingBy(r -> r.get(0),
                Collectors.toMap(r -> r.get(1), r -> Long.parseLong(r.get(2)))));
    }

    private static long begun = System.nanoTime();

    /** Where the test's time goes (the suite is at its limit). */
    private static void phase(String what) {
        System.out.printf("cluster: %6.1f s %s%n", (System.nanoTime() - begun) / 1e9, what);
    }

    /**
     * Through haproxy (round robin over both nodes, adding X-Forwarded-For), two clients, 127.0.0.2 and
     * 127.0.0.3: each has its own look-up buckets (one per node, so 2 x the limit), where without trusted
     * proxies they would share the balancer's; and a change refused through it is audited with the
     * client's address, not the balancer's.
     */
    private static void twoClientsBehindTheBalancerGetTwoBucketsAndTheAuditTrailNamesThem(Balancer lb, RunnableJar first)
            throws IOException {
        String lookup = "/api/v1/public/dossiers/000.00.00.H30-000000-0001?phone=1234";
        int allowedX = 0;
        while (allowedX <= 4 * LOOKUPS_PER_MINUTE && statusFrom("127.0.0.2", lb.port(), "GET", lookup) != 429) {
            allowedX++;
        }
        int firstOfY = statusFrom("127.0.0.3", lb.port(), "GET", lookup);
        System.out.printf("cluster: behind haproxy, client 127.0.0.2 had %d look-ups before 429 (limit %d per node, "
                + "2 nodes); then client 127.0.0.3 was answered %d%n", allowedX, LOOKUPS_PER_MINUTE, firstOfY);
        // 2 x the limit, give or take the token that refills in the time the calls take.
        assertTrue(allowedX >= 2 * LOOKUPS_PER_MINUTE && allowedX <= 2 * LOOKUPS_PER_MINUTE + 1, "allowed " + allowedX);
        assertNotEquals(429, firstOfY, "the second client has a bucket of its own");

        assertEquals(401, statusFrom("127.0.0.2", lb.port(), "POST", "/api/v1/dossiers"));
        GatewayHttp admin = first.http().as(first.tokens().token(DemoTokens.ADMIN, AGENCY));
        List<JsonObject> refused = admin.get("api/v1/admin/audit?limit=50").jsonArray()
                .getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getInt("status") == 401 && e.getString("target").equals("/dossiers")).toList();
        assertEquals(1, refused.size(), refused::toString);
        assertEquals("127.0.0.2", refused.get(0).getString("client"), "the audit trail names the forwarded client");
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
     * the archive ledger, appended by both, verifies; each group lists one archived scan.
     */
    private static void assertEvidenceVerifies(RunnableJar survivor, Database db, Instant killedAt) {
        GatewayHttp admin = survivor.http().as(survivor.tokens().token(DemoTokens.ADMIN, AGENCY));
        JsonObject log = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> admin.get("api/v1/admin/message-log/verify").json(),
                        v -> v.getJsonNumber("unsignedRecords").longValue() == 0);
        System.out.println("cluster: message log " + log);
        assertTrue(log.getBoolean("ok"), log::toString);
        assertTrue(log.getJsonNumber("records").longValue() >= 2L * STEPS, () -> "a request and a response per step: " + log);
        GatewayHttp auditor = survivor.http().as(survivor.tokens().token(DemoTokens.AUDITOR, AGENCY));
        JsonObject ledger = auditor.get("api/v1/archive/ledger/verify").json();
        System.out.println("cluster: archive ledger " + ledger);
        assertTrue(ledger.getBoolean("intact"), ledger::toString);
        assertTrue(ledger.getInt("entries") >= LOAD / 2, () -> "an entry per scan at least: " + ledger);
        assertEquals(LOAD / 2, db.count("SELECT COUNT(DISTINCT dossier_code) FROM dossier_document WHERE kind = 'SCAN'"),
                "every group lists its scan");
        assertEquals(LOAD / 2, db.count("SELECT COUNT(*) FROM dossier_document WHERE kind = 'SCAN'"), "each group one scan");
        // A scan the killed node had archived but not yet listed when it died is archived again on the
        // desk's resend (the archive and the database are not one transaction): the first copy stays in
        // the append-only archive, listed nowhere. Only the dead node can leave one, so it predates the kill.
        List<String> unlisted = db.column("SELECT r.id || ' ' || CAST(r.created_at AS VARCHAR(40)) FROM "
                + "archive_index.archive_record r WHERE r.document_type = 'scan' AND NOT EXISTS "
                + "(SELECT 1 FROM dossier_document d WHERE d.archive_id = r.id)");
        long unlistedAfterKill = db.count("SELECT COUNT(*) FROM archive_index.archive_record r WHERE r.document_type = 'scan' "
                + "AND r.created_at > TIMESTAMP WITH TIME ZONE '" + killedAt + "' AND NOT EXISTS "
                + "(SELECT 1 FROM dossier_document d WHERE d.archive_id = r.id)");
        assertEquals(0, unlistedAfterKill, () -> "scans archived twice after the kill: " + unlisted);
        GatewayHttp.Reply scans = auditor.get("api/v1/archive/records?kind=SCAN&limit=500");
        assertEquals(200, scans.status(), scans::toString);
        assertEquals(LOAD / 2 + unlisted.size(), scans.json().getJsonArray("items").size(), "each scan archived once, "
                + "but for those the killed node archived and did not list: " + unlisted);
        System.out.printf("cluster: %d scans listed, each archived once; %d archived by the killed node before "
                + "its death and not listed %s%n", LOAD / 2, unlisted.size(), unlisted);
    }

    /** A node's own data dir, whose keys, attachments and archive are the shared ones (what every node mounts). */
    private static Path nodeData(Path work, Path shared, String node) {
        return dataDir(work, shared, node, List.of("keys", "attachments", "archive"));
    }

    /**
     * The sandbox process's data dir: its effects ledger, owed callbacks and embedded database are its own; its
     * keys are the cluster's, so that it finds the DEMO keys a node made (one DEMO CA in a cluster).
     */
    private static Path agencyData(Path work, Path shared) {
        return dataDir(work, shared, "agency", List.of("keys"));
    }

    private static Path dataDir(Path work, Path shared, String process, List<String> sharedParts) {
        try {
            Path data = Files.createDirectories(work.resolve(process + "-data"));
            for (String part : sharedParts) {
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

    /** A desk officer of each receiving unit, at one node: the ministry's unit for singles, the commune for groups. */
    private record Desks(GatewayHttp agency, GatewayHttp commune) {

        static Desks of(RunnableJar node) {
            return new Desks(node.http().as(node.tokens().token(DemoTokens.DESK_OFFICER, AGENCY)),
                    node.http().as(node.tokens().token(DemoTokens.DESK_OFFICER, COMMUNE)));
        }
    }

    /** Odd submissions are liên thông groups with a scan, even ones single-step dossiers. */
    private static boolean group(int n) {
        return n % 2 == 1;
    }

    /** Group n is a birth (3.000722) or a death (2.002913), in turns of two, so each node gets both. */
    private static boolean birth(int n) {
        return n / 4 % 2 == 0;
    }

    /** The phone the group's applicant gave (LienThongFlows ends it with the ID's last five digits). */
    private static String phone(int n) {
        return (birth(n) ? "09123" : "09876") + String.format("%05d", n);
    }

    /** Submission n, always with the same citizen and the same Idempotency-Key. */
    private static GatewayHttp.Reply submit(Desks desks, int n) {
        String body = !group(n) ? GatewayHttp.submission("1.000240", AGENCY, String.format("0012900%05d", n))
                : birth(n) ? LienThongFlows.birth(String.format("0011900%05d", n))
                : LienThongFlows.death(String.format("0011600%05d", n));
        GatewayHttp http = group(n) ? desks.commune() : desks.agency();
        return http.send(HttpRequest.newBuilder(http.resolve("api/v1/dossiers"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "cluster-" + n)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The one scanned page of group n, always the same bytes and the same Idempotency-Key. */
    private static GatewayHttp.Reply scan(GatewayHttp http, int n, String code) {
        return Scans.upload(http, code, "cluster-scan-" + n, List.of(Scans.jpeg(n)));
    }

    /**
     * A desk's resend after the kill and the outage: taken (201) or found taken (200). A 503 ("try again
     * later") is tried again: the first archive call after PostgreSQL's restart finds the archive index's
     * connection dropped and fails; the next one opens a new connection (RecordIndex).
     */
    private static GatewayHttp.Reply resend(java.util.function.Supplier<GatewayHttp.Reply> send) {
        GatewayHttp.Reply r = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(send::get, reply -> reply.status() != 503);
        assertTrue(r.status() == 201 || r.status() == 200, () -> "resent: " + r);
        return r;
    }

    /** What one sandbox agency received and acted on. */
    private static JsonObject stats(RunnableJar agencies, String agency) {
        return agencies.http().get("sandbox/" + agency + "/_stats").json();
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

    /** The cluster's database as the test reads it: counts and rows, each on a connection of its own. */
    private record Database(Map<String, String> environment) {

        /** Who holds the run-once lease now. */
        String leaseHolder() {
            List<String> holder = column("SELECT holder FROM run_once_lease WHERE name = 'gateway-run-once'");
            return holder.isEmpty() || holder.get(0) == null ? "" : holder.get(0);
        }

        long count(String sql) {
            return Long.parseLong(column(sql).get(0));
        }

        List<String> column(String sql) {
            return rows(sql).stream().map(r -> r.get(0)).toList();
        }

        List<List<String>> rows(String sql) {
            try (Connection c = DriverManager.getConnection(environment.get("LIENTHONG_DB_URL"),
                    environment.get("LIENTHONG_DB_USER"), environment.get("LIENTHONG_DB_PASSWORD"));
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery(sql)) {
                List<List<String>> rows = new ArrayList<>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>(columns);
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getString(i));
                    }
                    rows.add(row);
                }
                return rows;
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read the cluster's database: " + sql, e);
            }
        }
    }

    /**
     * Debian's haproxy in front of the two nodes, as scripts/cluster runs it: round robin, a node out while
     * its /health/ready fails (checked every half second, out after two failures), a request refused by a
     * dead node sent to the other, X-Forwarded-For added. Its statistics page tells when both nodes are in.
     */
    private record Balancer(Process process, int port, int statsPort) implements AutoCloseable {

        static Balancer start(Path work, int... nodes) throws IOException {
            Path haproxy = Path.of("/usr/sbin/haproxy");
            assertTrue(Files.isExecutable(haproxy), "ClusterIT needs Debian's haproxy (apt-get install haproxy), as scripts/cluster");
            int port = RunnableJar.freePort();
            int statsPort = RunnableJar.freePort();
            StringBuilder servers = new StringBuilder();
            for (int i = 0; i < nodes.length; i++) {
                servers.append("  server node").append(i + 1).append(" 127.0.0.1:").append(nodes[i])
                        .append(" check inter 500 fall 2 rise 2\n");
            }
            Path cfg = Files.writeString(Files.createDirectories(work).resolve("haproxy.cfg"), """
                    global
                      maxconn 512
                    defaults
                      mode http
                      option redispatch
                      retries 2
                      timeout connect 2s
                      timeout client 60s
                      timeout server 60s
                    frontend lb
                      bind 127.0.0.1:%d
                      option forwardfor
                      default_backend nodes
                    backend nodes
                      balance roundrobin
                      option httpchk GET /health/ready
                      http-check expect status 200
                    %slisten stats
                      bind 127.0.0.1:%d
                      stats enable
                      stats uri /stats
                    """.formatted(port, servers, statsPort));
            Process process = new ProcessBuilder(haproxy.toString(), "-db", "-f", cfg.toString())
                    .redirectErrorStream(true).redirectOutput(cfg.resolveSibling("haproxy.log").toFile()).start();
            Balancer lb = new Balancer(process, port, statsPort);
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                    .failFast("haproxy exited; see " + cfg.resolveSibling("haproxy.log"), () -> !process.isAlive())
                    .until(() -> lb.serversUp() >= 0);
            return lb;
        }

        String baseUrl() {
            return "http://127.0.0.1:" + port;
        }

        /** Until haproxy's own checks have put {@code count} nodes in. */
        void awaitServersUp(int count) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> serversUp() == count);
        }

        /** The nodes haproxy sends requests to now, from its statistics (CSV: proxy, server, ..., status). */
        int serversUp() {
            String csv = new GatewayHttp(URI.create("http://127.0.0.1:" + statsPort + "/")).get("stats;csv").body();
            return (int) csv.lines().map(l -> l.split(","))
                    .filter(f -> f.length > 17 && f[0].equals("nodes") && f[1].startsWith("node") && f[17].equals("UP"))
                    .count();
        }

        @Override
        public void close() {
            process.destroy();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
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
