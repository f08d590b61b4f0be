package vn.lienthong.gateway.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.lienthong.gateway.domain.exchange.CallbackSignature;
import vn.lienthong.gateway.infrastructure.agency.AgencyAddresses;
import vn.lienthong.gateway.infrastructure.config.StartRefusal;
import vn.lienthong.gateway.infrastructure.security.CallbackSecrets;

/**
 * Sends an asynchronous agency's result back to the gateway after the configured delay, signed
 * with the agency's callback secret as a real agency would sign it.
 *
 * <p>Like a real agency, it keeps its promise: each callback owed is journalled (with fsync) in
 * {@code <data>/sandbox/<agency>.callbacks} before the request is answered, retried with backoff
 * until the gateway takes or refuses it for good (any status below 500 but 404), and marked done then.
 * A 404 (no request with this ticket) is retried like a 5xx: the gateway that sent the request may
 * have died between this answer and recording the ticket, and the ticket is known once another node
 * sends the request again (the same message id, de-duplicated here, so no second callback is made). After a restart, the
 * callbacks still owed are sent again as soon as the gateway's address is known, so a dossier
 * whose agency accepted a request just before a crash still gets its result.
 *
 * <p>Where the callbacks go: {@code lienthong.sandbox.callback-url} when set (in a cluster the sandbox
 * is a process of its own and calls the gateways back through their load balancer, so a callback
 * owed outlives the node that made the request); unset, the gateway on whose port the request came
 * in, which is the sandbox's own gateway when it runs embedded.
 */
@ApplicationScoped
public class SandboxCallbacks {

    private static final Logger LOG = Logger.getLogger(SandboxCallbacks.class.getName());
    private static final int MAX_ATTEMPTS = 10;
    private static final String PROMISED = "P";
    private static final String ANSWERED = "A";

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    CallbackSecrets secrets;

    @Inject
    SandboxSwitch sandbox;

    @Inject
    AgencyAddresses addresses;

    @Inject
    @ConfigProperty(name = "lienthong.sandbox.callback-url")
    Optional<String> callbackUrl;

    /** The gateway's clock, which the demo clock may have moved: the gateway checks the timestamp against it. */
    @Inject
    Clock clock;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile ScheduledFuture<?> resumption;

    /** At start: once the gateway's own address is known, sends whatever callbacks a previous run still owed. */
    void resumeAfterStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (!sandbox.enabled()) {
            return;
        }
        configuredCallbackBase().ifPresent(SandboxCallbacks::checkCallbackBase);
        resumption = scheduler.scheduleWithFixedDelay(this::resumeWhenAddressKnown, 500, 500, TimeUnit.MILLISECONDS);
    }

    private void resumeWhenAddressKnown() {
        String base = configuredCallbackBase().or(addresses::sandboxBase).orElse(null);
        if (base == null) {
            return;
        }
        resumption.cancel(false);
        Path dir = sandbox.directory();
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".callbacks")).toList()) {
                String agencyId = f.getFileName().toString().replaceFirst("\\.callbacks$", "");
                Map<String, String> owed = owed(f);
                if (!owed.isEmpty()) {
                    LOG.info(() -> "Sandbox " + agencyId + ": " + owed.size() + " callbacks owed from before the restart");
                }
                owed.forEach((requestId, body) -> scheduler.execute(() -> deliver(agencyId, requestId, body, base, 1)));
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Sandbox callbacks owed could not be read: " + e.getMessage());
        }
    }

    void schedule(String agencyId, String requestId, String body, int port, SandboxFaults plan) {
        if (body == null) {
            return;
        }
        append(agencyId, PROMISED, requestId, body);
        String base = configuredCallbackBase().orElse("http://127.0.0.1:" + port);
        scheduler.schedule(() -> deliver(agencyId, requestId, body, base, 1), plan.callbackDelayMs(), TimeUnit.MILLISECONDS);
        if (plan.duplicateCallbacks()) {
            // A real agency that missed the answer sends again; this copy is sent whatever the first got.
            scheduler.schedule(() -> send(agencyId, body, base), plan.callbackDelayMs() + 1_100L, TimeUnit.MILLISECONDS);
        }
    }

    /** The gateways' base URL the callbacks go to when it is configured, without a trailing slash. */
    private Optional<String> configuredCallbackBase() {
        return callbackUrl.map(String::trim).filter(s -> !s.isEmpty()).map(s -> s.replaceFirst("/+$", ""));
    }

    /** A malformed address would only show as callbacks that never leave: the start is refused instead. */
    static void checkCallbackBase(String base) {
        URI uri;
        try {
            uri = URI.create(base);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            String line = "The gateway does not start: LIENTHONG_SANDBOX_CALLBACK_URL (lienthong.sandbox.callback-url): '"
                    + base + "' is not an http(s) URL (write the gateways' base URL, e.g. http://127.0.0.1:18080)";
            throw StartRefusal.refuse(LOG, line, new SandboxSettingException(line));
        }
    }

    /** Forgets every callback owed by the agency (the sandbox's {@code _reset}). */
    void forget(String agencyId) {
        try {
            Files.deleteIfExists(file(agencyId));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear " + file(agencyId), e);
        }
    }

    private void deliver(String agencyId, String requestId, String body, String base, int attempt) {
        int status = send(agencyId, body, base);
        if (status > 0 && status < 500 && status != 404) {
            append(agencyId, ANSWERED, requestId, "");
            return;
        }
        if (attempt >= MAX_ATTEMPTS) {
            LOG.warning(() -> "Sandbox " + agencyId + " gave up a callback after " + attempt + " attempts");
            return;
        }
        long wait = Math.min(1_000L << (attempt - 1), 60_000L);
        scheduler.schedule(() -> deliver(agencyId, requestId, body, base, attempt + 1), wait, TimeUnit.MILLISECONDS);
    }

    /** The gateway's HTTP status, or 0 when it could not be reached. */
    private int send(String agencyId, String body, String base) {
        long now = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/callbacks/" + agencyId))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header(CallbackSignature.TIMESTAMP_HEADER, Long.toString(now))
                .header(CallbackSignature.SIGNATURE_HEADER, sign(agencyId, now, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            LOG.fine(() -> "Sandbox " + agencyId + " callback answered " + response.statusCode());
            return response.statusCode();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Sandbox " + agencyId + " callback failed, will retry: " + e.getMessage());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** The signature a real agency computes with the secret the gateway handed it. */
    private String sign(String agencyId, long epochSeconds, String body) {
        return CallbackSignature.header(CallbackSignature.mac(secrets.of(agencyId), epochSeconds,
                body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Callbacks promised and not yet answered, in promise order; a line torn by a crash is skipped. */
    private static Map<String, String> owed(Path file) throws IOException {
        Map<String, String> owed = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            String[] f = line.split("\t", -1);
            if (f.length != 3) {
                continue;
            }
            if (f[0].equals(PROMISED)) {
                owed.putIfAbsent(text(f[1]), text(f[2]));
            } else if (f[0].equals(ANSWERED)) {
                owed.remove(text(f[1]));
            }
        }
        return owed;
    }

    private synchronized void append(String agencyId, String kind, String requestId, String body) {
        Path file = file(agencyId);
        String line = kind + "\t" + b64(requestId) + "\t" + b64(body) + "\n";
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII)));
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the sandbox callback journal " + file, e);
        }
    }

    private Path file(String agencyId) {
        return sandbox.directory().resolve(agencyId + ".callbacks");
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(String b64) {
        return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
    }
}
