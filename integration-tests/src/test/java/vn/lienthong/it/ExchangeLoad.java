package vn.lienthong.it;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A load harness (not a test): drives a running gateway with BHYT re-issue dossiers (1.000240),
 * each one exchange with the social insurance sandbox over SOAP, and prints exchanges/s and the
 * submit-to-result latency next to the same SOAP call made directly to the sandbox in the same run.
 *
 * <pre>
 * mvn -q -pl gateway,integration-tests -am -DskipTests package dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -Xmx512m -jar gateway/target/lienthong-gateway.jar &amp;
 * java -cp integration-tests/target/test-classes:$(cat integration-tests/cp.txt) vn.lienthong.it.ExchangeLoad \
 *     http://127.0.0.1:8080 ./data 2000 16 1000
 * </pre>
 * Arguments: base URL, the gateway's data dir (for a demo token), exchanges, concurrent desks,
 * warm-up exchanges (default 0): the same work, done first and not timed, so the JIT has compiled
 * the paths before the clock starts (the first thousand requests of a fresh JVM run interpreted),
 * and an offered rate per second (default 0).
 *
 * <p>With rate 0 the desks submit as fast as they are answered (closed loop): that finds the most
 * the gateway completes per second, and its latencies are mostly queueing behind the backlog. With
 * a rate, submissions leave on a fixed schedule whatever the answers (open loop), and the direct
 * sandbox calls are paced the same way: that measures the latency an exchange gets, and what the
 * gateway adds to it, at a load it sustains.
 */
public final class ExchangeLoad {

    static final String AGENCY = "000.00.00.H30";

    private ExchangeLoad() {
    }

    public static void main(String[] args)
            throws IOException, InterruptedException, ExecutionException, TimeoutException {
        URI base = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8080");
        Path dataDir = Path.of(args.length > 1 ? args[1] : "./data");
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        double rate = args.length > 5 ? Double.parseDouble(args[5]) : 0;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String token = DemoTokens.of(dataDir).token(DemoTokens.DESK_OFFICER, AGENCY);
        // The gateway's own CPU: every unit of work below is also reported as CPU over units done.
        ProcessCpu gatewayCpu = ProcessCpu.of(Long.getLong("lienthong.load.gateway-pid", -1));
        // A database server apart (PostgreSQL) does the gateway's work too, so it is counted beside it.
        ProcessCpu databaseCpu = ProcessCpu.tree(Long.getLong("lienthong.load.database-pid", -1));
        if (warmUp > 0) {
            directSandbox(http, base, warmUp, concurrency);
            long before = completed(http, base, token);
            submitAll(http, base, token, warmUp, concurrency, "0012");
            Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> completed(http, base, token) >= before + warmUp);
            System.out.printf("warm-up: %d exchanges done%n", warmUp);
        }

        // The floor under both columns: this client and the server's HTTP stack, on a servlet that does nothing.
        long trivialStart = System.nanoTime();
        long trivialCpu = gatewayCpu.nanos();
        List<Long> trivial = timedCalls(n, concurrency, i -> HttpRequest.newBuilder(
                base.resolve("/sandbox/social-insurance/_stats")).build(), http);
        trivialCpu = gatewayCpu.nanos() - trivialCpu;
        double trivialRate = trivial.size() / ((System.nanoTime() - trivialStart) / 1e9);
        long directStart = System.nanoTime();
        long directCpu = gatewayCpu.nanos();
        List<Long> direct = rate > 0 ? pacedDirectSandbox(http, base, n, rate) : directSandbox(http, base, n, concurrency);
        directCpu = gatewayCpu.nanos() - directCpu;
        double directRate = direct.size() / ((System.nanoTime() - directStart) / 1e9);
        long baseline = completed(http, base, token);

