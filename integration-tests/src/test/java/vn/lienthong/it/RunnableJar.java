package vn.lienthong.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The runnable uber-jar started as an operator would start it ({@code java -jar}), on a free
 * loopback port with its own data dir, and stopped with SIGTERM.
 */
final class RunnableJar implements AutoCloseable {

    private final Process process;
    private final int port;
    private Path dataDir;
    private Path log;
    private final long startedNanos;
    private long readyNanos;

    private RunnableJar(Process process, int port, long startedNanos) {
        this.process = process;
        this.port = port;
        this.startedNanos = startedNanos;
    }

    /** The JIT and collector of a gateway that lives for one test class (see {@link #launch}). */
    private static final List<String> SHORT_LIVED_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /** Undoes {@link #SHORT_LIVED_JVM}: both JIT compilers, the default collector, as the operator's command runs. */
    static final List<String> STEADY_STATE_JVM = List.of("-XX:TieredStopAtLevel=4", "-XX:-UseSerialGC");

    /** What a test adds to the operator's command: JVM options, Payara Micro options, environment variables. */
    record Launch(List<String> jvmOptions, List<String> microOptions, Map<String, String> environment) {

        static final Launch PLAIN = new Launch(List.of(), List.of(), Map.of());

        /**
         * For the kill tests: no gateway hands back claims at start (another may hold them), so what a
         * killed one left in flight is claimed again when its lease runs out; 20 s instead of 120 s.
         */
        static final Launch SHORT_LEASE = new Launch(List.of(), List.of(), Map.of("LIENTHONG_OUTBOX_LEASE_SECONDS", "20"));

        /**
         * This launch on a fresh database of the run's {@link PostgresServer}, with the demo pieces the
         * embedded H2 turns on by itself. Use the returned launch for every restart of the same gateway.
         */
        Launch onPostgres(String purpose) {
            Map<String, String> env = new HashMap<>(environment);
            env.putAll(PostgresServer.freshDatabase(purpose));
            return new Launch(jvmOptions, microOptions, Map.copyOf(env));
        }

        /** Where the gateway keeps its data, as the IT output says it. */
        String database() {
            return environment.containsKey("LIENTHONG_DB_URL")
                    ? "PostgreSQL " + environment.get("LIENTHONG_DB_URL")
                    : "embedded H2";
        }
    }

    static RunnableJar start(Path dataDir, Path workDir) {
        return start(dataDir, workDir, Launch.PLAIN);
    }

    static RunnableJar start(Path dataDir, Path workDir, Launch launch) {
        return start(dataDir, workDir, launch, freePort());
    }

    /** On a port chosen beforehand, so that others can be told the address while this one still starts. */
    static RunnableJar start(Path dataDir, Path workDir, Launch launch, int port) {
        long started = System.nanoTime();
        Path rootDir = rootDir(workDir);
        Path log = workDir.resolve(rootDir.getFileName() + ".log");
        RunnableJar jarProcess = new RunnableJar(launch(dataDir, workDir, rootDir, log, port, launch), port, started);
        jarProcess.dataDir = dataDir;
        jarProcess.log = log;
        try {
            jarProcess.awaitReady();
        } catch (RuntimeException notReady) {
            // A server that never became ready would outlive the test JVM and hold its port and files.
            jarProcess.close();
            throw notReady;
        }
        System.out.printf("gateway %s: up on %s in %d ms%n",
                workDir.getFileName(), launch.database(), jarProcess.startUpTime().toMillis());
        return jarProcess;
    }

    /** How a start that the gateway refuses ended: the exit status and the console output. */
    record Refused(int exitStatus, List<String> output) {
    }

    /** Starts the jar expecting it to refuse: waits until the process ends by itself (3 min at most). */
    static Refused refusedStart(Path dataDir, Path workDir, Launch launch) {
        Path rootDir = rootDir(workDir);
        Path log = workDir.resolve(rootDir.getFileName() + ".log");
        Process process = launch(dataDir, workDir, rootDir, log, freePort(), launch);
        try {
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("The gateway was expected to refuse to start, but still runs after "
                        + "3 min; its output is in " + log);
            }
            return new Refused(process.exitValue(), Files.readAllLines(log));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("Interrupted while waiting for the gateway to end", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path rootDir(Path workDir) {
        try {
            Files.createDirectories(workDir);
            // A fresh root dir per start: a reused one redeploys the application twice after a kill.
            return Files.createTempDirectory(workDir, "payara-root");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Process launch(Path dataDir, Path workDir, Path rootDir, Path log, int port, Launch launch) {
        Path jar = Path.of(System.getProperty("gateway.jar", "../gateway/target/lienthong-gateway.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Build the gateway first: " + jar + " is missing");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dhazelcast.phone.home.enabled=false", "-Dhazelcast.socket.bind.any=false"));
        // The ITs check behaviour, never speed, and most gateways here live a minute: the client
        // compiler alone and the serial collector take a start from about 42 s to 23 s of CPU on two
        // cores (and 800 to 450 MiB resident). A launch that runs long or measures overrides them
        // (the JVM takes the last occurrence of a flag; naming a second collector refuses the start, so
        // the undo switches the serial one off and the JVM picks its default): SharedGateway, LandRegistryIT.
        command.addAll(SHORT_LIVED_JVM);
        command.addAll(launch.jvmOptions());
        command.addAll(List.of("-jar", jar.toString(),
                "--nohazelcast", "--disablephonehome", "--port", String.valueOf(port),
                "--prebootcommandfile", Path.of("src/test/resources/loopback-only.asadmin").toAbsolutePath().toString(),
                "--rootdir", rootDir.toString()));
        command.addAll(launch.microOptions());
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("LIENTHONG_DATA_DIR", dataDir.toAbsolutePath().toString());
        pb.environment().put("HZ_PHONE_HOME_ENABLED", "false");
        pb.environment().putAll(launch.environment());
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    GatewayHttp http() {
        return new GatewayHttp(URI.create("http://127.0.0.1:" + port + "/"));
    }

    /** Tokens from this gateway's demo issuer, which it created in its data dir on first start. */
    DemoTokens tokens() {
        return DemoTokens.of(dataDir);
    }

    /** The operating system's id of the server process (a run-once lease holder names it). */
    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** The server's console output (stdout and stderr). */
    Path log() {
        return log;
    }

    Duration startUpTime() {
        return Duration.ofNanos(readyNanos - startedNanos);
    }

    /** Resident memory of the server process, from /proc (Linux). */
    long residentKiB() {
        try {
            return Files.readAllLines(Path.of("/proc/" + process.pid() + "/status")).stream()
                    .filter(l -> l.startsWith("VmRSS:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")))
                    .findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    private void awaitReady() {
        GatewayHttp http = http();
        // A JVM that refuses its options or a gateway that exits fails the wait at once, with its log,
        // instead of after three minutes of refused connections.
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .failFast("The gateway exited before it was ready; its output is in " + log, () -> !process.isAlive())
                .until(() -> http.get("health/ready").status() == 200);
        readyNanos = System.nanoTime();
    }

    /** SIGTERM, as a service manager stops it; waits for the orderly shutdown. */
    int stop() {
        process.destroy();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("The gateway did not stop within 90 s of SIGTERM");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the gateway", e);
        }
    }

    /** SIGKILL: no shutdown hook, no drain; whatever was in flight is cut off. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The gateway did not die within 30 s of SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while killing the gateway", e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
