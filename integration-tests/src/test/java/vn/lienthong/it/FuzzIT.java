package vn.lienthong.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seeded, repeatable fuzzing of every dossier endpoint: mangled JSON, wrong types, deep nesting,
 * long strings, odd media types, methods and paths. No answer may be a 5xx, none may hang, and
 * the gateway must be healthy afterwards.
 */
@ExtendWith(SharedGateway.class)
class FuzzIT {

    private static final long SEED = Long.getLong("fuzz.seed", 20261121L);
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 3000);
    private static final String AGENCY = "000.00.20.H30";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void noMalformedRequestEndsInA5xxOrAHang(SharedGateway.Server gateway) throws IOException, InterruptedException {
        DemoTokens tokens = gateway.tokens();
        GatewayHttp http = gateway.http().as(tokens.token(DemoTokens.DESK_OFFICER, AGENCY));
        String[] credentials = credentials(tokens);
        String code = http.post("api/v1/dossiers", GatewayHttp.submission("1.001193", AGENCY, "001190012345"))
                .json().getString("code");
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        java.util.Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        long started = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            HttpRequest request = request(http, random, code, credentials);
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (java.net.http.HttpTimeoutException e) {
                failures.add("hang: " + request.method() + " " + request.uri() + " " + request.headers().map()
                        + " body " + request.bodyPublisher().map(p -> p.contentLength()).orElse(-1L) + " bytes, #" + i);
                continue;
            }
            statuses.merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() >= 500) {
                failures.add(response.statusCode() + " " + request.method() + " " + request.uri() + " -> "
                        + response.body().substring(0, Math.min(300, response.body().length())));
            }
        }
        System.out.printf("fuzz: %d requests (seed %d) in %.1f s, statuses %s%n", REQUESTS, SEED,
                (System.nanoTime() - started) / 1e9, statuses);
        assertTrue(failures.isEmpty(), failures.size() + " of " + REQUESTS + " requests (seed " + SEED
                + ") answered 5xx or hung, e.g. " + failures.subList(0, Math.min(5, failures.size())));
        assertEquals(200, http.serverRoot().get("health/ready").status(), "still healthy");
        // Valid requests slip through now and then; whatever they did, the dossier is still whole.
        assertEquals(code, http.get("api/v1/dossiers/" + code).json().getString("code"));
    }

    /**
     * Authorization header values: mostly valid tokens of each role, then none, garbage, a
     * truncated token, an unsigned ("alg": "none") one, a forged one, an expired one and an oversized one.
     */
    private static String[] credentials(DemoTokens tokens) {
        String officer = tokens.token(DemoTokens.DESK_OFFICER, AGENCY);
        String[] parts = officer.split("\\.");
        String unsigned = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
        return new String[] {"Bearer " + officer, "Bearer " + officer, "Bearer " + officer,
            "Bearer " + tokens.token(DemoTokens.LEADER, AGENCY), "Bearer " + tokens.token(DemoTokens.ADMIN, AGENCY),
            "Bearer " + tokens.token(DemoTokens.AUDITOR, AGENCY), null, "Bearer", "Bearer ", "Basic YWRtaW46YWRtaW4=",
            "Bearer " + officer.substring(0, officer.length() / 2), "Bearer " + unsigned,
            "Bearer " + DemoTokens.forger().token(DemoTokens.ADMIN, AGENCY),
            "Bearer " + tokens.expired(DemoTokens.DESK_OFFICER, AGENCY),
            "Bearer " + parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10) + "x" + parts[2].substring(11),
            "Bearer " + "A".repeat(7000), "bearer " + officer, "Bearer  " + officer + " trailing"};
    }

    private HttpRequest request(GatewayHttp http, Random random, String code, String[] credentials) {
        String[] paths = {"api/v1/dossiers", "api/v1/dossiers/" + code, "api/v1/dossiers/" + code + "/steps",
            "api/v1/dossiers/" + code + "/transitions", "api/v1/dossiers/" + code + "/extensions",
            "api/v1/dossiers/" + code + "/history", "api/v1/statistics", "api/v1/calendar/2026",
            "api/v1/calendar/due", "api/v1/procedures", "api/v1/procedures/1.001193", "api/v1/agencies",
            "api/v1/admin/audit", "api/v1/admin/dead-letters", "api/v1/admin/dead-letters/1/replay",
            "api/v1/callbacks/residence", "api/v1/callbacks/civil-status", "api/v1/callbacks/" + code};
        String[] oddSegments = {"..", "%2e%2e", "%2F", "%00", ";jsessionid=1", "%25", "~", "a%20b", "%C0%AE",
            "x".repeat(3000), "..%2F..%2Fetc%2Fpasswd", "%E1%BB%87", "-1", "9".repeat(40)};
        String path = paths[random.nextInt(paths.length)];
        if (random.nextInt(10) == 0) {
            path = path + "/" + garbage(random, 1 + random.nextInt(20)).replaceAll("[^A-Za-z0-9._~-]", "x");
        } else if (random.nextInt(10) == 0) {
            path = path.replace("api/v1/", "api/v1/" + oddSegments[random.nextInt(oddSegments.length)] + "/");
        } else if (random.nextInt(20) == 0) {
            path = path.replace("/", "//");
        }
        if (random.nextInt(4) == 0) {
            path = path + "?" + query(random);
        }
        String[] methods = {"POST", "POST", "POST", "GET", "PUT", "DELETE", "PATCH"};
        String method = methods[random.nextInt(methods.length)];
        String[] types = {"application/json", "application/json", "application/json; charset=ISO-8859-1", "text/plain",
            "application/xml", "multipart/form-data", "application/json;;;", "*/*"};
        HttpRequest.Builder b = HttpRequest.newBuilder(http.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", types[random.nextInt(types.length)]);
        if (random.nextInt(5) == 0) {
            b.header("Accept", random.nextBoolean() ? "application/xml" : "text/html;q=0.1, */*;q=0");
        }
        String credential = credentials[random.nextInt(credentials.length)];
        if (credential != null) {
            b.header("Authorization", credential);
        }
        if (random.nextInt(6) == 0) {
            String[] names = {"Idempotency-Key", "X-Request-Id", "X-LienThong-Timestamp", "X-LienThong-Signature",
                "Accept-Language", "X-Forwarded-For", "Content-Language"};
            String value = garbage(random, random.nextInt(random.nextBoolean() ? 300 : 6000))
                    .replaceAll("[^\\x21-\\x7E ]", "?").trim();
            b.header(names[random.nextInt(names.length)], value.isEmpty() ? "x" : value);
        }
        byte[] body = body(random, code).getBytes(random.nextInt(8) == 0 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        return b.method(method, method.equals("GET") || method.equals("DELETE")
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static String body(Random random, String code) {
        String valid = switch (random.nextInt(4)) {
            case 0 -> GatewayHttp.submission("1.001193", AGENCY, "001190012345");
            case 1 -> "{\"actor\": \"canbo\", \"toUnit\": \"Tư pháp\", \"workingHours\": 4, \"deadline\": \"2026-12-01T10:00:00+07:00\"}";
            case 2 -> "{\"status\": \"COMPLETED\", \"reason\": \"x\", \"actor\": \"canbo\"}";
            default -> "{\"newDueAt\": \"2026-12-30T10:00:00+07:00\", \"reason\": \"x\", \"actor\": \"" + code + "\"}";
        };
        return switch (random.nextInt(9)) {
            case 0 -> mutate(valid, random);
            case 1 -> valid.substring(0, random.nextInt(valid.length()));
            case 2 -> "[".repeat(1 + random.nextInt(20_000)) + "]".repeat(random.nextInt(3));
            case 3 -> "{\"procedureCode\": \"" + "ệ".repeat(random.nextInt(200_000)) + "\"}";
            case 4 -> valid.replaceAll("\"[A-Za-z0-9.:+ -]*\"(?=[,}])", random.nextBoolean() ? "null" : "[]");
            case 5 -> valid.replaceAll("\\d", random.nextBoolean() ? "-" : "9".repeat(40));
            case 6 -> garbage(random, random.nextInt(2000));
            case 7 -> "{\"a\":".repeat(1 + random.nextInt(5_000)) + "1" + "}".repeat(random.nextInt(5_000));
            default -> valid.replace("COUNTER", random.nextBoolean() ? "" : "counter").replace("1.001193", "../../etc");
        };
    }

    private static String mutate(String s, Random random) {
        StringBuilder b = new StringBuilder(s);
        for (int i = 0, n = 1 + random.nextInt(8); i < n && b.length() > 0; i++) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(3)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, (char) random.nextInt(0x3000));
                default -> b.setCharAt(at, "{}[]\",:\\".charAt(random.nextInt(8)));
            }
        }
        return b.toString();
    }

    private static String garbage(Random random, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append((char) (random.nextInt(4) == 0 ? random.nextInt(0xD7FF) : 32 + random.nextInt(95)));
        }
        return b.toString();
    }

    private static String query(Random random) {
        String[] keys = {"status", "procedure", "agency", "overdue", "from", "to", "page", "size", "groupBy", "hours"};
        String[] values = {"", "-1", "99999999999", "COMPLETED", "2026-02-30", "true", "maybe", "%00", "%FF%FE",
            "2026-02-13T10:00:00+07:00", "1e9", "null"};
        StringBuilder q = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
            q.append(i == 0 ? "" : "&").append(keys[random.nextInt(keys.length)]).append('=')
                    .append(values[random.nextInt(values.length)]);
        }
        return q.toString();
    }
}
