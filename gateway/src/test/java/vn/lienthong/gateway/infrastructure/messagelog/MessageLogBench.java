package vn.lienthong.gateway.infrastructure.messagelog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

import vn.lienthong.gateway.domain.messagelog.ChainHash;
import vn.lienthong.gateway.domain.messagelog.ChainSigner;
import vn.lienthong.gateway.domain.messagelog.LoggedMessage;
import vn.lienthong.gateway.domain.messagelog.MessageRecord;
import vn.lienthong.gateway.domain.messagelog.Verification;

/**
 * How many records per second the message log sustains, and what it adds to an exchange (a
 * request and a response record), next to the raw SHA-256 rate over the same records in the same
 * run. Not a test: run by hand (docs/message-log.md says how). Default database: an H2 file in a
 * temporary directory, as the embedded default; {@code --postgres URL USER PASSWORD} for PostgreSQL.
 */
public final class MessageLogBench {

    private static final int WARM_UP = 2_000;

    private MessageLogBench() {
    }

    public static void main(String[] args) throws Exception {
        int records = 20_000;
        DataSource db;
        Path tmp = null;
        String where;
        if (args.length >= 4 && args[0].equals("--postgres")) {
            PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
            pg.setURL(args[1]);
            pg.setUser(args[2]);
            pg.setPassword(args[3]);
            db = JdbcConnectionPool.create(pg); // pooled, as the container's DataSource is
            where = "PostgreSQL " + args[1];
        } else {
            tmp = Files.createTempDirectory("message-log-bench");
            // As the gateway's embedded DataSource (GatewayDataSource), pooled, in a temporary directory.
            db = JdbcConnectionPool.create("jdbc:h2:file:" + tmp.resolve("db/lienthong")
                    + ";LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE", "lienthong", "lienthong");
            where = "H2 file " + tmp;
        }
        Flyway.configure(MessageLogBench.class.getClassLoader()).dataSource(db).locations("classpath:db/migration")
                .load().migrate();
        System.out.printf(Locale.ROOT, "Message log benchmark on %s, %d CPUs, load %s%n", where,
                Runtime.getRuntime().availableProcessors(), loadAverage());

        LoggedMessage request = TestMessageLogs.request(1);
        LoggedMessage response = TestMessageLogs.response(1);
        System.out.printf(Locale.ROOT, "record sizes: request body %d B, response body %d B%n",
                request.body().getBytes(StandardCharsets.UTF_8).length, response.body().getBytes(StandardCharsets.UTF_8).length);

        double shaBefore = rawSha256(request, 200_000);
        ChainSigner signer = TestMessageLogs.gatewaySigner();
        run(db, signer, "1 caller, group commit", 1, records, 500);
        run(db, signer, "16 callers, group commit", 16, records, 500);
        run(db, signer, "16 callers, one record per transaction", 16, records / 4, 1);
        double shaAfter = rawSha256(request, 200_000);
        System.out.printf(Locale.ROOT, "raw SHA-256 of the canonical record encoding: %.0f records/s before, %.0f after%n",
                shaBefore, shaAfter);

        long t0 = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            signer.sign(vn.lienthong.gateway.domain.messagelog.SignedBatch.content(1, 1000, ChainHash.GENESIS));
        }
        System.out.printf(Locale.ROOT, "one batch signature (RSA-2048 PSS, CMS): %.2f ms%n", (System.nanoTime() - t0) / 20 / 1e6);

        try (ChainedMessageLog log = new ChainedMessageLog(db, () -> signer, Clock.systemUTC(), Thread::new,
                new ChainedMessageLog.Settings(1000, 500, Duration.ofSeconds(60)))) {
            long v0 = System.nanoTime();
            Verification v = log.verify();
            double seconds = (System.nanoTime() - v0) / 1e9;
            System.out.printf(Locale.ROOT, "verify: ok=%s, %d records, %d batches in %.2f s (%.0f records/s)%n",
                    v.ok(), v.records(), v.batches(), seconds, v.records() / seconds);
        }
        ((JdbcConnectionPool) db).dispose();
        if (tmp != null) {
            deleteTree(tmp);
        }
    }

    private static void run(DataSource db, ChainSigner signer, String name, int threads, int records, int maxGroup)
            throws Exception {
        try (ChainedMessageLog log = new ChainedMessageLog(db, () -> signer, Clock.systemUTC(), Thread::new,
                new ChainedMessageLog.Settings(1000, maxGroup, Duration.ofSeconds(60)))) {
            drive(log, 1, WARM_UP); // JIT, pool and file warm-up
            long started = System.nanoTime();
            long[] latencies = drive(log, threads, records);
            double seconds = (System.nanoTime() - started) / 1e9;
            Arrays.sort(latencies);
            System.out.printf(Locale.ROOT, "%-40s %7.0f records/s  append p50 %.3f ms  p99 %.3f ms  "
                            + "(an exchange = 2 appends: p50 %.3f ms added)%n", name, records / seconds,
                    pct(latencies, 50), pct(latencies, 99), 2 * pct(latencies, 50));
        }
    }

    /** {@code threads} callers append {@code records} in all, alternating request and response; each append timed. */
    private static long[] drive(ChainedMessageLog log, int threads, int records) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        int each = records / threads;
        List<Future<long[]>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t * each;
            futures.add(pool.submit(() -> {
                go.await();
                long[] times = new long[each];
                for (int i = 0; i < each; i++) {
                    LoggedMessage m = (i % 2 == 0) ? TestMessageLogs.request(offset + i) : TestMessageLogs.response(offset + i);
                    long t0 = System.nanoTime();
                    MessageRecord r = log.append(m);
                    times[i] = System.nanoTime() - t0;
                    if (r.id() <= 0) {
                        throw new IllegalStateException("no id");
                    }
                }
                return times;
            }));
        }
        go.countDown();
        long[] all = new long[each * threads];
        int n = 0;
        for (Future<long[]> f : futures) {
            long[] part = f.get();
            System.arraycopy(part, 0, all, n, part.length);
            n += part.length;
        }
        pool.shutdown();
        return all;
    }

    /** The hash alone: the canonical encoding of one record through SHA-256, no database. */
    private static double rawSha256(LoggedMessage m, int n) {
        MessageRecord template = MessageRecord.chain(1, m, Instant.now(), ChainHash.GENESIS);
        String previous = ChainHash.GENESIS;
        for (int i = 0; i < n; i++) { // as many again to warm up the JIT
            previous = ChainHash.of(i, template.kind(), template.agencyId(), template.messageId(), template.dossierCode(),
                    template.httpStatus(), template.headers(), template.body(), template.loggedAt(), previous);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            previous = ChainHash.of(i, template.kind(), template.agencyId(), template.messageId(), template.dossierCode(),
                    template.httpStatus(), template.headers(), template.body(), template.loggedAt(), previous);
        }
        double perSecond = n / ((System.nanoTime() - t0) / 1e9);
        if (previous.isEmpty()) {
            throw new IllegalStateException();
        }
        return perSecond;
    }

    private static double pct(long[] sortedNanos, int percentile) {
        int i = (int) Math.min(sortedNanos.length - 1, Math.ceil(percentile / 100.0 * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, i)] / 1e6;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
