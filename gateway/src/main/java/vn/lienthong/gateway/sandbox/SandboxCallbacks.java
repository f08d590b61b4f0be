package vn.lienthong.gateway.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;

import vn.lienthong.gateway.infrastructure.security.CallbackAuthenticator;

/**
 * Sends an asynchronous agency's result back to the gateway after the configured delay, signed
 * with the agency's callback secret as a real agency would sign it.
 */
@ApplicationScoped
public class SandboxCallbacks {

    private static final Logger LOG = Logger.getLogger(SandboxCallbacks.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    CallbackAuthenticator signatures;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    void schedule(String agencyId, String body, int port, SandboxFaults plan) {
        if (body == null) {
            return;
        }
        int copies = plan.duplicateCallbacks() ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            scheduler.schedule(() -> send(agencyId, body, port), plan.callbackDelayMs() + i * 1_100L, TimeUnit.MILLISECONDS);
        }
    }

    private void send(String agencyId, String body, int port) {
        long now = System.currentTimeMillis() / 1000;
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/callbacks/" + agencyId))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header(CallbackAuthenticator.TIMESTAMP_HEADER, Long.toString(now))
                .header(CallbackAuthenticator.SIGNATURE_HEADER,
                        signatures.sign(agencyId, now, body.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            LOG.fine(() -> "Sandbox " + agencyId + " callback answered " + response.statusCode());
        } catch (java.io.IOException e) {
            LOG.log(Level.WARNING, "Sandbox " + agencyId + " callback failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
