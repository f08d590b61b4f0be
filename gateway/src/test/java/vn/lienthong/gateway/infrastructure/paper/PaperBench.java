package vn.lienthong.gateway.infrastructure.paper;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;

import vn.lienthong.archive.Archive;
import vn.lienthong.archive.ArchiveConfig;
import vn.lienthong.archive.sign.CmsHeadSigner;
import vn.lienthong.archive.sign.PadesDocumentSigner;
import vn.lienthong.archive.sign.SigningKey;
import vn.lienthong.gateway.domain.document.DocumentKind;
import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.dossier.DossierCode;
import vn.lienthong.gateway.domain.dossier.DossierRepository;
import vn.lienthong.gateway.domain.procedure.ProcedureCatalogue;
import vn.lienthong.gateway.domain.procedure.Agency;
import vn.lienthong.gateway.infrastructure.persistence.JdbcDossierDocuments;
import vn.lienthong.gateway.infrastructure.persistence.JdbcPaperJobs;
import vn.lienthong.gateway.infrastructure.pki.DemoGatewayPki;
import vn.lienthong.gateway.infrastructure.pki.GatewayPki;
import vn.lienthong.signing.key.KeySource;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.key.ProviderPreference;
import vn.lienthong.signing.key.TrialPki;
import vn.lienthong.signing.pki.EndEntity;

/**
 * CPU per paper, one worker, as the gateway's paper mill makes them: claim a job, compose form 01,
 * the officer's and the agency's keys from the DEMO PKI in the database, render PDF/A-2b, sign twice,
 * deposit in the archive (its own H2 index and blob store), mark the job done. The database is a
 * file H2 with {@code WRITE_DELAY=0}, as the embedded default. Measured at PAdES-BASELINE-B (no TSA,
 * no validation data: what the mill does with neither) and at the level the gateway signs (B-LT:
 * time-stamps from the in-process DEMO TSA, validation data from its OCSP responder), each after an
 * untimed warm-up of both levels; the process's CPU time (every thread: JIT, GC, the archive's) over the timed
 * batch. The same run prints this JVM's RSA-2048 signatures/s and SHA-256 MB/s as the limits.
 * Not a test: a main class, run by {@code scripts/paper-bench}.
 *
 * <pre>scripts/paper-bench [PAPERS] [WARM_UP]      (defaults 500 and 1000: C2 still compiles after a few hundred)</pre>
 */
public final class PaperBench {

