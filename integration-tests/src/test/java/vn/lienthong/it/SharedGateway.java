package vn.lienthong.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import vn.lienthong.signing.key.TrialPki;

/**
 * One runnable jar for every client-side IT class of a failsafe run: started on first use, kept
 * in the root extension context's store and stopped with SIGTERM when the whole run has ended.
 * Each Payara Micro start costs 25-30 s on two cores; tests that only speak HTTP have no need of
 * a server of their own, only of their own data (agencies' counts are taken as differences,
 * citizens' phones, e-mails and Idempotency-Keys are each class's own, sandbox faults are put back).
 *
 * <p>The shared gateway runs on PostgreSQL ({@link PostgresServer}), in a database of its own.
 *
 * <p>A test asks for the gateway as a parameter ({@link Server}) of its constructor, a lifecycle
 * method or a test method. Tests that need special launch options, a kill or a restart start their
 * own {@link RunnableJar}; tests that need code inside the server use Arquillian (LogMaskingIT).
 */
final class SharedGateway implements ParameterResolver {

    /** The calls per minute the shared gateway allows {@code POST /api/v1/verify} from one address. */
    static final int VERIFY_PER_MINUTE = 20;

    /**
     * A client behind a proxy: the shared gateway trusts 127.0.0.1 as a proxy, so a request carrying
     * {@code X-Forwarded-For} with this address is limited in a bucket of its own (a documentation
     * address, RFC 5737).
     */
    static final String PROXIED_CITIZEN = "203.0.113.20";

    static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedGateway.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Server.class;
    }

    @Override
    public Server resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // The root store outlives every class; JUnit (5.13+) closes an AutoCloseable in it at the end of the run.
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Server.class, type -> Server.start(), Server.class);
    }

    /** The running shared gateway, as the tests see it: its address, its demo issuer, its data. */
    static final class Server implements AutoCloseable {

        private final RunnableJar jar;
        private final Path dataDir;
        private final TrialPki verifyPki;

        private Server(RunnableJar jar, Path dataDir, TrialPki verifyPki) {
            this.jar = jar;
            this.dataDir = dataDir;
            this.verifyPki = verifyPki;
        }

        /**
         * The operator's plain start, plus what VerifyEndpointIT's tests need and no other test
         * notices: a test CA that {@code /api/v1/verify} trusts, a verify limit low enough to run
         * dry quickly, and a look-up limit above the look-ups of every test together; and one
         * on-the-spot delegation for PracticesIT and PracticeScreensIT.
         */
        private static Server start() {
            Path work = Path.of(System.getProperty("it.data.dir", "target/it-data")).resolve("shared").toAbsolutePath();
            Path data = work.resolve("data");
            TrialPki pki = TrialPki.create("Liên Thông shared IT root");
            Path trustAnchor;
            try {
                Files.createDirectories(work);
                trustAnchor = Files.writeString(work.resolve("verify-ca.pem"),
                        TrialPki.pem("CERTIFICATE", pki.caCertificate().getEncoded()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("Cannot encode the shared gateway's test CA", e);
            }
            // The console log lands in work (RunnableJar), under it.data.dir, where PersonalDataLogScanIT reads.
            // On PostgreSQL, as a provincial IT centre runs it: what these tests check does not depend on the
            // engine, and RunnableJarIT, MessageLogIT and the gateways of their own keep H2 tested.
            // It serves every client-side class for the whole run: both JIT compilers, as the operator's command.
            RunnableJar jar = RunnableJar.start(data, work, new RunnableJar.Launch(RunnableJar.STEADY_STATE_JVM, List.of(), Map.of(
                    "LIENTHONG_VERIFY_TRUST_ANCHORS", trustAnchor.toString(),
                    "LIENTHONG_RATELIMIT_VERIFY_PER_MINUTE", String.valueOf(VERIFY_PER_MINUTE),
                    "LIENTHONG_HTTP_TRUSTED_PROXIES", "127.0.0.1",
                    "LIENTHONG_RATELIMIT_LOOKUP_PER_MINUTE", "100",
                    // The sample district's desk officer holds the "4 tại chỗ" delegation: PracticesIT's token, and
                    // PracticeScreensIT's demo sign-in (demo.<role>.<unit>).
                    "LIENTHONG_ON_THE_SPOT_OFFICERS", "000.00.20.H20/it." + DemoTokens.DESK_OFFICER
                            + ",000.00.20.H20/demo." + DemoTokens.DESK_OFFICER + ".000.00.20.H20")).onPostgres("shared"));
            // Should the test JVM be stopped before JUnit closes the store (Ctrl-C, a fork timeout),
            // the server must not outlive it, holding its port and data dir.
            Runtime.getRuntime().addShutdownHook(new Thread(jar::close, "shared-gateway-kill"));
            System.out.printf("shared gateway: up in %d ms on PostgreSQL, log %s%n", jar.startUpTime().toMillis(), jar.log());
            return new Server(jar, data, pki);
        }

        /** Anonymous calls to the gateway's root (the jar serves the WAR at context root /). */
        GatewayHttp http() {
            return jar.http();
        }

        /** The gateway's demo issuer, which it created in its data dir on first start. */
        DemoTokens tokens() {
            return DemoTokens.of(dataDir);
        }

        /** The gateway's data dir: keys, archived documents (the database is on PostgreSQL). */
        Path dataDir() {
            return dataDir;
        }

        /** The gateway's console log (java.util.logging lines, WARNINGs included). */
        Path log() {
            return jar.log();
        }

        /** A test CA that the gateway's {@code /api/v1/verify} trusts, to sign PDFs with. */
        TrialPki verifyPki() {
            return verifyPki;
        }

        /** SIGTERM, as a service manager stops it, after the last test class of the run. */
        @Override
        public void close() {
            if (!jar.alive()) {
                throw new IllegalStateException("The shared gateway exited during the run (exit " + jar.stop()
                        + "); its log: " + jar.log());
            }
            int exit = jar.stop();
            System.out.printf("shared gateway: stopped (exit %d), log %s%n", exit, jar.log());
        }
    }
}
