package vn.lienthong.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Liên thông through the sandbox agencies on the runnable jar (embedded default, context root /):
 * dossiers whose procedure names an external agency reach it over real HTTP/SOAP and complete
 * with the agency's result; concurrent retries of one submission create one dossier. The sandbox
 * agencies run without faults on the shared gateway, so nothing here needs a server of its own.
 */
@ExtendWith(SharedGateway.class)
class AgencyExchangeIT {

    private final SharedGateway.Server gateway;

    AgencyExchangeIT(SharedGateway.Server gateway) {
        this.gateway = gateway;
    }

    @Test
    void bhytReissueGoesToSocialInsuranceBySoapAndCompletes() {
        GatewayHttp http = officerOf("000.00.00.H30");
        int effectsBefore = http.get("sandbox/social-insurance/_stats").json().getInt("effects");
        GatewayHttp.Reply created = http.post("api/v1/dossiers", GatewayHttp.submission("1.000240", "000.00.00.H30", "001190012345"));
        assertEquals(201, created.status(), created::toString);
        String code = created.json().getString("code");

        JsonObject done = awaitStatus(http, code, "COMPLETED");
        assertTrue(done.toString().contains("exchanges"), done::toString);
        List<String> kinds = http.get("api/v1/dossiers/" + code + "/history").json().getJsonArray("steps")
                .getValuesAs(JsonObject.class).stream().map(s -> s.getString("kind") + ":" + s.getString("toStatus", "")).toList();
        // Received at the desk, in processing once the agency took it (Đang xử lý), then completed with its result.
        assertEquals(List.of("RECEIVED:RECEIVED", "TRANSITION:IN_PROGRESS", "AGENCY_SENT:IN_PROGRESS",
                "AGENCY_RESULT:IN_PROGRESS", "TRANSITION:COMPLETED"), kinds);
        // Only this class sends to social insurance on the shared gateway, and its other flow has completed.
        JsonObject stats = http.get("sandbox/social-insurance/_stats").json();
        assertEquals(effectsBefore + 1, stats.getInt("effects"), stats::toString);
    }

    @Test
    void birthGroupReachesCivilStatusResidenceAndSocialInsuranceAndCompletes() {
        GatewayHttp http = officerOf("000.00.20.H30");
        String code = http.post("api/v1/dossiers", GatewayHttp.submission("3.000722", "000.00.20.H30", "001190012346"))
                .json().getString("code");
        awaitStatus(http, code, "COMPLETED");
        List<String> agencies = http.get("api/v1/dossiers/" + code + "/history").json().getJsonArray("steps")
                .getValuesAs(JsonObject.class).stream().filter(s -> s.getString("kind").equals("AGENCY_RESULT"))
                .map(s -> s.getString("toUnit", "") + s.getString("fromUnit", "")).toList();
        assertEquals(3, agencies.size(), agencies::toString);
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyCreateOneDossier()
            throws InterruptedException, ExecutionException, TimeoutException {
        GatewayHttp http = officerOf("002.00.20.H13");
        String token = gateway.tokens().token(DemoTokens.DESK_OFFICER, "002.00.20.H13");
        // Other classes' dossiers of this agency are on the shared gateway too (DossierLifecycleIT's): count from here.
        int storedBefore = http.get("api/v1/dossiers?agency=002.00.20.H13").json().getInt("total");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = http.resolve("api/v1/dossiers");
        String body = GatewayHttp.submission("2.000815", "002.00.20.H13", "001190012347");
        int tries = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(tries);
        try {
            List<Future<HttpResponse<String>>> replies = new ArrayList<>();
            for (int i = 0; i < tries; i++) {
                replies.add(pool.submit(() -> {
                    go.await();
                    return client.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + token)
                            .header("Idempotency-Key", "desk-7-retry-42")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                }));
            }
            go.countDown();
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<HttpResponse<String>> f : replies) {
                statuses.merge(f.get(60, TimeUnit.SECONDS).statusCode(), 1, Integer::sum);
            }
            assertEquals(1, statuses.getOrDefault(201, 0), statuses::toString);
            assertTrue(statuses.keySet().stream().allMatch(s -> s == 200 || s == 201 || s == 409), statuses::toString);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(storedBefore + 1, http.get("api/v1/dossiers?agency=002.00.20.H13").json().getInt("total"));
        GatewayHttp.Reply retry = http.post("api/v1/dossiers", body);
        assertEquals(201, retry.status(), "without the key it is a new dossier");
    }

    private GatewayHttp officerOf(String agencyCode) {
        return gateway.http().as(gateway.tokens().token(DemoTokens.DESK_OFFICER, agencyCode));
    }

    private static JsonObject awaitStatus(GatewayHttp http, String code, String status) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("api/v1/dossiers/" + code).json(), d -> status.equals(d.getString("status")));
    }
}