        ServerCpu cpu = ServerCpu.fromEnvironment();
        long[] cpuAtStart = cpu.millis();
        long start = System.nanoTime();
        long exchangeCpu = gatewayCpu.nanos();
        long exchangeDbCpu = databaseCpu.nanos();
        long clientCpu = ProcessCpu.self().nanos();
        Instant startedAt = Instant.now();
        List<String> codes = rate > 0 ? submitPaced(http, base, token, n, rate, "0011")
                : submitAll(http, base, token, n, concurrency, "0011");
        double submitSeconds = (System.nanoTime() - start) / 1e9;
        // Polled slowly: each poll is a counted search the gateway must serve, load the harness adds.
        // The end of the run is the last result's own timestamp, so the poll period does not blur it.
        Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> completed(http, base, token) >= baseline + n);
        long[] cpuAtLastResult = cpu.millis();
        long[] cpuWhenQuiet = cpu.quiet();
        exchangeCpu = gatewayCpu.nanos() - exchangeCpu;
        exchangeDbCpu = databaseCpu.nanos() - exchangeDbCpu;
        clientCpu = ProcessCpu.self().nanos() - clientCpu;
        double exchangeWall = (System.nanoTime() - start) / 1e9;
        List<Long> latencies = new ArrayList<>();
        Instant lastResult = startedAt;
        for (String code : codes) {
            JsonObject d = get(http, base.resolve("/api/v1/dossiers/" + code), token);
            OffsetDateTime received = OffsetDateTime.parse(d.getString("receivedAt"));
            OffsetDateTime done = OffsetDateTime.parse(d.getJsonArray("exchanges").getJsonObject(0).getString("updatedAt"));
            latencies.add(Duration.between(received, done).toNanos());
            lastResult = done.toInstant().isAfter(lastResult) ? done.toInstant() : lastResult;
        }
        double allSeconds = Duration.between(startedAt, lastResult).toNanos() / 1e9;
        Collections.sort(latencies);
        Collections.sort(direct);
        Collections.sort(trivial);
        System.out.printf("%n| figure | through the gateway | sandbox called directly |%n| --- | --- | --- |%n");
        System.out.printf("| exchanges | %d (%s) | %d |%n", n,
                rate > 0 ? String.format("offered at %.0f/s, open loop", rate) : concurrency + " desks", direct.size());
        System.out.printf("| exchanges/s, submit to last result | %.0f (submits alone: %.0f/s) | %.0f calls/s |%n",
                n / allSeconds, n / submitSeconds, directRate);
        System.out.printf("| latency p50 / p99 | %.1f / %.1f ms (receipt to agency result) | %.1f / %.1f ms |%n",
                ms(latencies, 0.50), ms(latencies, 0.99), ms(direct, 0.50), ms(direct, 0.99));
        System.out.printf("| added at the median | %.1f ms | |%n", ms(latencies, 0.50) - ms(direct, 0.50));
        if (cpu.watched()) {
            System.out.printf("| CPU per exchange, gateways + PostgreSQL, to the last result | %.1f + %.1f = %.1f ms | |%n",
                    (cpuAtLastResult[0] - cpuAtStart[0]) / (double) n, (cpuAtLastResult[1] - cpuAtStart[1]) / (double) n,
                    (cpuAtLastResult[0] + cpuAtLastResult[1] - cpuAtStart[0] - cpuAtStart[1]) / (double) n);
            System.out.printf("| CPU per exchange, gateways + PostgreSQL, until quiet (papers done) | %.1f + %.1f = %.1f ms | |%n",
                    (cpuWhenQuiet[0] - cpuAtStart[0]) / (double) n, (cpuWhenQuiet[1] - cpuAtStart[1]) / (double) n,
                    (cpuWhenQuiet[0] + cpuWhenQuiet[1] - cpuAtStart[0] - cpuAtStart[1]) / (double) n);
        }
        System.out.printf("| this client + HTTP stack alone (GET _stats) | | %.0f calls/s, p50 / p99 %.1f / %.1f ms |%n",
                trivialRate, ms(trivial, 0.50), ms(trivial, 0.99));
        System.out.printf("%n| gateway CPU (user + system, /proc) | per unit | ratio to one trivial GET |%n| --- | --- | --- |%n");
        double perGet = trivialCpu / 1e6 / trivial.size();
        double perDirect = directCpu / 1e6 / direct.size();
        double perExchange = exchangeCpu / 1e6 / n;
        System.out.printf("| trivial GET (_stats) | %.2f ms | 1 |%n", perGet);
        System.out.printf("| sandbox SOAP call made directly (the sandbox's own cost, in the gateway's JVM) | %.2f ms | %.1f |%n",
                perDirect, perDirect / perGet);
        System.out.printf("| exchange: intake POST to agency result recorded (sandbox call and 250 ms polls included) | %.2f ms | %.1f |%n",
                perExchange, perExchange / perGet);
        if (databaseCpu.pid() > 0) {
            System.out.printf("| the database server's CPU per exchange (PostgreSQL, all its processes) | %.2f ms | gateway + database: %.1f |%n",
                    exchangeDbCpu / 1e6 / n, (exchangeCpu + exchangeDbCpu) / 1e6 / n / perGet);
        }
        System.out.printf("| gateway cores busy during the exchanges | %.2f of %d | load client: %.2f |%n",
                exchangeCpu / 1e9 / exchangeWall, Runtime.getRuntime().availableProcessors(), clientCpu / 1e9 / exchangeWall);
        // One line for scripts/cost-report to read.
        System.out.printf("exchange-load: mode=%s done_per_s=%.1f offered_per_s=%.0f cpu_ms=%.2f db_cpu_ms=%.2f get_ms=%.2f "
                        + "direct_ms=%.2f added_p50_ms=%.1f p99_ms=%.1f get_per_s=%.0f%n", rate > 0 ? "open" : "closed",
                n / allSeconds, rate, perExchange, exchangeDbCpu / 1e6 / n, perGet, perDirect,
                ms(latencies, 0.50) - ms(direct, 0.50), ms(latencies, 0.99), trivialRate);
    }

    /** Submits n dossiers from concurrent desks; answers their codes once every intake has answered. */
    private static List<String> submitAll(HttpClient http, URI base, String token, int n, int concurrency, String idPrefix)
            throws InterruptedException, ExecutionException, TimeoutException {
        ExecutorService desks = Executors.newFixedThreadPool(concurrency);
        List<Future<String>> submitted = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String citizenId = String.format("%s%08d", idPrefix, i);
            submitted.add(desks.submit(() -> submit(http, base, token, citizenId)));
        }
        List<String> codes = new ArrayList<>();
        for (Future<String> f : submitted) {
            codes.add(f.get(120, TimeUnit.SECONDS));
        }
        desks.shutdown();
        return codes;
    }

    /** Submits n dossiers on a fixed schedule, {@code rate} per second, whatever the answers. */
    private static List<String> submitPaced(HttpClient http, URI base, String token, int n, double rate, String idPrefix)
            throws InterruptedException, ExecutionException, TimeoutException {
        return paced(n, rate, i -> () -> submit(http, base, token, String.format("%s%08d", idPrefix, i)));
    }

    /** The same SOAP calls as {@link #directSandbox}, paced like {@link #submitPaced}; answers each round trip. */
    private static List<Long> pacedDirectSandbox(HttpClient http, URI base, int n, double rate)
            throws InterruptedException, ExecutionException, TimeoutException {
        return paced(n, rate, i -> {
            HttpRequest r = soapCall(base, i);
            return () -> {
                long t = System.nanoTime();
                HttpResponse<String> answer = http.send(r, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(r.uri() + " answered " + answer.statusCode() + ": " + answer.body());
                }
                return System.nanoTime() - t;
            };
        });
    }

    /**
     * Runs task i at start + i / rate seconds, on enough threads that a slow answer never delays the
     * next departure (an open loop: the schedule, not the answers, sets the load).
     */
    static <T> List<T> paced(int n, double rate, IntFunction<Callable<T>> task)
            throws InterruptedException, ExecutionException, TimeoutException {
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(64);
        long start = System.nanoTime() + 50_000_000L;
        List<ScheduledFuture<T>> runs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long departure = start + (long) (i * 1e9 / rate);
            runs.add(clock.schedule(task.apply(i), departure - System.nanoTime(), TimeUnit.NANOSECONDS));
        }
        List<T> results = new ArrayList<>();
        for (ScheduledFuture<T> run : runs) {
            results.add(run.get(120 + (long) (n / rate), TimeUnit.SECONDS));
        }
        clock.shutdown();
        return results;
    }

    private static HttpRequest soapCall(URI base, int i) {
        String id = "bench-direct-" + System.nanoTime() + "-" + i;
        String envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:vss=\"urn:vn:vss:lienthong:1\"><soap:Header><vss:MessageId>" + id + "</vss:MessageId>"
                + "</soap:Header><soap:Body><vss:YeuCau><vss:NghiepVu>BHYT_CARD_REISSUE</vss:NghiepVu>"
                + "<vss:MaHoSo>" + AGENCY + "-261122-0001</vss:MaHoSo></vss:YeuCau></soap:Body></soap:Envelope>";
        return HttpRequest.newBuilder(base.resolve("/sandbox/social-insurance/ws"))
                .header("Content-Type", "text/xml; charset=utf-8").header("X-Request-Id", id)
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build();
    }

    private static List<Long> directSandbox(HttpClient http, URI base, int n, int concurrency)
            throws InterruptedException, ExecutionException, TimeoutException {
        return timedCalls(n, concurrency, i -> soapCall(base, i), http);
    }

    /** Sends n requests from concurrent callers; answers each one's round trip in nanoseconds. */
    private static List<Long> timedCalls(int n, int concurrency, IntFunction<HttpRequest> request, HttpClient http)
            throws InterruptedException, ExecutionException, TimeoutException {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<Long>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            HttpRequest r = request.apply(i);
            calls.add(pool.submit(() -> {
                long t = System.nanoTime();
                HttpResponse<String> answer = http.send(r, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(r.uri() + " answered " + answer.statusCode() + ": " + answer.body());
                }
                return System.nanoTime() - t;
            }));
        }
        List<Long> latencies = new ArrayList<>();
        for (Future<Long> f : calls) {
            latencies.add(f.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return latencies;
    }

    static String submit(HttpClient http, URI base, String token, String citizenId) throws IOException, InterruptedException {
        String body = """
                {"procedureCode": "1.000240", "agencyCode": "%s", "channel": "COUNTER", "formData": {},
                 "applicant": {"fullName": "Nguyễn Văn Tải", "citizenId": "%s", "phone": "0912345678"}}
                """.formatted(AGENCY, citizenId);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/dossiers"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("intake answered " + r.statusCode() + ": " + r.body());
        }
        return Json.createReader(new StringReader(r.body())).readObject().getString("code");
    }

    static long completed(HttpClient http, URI base, String token) throws IOException, InterruptedException {
        return get(http, base.resolve("/api/v1/dossiers?agency=" + AGENCY + "&status=COMPLETED&size=1"), token)
                .getJsonNumber("total").longValue();
    }

    private static JsonObject get(HttpClient http, URI uri, String token) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) (quantile * sorted.size()))) / 1e6;
    }

    /**
     * The CPU time the servers used, from /proc (Linux): the gateway JVMs named by
     * {@code LIENTHONG_LOAD_CPU_PIDS} (comma-separated), and PostgreSQL's postmaster named by
     * {@code LIENTHONG_LOAD_POSTGRES_PID} with its backends (living ones, and those that ended, through
     * the postmaster's children's times). Neither set: nothing is watched.
     */
    record ServerCpu(List<Long> gateways, long postmaster) {

        /** Clock ticks per second of /proc's times (USER_HZ, 100 on Linux). */
        private static final long TICKS = 100;

        static ServerCpu fromEnvironment() {
            String pids = System.getenv().getOrDefault("LIENTHONG_LOAD_CPU_PIDS", "");
            String pm = System.getenv().getOrDefault("LIENTHONG_LOAD_POSTGRES_PID", "");
            return new ServerCpu(java.util.Arrays.stream(pids.split(",")).map(String::strip).filter(p -> !p.isEmpty())
                    .map(Long::parseLong).toList(), pm.isBlank() ? -1 : Long.parseLong(pm.strip()));
        }

        boolean watched() {
            return !gateways.isEmpty();
        }

        /** {gateways, PostgreSQL} in milliseconds of CPU. */
        long[] millis() {
            long gw = gateways.stream().mapToLong(p -> ticks(p, false)).sum();
            long pg = 0;
            if (postmaster > 0) {
                pg = ticks(postmaster, true);
                try (var procs = java.nio.file.Files.list(Path.of("/proc"))) {
                    for (Path proc : procs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                        String[] f = stat(Long.parseLong(proc.getFileName().toString()));
                        if (f != null && Long.parseLong(f[1]) == postmaster) {
                            pg += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                        }
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return new long[] {gw * 1000 / TICKS, pg * 1000 / TICKS};
        }

        /** The times once the servers have been idle (under 10 % of a core) for two seconds; at most 3 minutes. */
        long[] quiet() {
            AtomicReference<long[]> last = new AtomicReference<>(millis());
            try {
                return Awaitility.await().pollDelay(Duration.ofSeconds(2)).pollInterval(Duration.ofSeconds(2))
                        .atMost(Duration.ofMinutes(3))
                        .until(() -> {
                            long[] before = last.getAndSet(millis());
                            return new long[][] {before, last.get()};
                        }, pair -> pair[1][0] + pair[1][1] - pair[0][0] - pair[0][1] < 200)[1];
            } catch (ConditionTimeoutException stillBusy) {
                return last.get();
            }
        }

        private static long ticks(long pid, boolean withEndedChildren) {
            String[] f = stat(pid);
            if (f == null) {
                return 0;
            }
            long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return withEndedChildren ? t + Long.parseLong(f[13]) + Long.parseLong(f[14]) : t;
        }

        /** The fields of /proc/pid/stat after the command name: [0] state, [1] ppid, [11] utime, [12] stime, [13] cutime, [14] cstime. */
        private static String[] stat(long pid) {
            try {
                String line = java.nio.file.Files.readString(Path.of("/proc/" + pid + "/stat"));
                return line.substring(line.lastIndexOf(')') + 2).split(" ");
            } catch (IOException e) {
                return null;
            }
        }
    }
}