    private static final String AGENCY = "000.00.00.H30";
    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int papers = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Path dir = Files.createTempDirectory("paper-bench");
        // A B-B paper's "not at B-LT" warning, once per paper, would be most of what this prints.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.SEVERE);
        java.util.Arrays.stream(java.util.logging.Logger.getLogger("").getHandlers())
                .forEach(h -> h.setLevel(java.util.logging.Level.SEVERE));
        limits();
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("db/lienthong")
                + ";LOCK_TIMEOUT=10000;WRITE_DELAY=0", "sa", "");
        Flyway.configure(PaperBench.class.getClassLoader()).dataSource(pool).locations("classpath:db/migration")
                .load().migrate();
        GatewayPki pki = DemoGatewayPki.open(pool, dir, AGENCY, "UBND phường Hàng Bài");
        TrialPki.Issued seal = pki.services().pki().issue(EndEntity.gatewaySeal("UBND tinh Test"));
        KeySource sealKey = Pkcs12KeySource.ofKey(seal.key(), seal.chain(), ProviderPreference.JDK);
        SigningKey archiveKey = SigningKey.of(sealKey).withTimestamps(pki.timestamps().orElseThrow())
                .withRevocation(pki.revocation());
        try (Archive archive = Archive.open(ArchiveConfig.of(dir.resolve("archive"), new PadesDocumentSigner(archiveKey),
                new CmsHeadSigner(archiveKey)))) {
            JdbcPaperJobs jobs = new JdbcPaperJobs(pool);
            DossierRepository dossiers = dossiers();
            JdbcDossierDocuments documents = new JdbcDossierDocuments(pool, archive, dossiers, Clock.systemUTC());
            ProcedureCatalogue catalogue = new ProcedureCatalogue("bench", List.of(PaperFixtures.procedure()),
                    List.of(new Agency(AGENCY, "UBND phường Hàng Bài", "Cấp xã", null)));
            PaperMill.Settings settings = new PaperMill.Settings(10, Duration.ofMinutes(5), 3, 5, Duration.ofSeconds(5),
                    Duration.ofSeconds(60), dir.resolve("work"), PaperFixtures.ISSUER);
            int[] next = {0};
            Map<String, PaperMill> mills = new LinkedHashMap<>();
            for (String level : List.of("PAdES-BASELINE-B", "PAdES-BASELINE-LT")) {
                PaperPress press = level.endsWith("-B") ? new PaperPress()
                        : new PaperPress(pki.timestamps().orElseThrow(), pki.revocation());
                mills.put(level, new PaperMill(jobs, dossiers, null, null, catalogue, documents, Clock.systemUTC(),
                        settings, () -> PaperKeys.issuedBy(pki), press));
            }
            // Both levels warm before either is timed: B-B timed right after its own warm-up paid for the
            // compilation of the B-LT code in its window (12.7 ms "rest" at B-B against 5.8 ms at B-LT).
            for (PaperMill mill : mills.values()) {
                order(jobs, warmUp, next);
                drain(mill, pool, warmUp);
            }
            for (Map.Entry<String, PaperMill> level : mills.entrySet()) {
                // Ordered before the window: the intake that orders papers pays for the rows, not the mill.
                order(jobs, papers, next);
                long cpu0 = processCpuNanos();
                long thread0 = THREADS.getCurrentThreadCpuTime();
                long gc0 = gcMillis();
                long jit0 = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
                long wall0 = System.nanoTime();
                int made = drain(level.getValue(), pool, papers);
                long cpu = processCpuNanos() - cpu0;
                long worker = THREADS.getCurrentThreadCpuTime() - thread0;
                long wall = System.nanoTime() - wall0;
                long gc = gcMillis() - gc0;
                long jit = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jit0;
                System.out.printf("| %s | %d papers in %.1f s: %.1f/s | process CPU per paper %.1f ms (the worker "
                        + "thread's own %.1f ms; JIT, GC and the rest %.1f ms) | cores busy %.2f | in the window: GC "
                        + "%d ms, JIT %d ms |%n", level.getKey(), made, wall / 1e9, made / (wall / 1e9),
                        cpu / 1e6 / made, worker / 1e6 / made, (cpu - worker) / 1e6 / made, (double) cpu / wall, gc, jit);
            }
        } finally {
            pool.dispose();
        }
    }

    /** Orders {@code count} form 01 papers, each of a dossier of its own. */
    private static void order(JdbcPaperJobs jobs, int count, int[] next) {
        OffsetDateTime now = OffsetDateTime.now();
        for (int i = 0; i < count; i++) {
            jobs.request(code(next[0]++), DocumentKind.FORM_01, "form-01", null, now);
        }
    }

    /** Drains the {@code count} papers ordered; answers how many were made. */
    private static int drain(PaperMill mill, DataSource database, int count)
            throws java.sql.SQLException {
        int made = 0;
        for (int drained; (drained = mill.drain()) > 0; ) {
            made += drained;
        }
        // Below B-LT the mill orders each paper's long-term update; at B-B that is the level asked, so none is kept.
        try (java.sql.Connection c = database.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM paper_job WHERE source LIKE 'lt:%'");
        }
        if (made != count) {
            throw new IllegalStateException(count + " papers ordered, " + made + " made");
        }
        return made;
    }

    private static DossierCode code(int n) {
        return new DossierCode(String.format("000.00.00.H30-261008-%04d", n));
    }

    /** The dossiers the papers are of: the fixture's, under the code asked for. */
    private static DossierRepository dossiers() {
        Dossier fixture = PaperFixtures.dossier();
        return (DossierRepository) Proxy.newProxyInstance(PaperBench.class.getClassLoader(),
                new Class<?>[] {DossierRepository.class}, (p, method, args) -> switch (method.getName()) {
                    case "find" -> Optional.of(Dossier.received((DossierCode) args[0], fixture.procedureCode(),
                            fixture.agencyCode(), fixture.channel(), fixture.applicant(), fixture.formData(),
                            fixture.receivedBy(), fixture.receivedAt(), fixture.dueAt()));
                    case "history" -> PaperFixtures.history();
                    default -> throw new UnsupportedOperationException("DossierRepository." + method.getName());
                });
    }

    /** The collectors' accumulated time (their pauses and cycles as the JVM counts them), in ms. */
    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionTime()))
                .sum();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** This JVM's own limits, in the same run: RSA-2048 PSS signatures/s and SHA-256 MB/s on one thread. */
    private static void limits() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        java.security.KeyPair pair = generator.generateKeyPair();
        Signature rsa = Signature.getInstance("RSASSA-PSS");
        rsa.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        byte[] data = new byte[64];
        int signed = 0;
        long start = System.nanoTime();
        for (long end = start + 2_000_000_000L; System.nanoTime() < end; signed++) {
            rsa.initSign(pair.getPrivate());
            rsa.update(data);
            rsa.sign();
        }
        double rsaPerSecond = signed / ((System.nanoTime() - start) / 1e9);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] block = new byte[1 << 20];
        int mib = 0;
        start = System.nanoTime();
        for (long end = start + 1_000_000_000L; System.nanoTime() < end; mib++) {
            sha.update(block);
        }
        double mbPerSecond = mib * 1.048576 / ((System.nanoTime() - start) / 1e9);
        System.out.printf("== limits (this JVM, one thread): RSA-2048 PSS %.0f sign/s (%.2f ms each); SHA-256 %.0f MB/s%n",
                rsaPerSecond, 1000 / rsaPerSecond, mbPerSecond);
    }
}
