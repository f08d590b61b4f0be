package vn.lienthong.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load harness (not a test): whether a gateway with papers on keeps up with a steady stream of
 * dossiers. It offers BHYT re-issues (1.000240: one SOAP exchange, then three papers: form 01 at
 * intake, the agency's result and form 06 at completion) at a fixed rate, open loop, for a warm-up
 * and then a measured window, and every 15 s prints what was submitted, completed and made into
 * papers, and the paper backlog. It ends with the dossiers/s the window sustained, whether the
 * backlogs stayed flat, and the gateway's CPU per dossier with its three papers.
 *
 * <pre>
 * java -cp ... vn.lienthong.it.SustainedLoad http://127.0.0.1:8080 ./data RATE SECONDS [WARM_UP_SECONDS]
 * </pre>
 * {@code scripts/exchange-load} runs it with {@code SUSTAIN_RATE} set. A paper is counted when its
 * blob is in the archive's content-addressed store under the data dir; the papers ordered are the
 * dossiers submitted (form 01) plus two per dossier completed (result and form 06).
 */
public final class SustainedLoad {

    private static final int PAPERS_AT_INTAKE = 1;
    private static final int PAPERS_AT_COMPLETION = 2;
    private static final Duration SAMPLE = Duration.ofSeconds(15);

    private SustainedLoad() {
    }

    public static void main(String[] args) throws IOException, InterruptedException, ExecutionException, TimeoutException {
        URI base = URI.create(args[0]);
        Path dataDir = Path.of(args[1]);
        double rate = Double.parseDouble(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int warmSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 60;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String token = DemoTokens.of(dataDir).token(DemoTokens.DESK_OFFICER, ExchangeLoad.AGENCY);
        ProcessCpu gatewayCpu = ProcessCpu.of(Long.getLong("lienthong.load.gateway-pid", -1));
        ProcessCpu databaseCpu = ProcessCpu.tree(Long.getLong("lienthong.load.database-pid", -1));

        AtomicInteger submitted = new AtomicInteger();
        int n = (int) Math.round(rate * (warmSeconds + seconds));
        long completedBefore = ExchangeLoad.completed(http, base, token);
        long papersBefore = papers(dataDir);
        long start = System.nanoTime();
        CompletableFuture<List<String>> offered = CompletableFuture.supplyAsync(() -> {
            try {
                return ExchangeLoad.paced(n, rate, i -> () -> {
                    String code = ExchangeLoad.submit(http, base, token, String.format("0013%08d", i));
                    submitted.incrementAndGet();
                    return code;
                });
            } catch (InterruptedException | ExecutionException | TimeoutException e) {
                throw new IllegalStateException("The offered load stopped: " + e, e);
            }
        });

        System.out.printf("offered: %.1f dossiers/s, open loop, for %d s warm-up and %d s measured (3 papers each)%n%n",
                rate, warmSeconds, seconds);
        System.out.println("| s | submitted | completed | papers made | dossiers waiting | papers waiting | gateway cores |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        List<Sample> window = new ArrayList<>();
        // Readings taken on a clock at start + 15 s, + 30 s, …, whatever the requests in flight.
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        List<ScheduledFuture<Sample>> readings = new ArrayList<>();
        Callable<Sample> reading = () -> new Sample((System.nanoTime() - start) / 1e9, submitted.get(),
                ExchangeLoad.completed(http, base, token) - completedBefore, papers(dataDir) - papersBefore,
                gatewayCpu.nanos(), databaseCpu.nanos());
        for (long at = SAMPLE.toNanos(); at <= Duration.ofSeconds(warmSeconds + seconds).toNanos(); at += SAMPLE.toNanos()) {
            readings.add(clock.schedule(reading, start + at - System.nanoTime(), TimeUnit.NANOSECONDS));
        }
        Sample last = null;
        for (ScheduledFuture<Sample> r : readings) {
            Sample s = r.get(warmSeconds + seconds + 60L, TimeUnit.SECONDS);
            System.out.printf("| %.0f | %d | %d | %d | %d | %d | %s |%n", s.seconds(), s.submitted(), s.completed(),
                    s.papers(), s.dossiersWaiting(), s.papersWaiting(),
                    last == null ? "" : String.format("%.2f", (s.cpu() - last.cpu()) / 1e9 / (s.seconds() - last.seconds())));
            if (s.seconds() >= warmSeconds - 1) {
                window.add(s);
            }
            last = s;
        }
        clock.shutdown();
        offered.get(2, TimeUnit.MINUTES);
        report(rate, window);
    }

    private static void report(double rate, List<Sample> window) {
        Sample first = window.get(0);
        Sample end = window.get(window.size() - 1);
        double wall = end.seconds() - first.seconds();
        long dossiers = end.completed() - first.completed();
        long papers = end.papers() - first.papers();
        long ordered = end.papersOrdered() - first.papersOrdered();
        long growth = end.papersWaiting() - first.papersWaiting();
        long dossierGrowth = end.dossiersWaiting() - first.dossiersWaiting();
        // Flat: over the window, neither backlog grew by more than 5 % of what arrived in it.
        boolean papersFlat = growth <= Math.max(3, 0.05 * ordered);
        boolean dossiersFlat = dossierGrowth <= Math.max(1, 0.05 * (end.submitted() - first.submitted()));
        System.out.printf("%n| sustained window | %.0f s |%n| --- | --- |%n", wall);
        System.out.printf("| dossiers offered / completed per second | %.1f / %.1f |%n", rate, dossiers / wall);
        System.out.printf("| papers made per second (ordered) | %.1f (%.1f) |%n", papers / wall, ordered / wall);
        System.out.printf("| paper backlog, start → end of the window | %d → %d (%s) |%n", first.papersWaiting(),
                end.papersWaiting(), papersFlat ? "flat" : "growing " + Math.round(growth * 60 / wall) + "/min");
        System.out.printf("| dossiers waiting for their result, start → end | %d → %d (%s) |%n", first.dossiersWaiting(),
                end.dossiersWaiting(), dossiersFlat ? "flat" : "growing");
        System.out.printf("| gateway CPU per dossier with its 3 papers | %.1f ms |%n", (end.cpu() - first.cpu()) / 1e6 / Math.max(1, dossiers));
        if (end.databaseCpu() > 0) {
            System.out.printf("| database server's CPU per dossier (PostgreSQL) | %.1f ms |%n",
                    (end.databaseCpu() - first.databaseCpu()) / 1e6 / Math.max(1, dossiers));
        }
        System.out.printf("| gateway cores busy | %.2f |%n", (end.cpu() - first.cpu()) / 1e9 / wall);
        System.out.printf("sustained: rate=%.1f completed_per_s=%.1f papers_per_s=%.1f papers_flat=%s dossiers_flat=%s "
                        + "cpu_per_dossier_ms=%.1f cores=%.2f%n", rate, dossiers / wall, papers / wall, papersFlat, dossiersFlat,
                (end.cpu() - first.cpu()) / 1e6 / Math.max(1, dossiers), (end.cpu() - first.cpu()) / 1e9 / wall);
    }

    /** Signed papers and scans stored so far: one content-addressed blob each. */
    private static long papers(Path dataDir) {
        AtomicLong blobs = new AtomicLong();
        try {
            Files.walkFileTree(dataDir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile() && isBlob(dataDir.relativize(file))) {
                        blobs.incrementAndGet();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException gone) {
                    return FileVisitResult.CONTINUE; // a temporary file renamed meanwhile
                }
            });
            return blobs.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code …/blobs/ab/cd/abcd…}: a stored blob, not a temporary file or an index. */
    private static boolean isBlob(Path relative) {
        int n = relative.getNameCount();
        return n >= 4 && "blobs".equals(relative.getName(n - 4).toString());
    }

    /** One reading: counts since the harness started, CPU times so far in nanoseconds. */
    private record Sample(double seconds, long submitted, long completed, long papers, long cpu, long databaseCpu) {

        long dossiersWaiting() {
            return submitted - completed;
        }

        long papersOrdered() {
            return (long) PAPERS_AT_INTAKE * submitted + (long) PAPERS_AT_COMPLETION * completed;
        }

        long papersWaiting() {
            return papersOrdered() - papers;
        }
    }
}
