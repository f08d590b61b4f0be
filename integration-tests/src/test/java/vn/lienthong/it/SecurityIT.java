package vn.lienthong.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may call what, on the real WAR: the role matrix (every endpoint against every role, no
 * token, an expired and a forged one), agency scope, authenticated agency callbacks, the audit trail.
 */
@ExtendWith(SharedGateway.class)
class SecurityIT {

    /** A level-2 unit of province H30; its parent is 000.00.00.H30, its own unit 000.20.20.H30. */
    private static final String UNIT = "000.00.20.H30";
    private static final String PROVINCE = "000.00.00.H30";
    private static final String OTHER = "002.00.20.H13";

    private final SharedGateway.Server gateway;

    SecurityIT(SharedGateway.Server gateway) {
        this.gateway = gateway;
    }

    private GatewayHttp anonymous() {
        return gateway.http();
    }

    private GatewayHttp as(String role, String agency) {
        return anonymous().as(gateway.tokens().token(role, agency));
    }

    /** One call of the matrix: a method, a path, a body. */
    private record Call(String method, String path, String body) {
        GatewayHttp.Reply on(GatewayHttp http) {
            return switch (method) {
                case "GET" -> http.get(path);
                case "POST" -> http.post(path, body);
                default -> throw new IllegalArgumentException(method);
            };
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Test
    void everyEndpointAnswersEachRoleAsTheMatrixSays() {
        String dossier = as(DemoTokens.DESK_OFFICER, UNIT).post("api/v1/dossiers",
                GatewayHttp.submission("1.001193", UNIT, "001190020001")).json().getString("code");
        DemoTokens tokens = gateway.tokens();
        Map<String, GatewayHttp> callers = new LinkedHashMap<>();
        callers.put("anonymous", anonymous());
        callers.put("expired", anonymous().as(tokens.expired(DemoTokens.DESK_OFFICER, UNIT)));
        callers.put("forged", anonymous().as(DemoTokens.forger().token(DemoTokens.ADMIN, UNIT)));
        callers.put("desk-officer", as(DemoTokens.DESK_OFFICER, UNIT));
        callers.put("leader", as(DemoTokens.LEADER, UNIT));
        callers.put("admin", as(DemoTokens.ADMIN, UNIT));
        callers.put("auditor", as(DemoTokens.AUDITOR, UNIT));

        String step = "{\"toUnit\": \"Tư pháp – Hộ tịch\", \"workingHours\": 1}";
        // Expected status per caller, in the order above: anonymous, expired, forged, desk-officer, leader, admin, auditor.
        Map<Call, int[]> matrix = new LinkedHashMap<>();
        matrix.put(new Call("GET", "api/v1/procedures", null), new int[] {401, 401, 401, 200, 200, 200, 200});
        matrix.put(new Call("GET", "api/v1/agencies", null), new int[] {401, 401, 401, 200, 200, 200, 200});
        matrix.put(new Call("GET", "api/v1/calendar/2026", null), new int[] {401, 401, 401, 200, 200, 200, 200});
        matrix.put(new Call("GET", "api/v1/calendar/due?from=2026-02-13T10:00:00%2B07:00&hours=4", null),
                new int[] {401, 401, 401, 200, 200, 200, 200});
        matrix.put(new Call("POST", "api/v1/dossiers", GatewayHttp.submission("1.001193", UNIT, "001190020002")),
                new int[] {401, 401, 401, 201, 403, 403, 403});
        matrix.put(new Call("GET", "api/v1/dossiers", null), new int[] {401, 401, 401, 200, 200, 403, 403});
        matrix.put(new Call("GET", "api/v1/dossiers/" + dossier, null), new int[] {401, 401, 401, 200, 200, 403, 403});
        matrix.put(new Call("GET", "api/v1/dossiers/" + dossier + "/history", null),
                new int[] {401, 401, 401, 200, 200, 403, 403});
        matrix.put(new Call("POST", "api/v1/dossiers/" + dossier + "/steps", step),
                new int[] {401, 401, 401, 200, 403, 403, 403});
        matrix.put(new Call("POST", "api/v1/dossiers/" + dossier + "/extensions",
                        "{\"newDueAt\": \"2027-01-29T16:00:00+07:00\", \"reason\": \"Chờ xác minh\"}"),
                new int[] {401, 401, 401, 200, 403, 403, 403});
        matrix.put(new Call("GET", "api/v1/statistics", null), new int[] {401, 401, 401, 403, 200, 403, 403});
        matrix.put(new Call("GET", "api/v1/admin/dead-letters", null), new int[] {401, 401, 401, 403, 403, 200, 403});
        matrix.put(new Call("POST", "api/v1/admin/dead-letters/987654321/replay", ""),
                new int[] {401, 401, 401, 403, 403, 404, 403});
        matrix.put(new Call("GET", "api/v1/admin/audit", null), new int[] {401, 401, 401, 403, 200, 200, 403});
        matrix.put(new Call("GET", "api/v1/admin/message-log?limit=5", null), new int[] {401, 401, 401, 403, 403, 200, 403});
        matrix.put(new Call("GET", "api/v1/admin/message-log/verify", null), new int[] {401, 401, 401, 403, 403, 200, 403});
        matrix.put(new Call("GET", "api/v1/dossiers/" + dossier + "/attachments", null),
                new int[] {401, 401, 401, 200, 200, 403, 403});
        // Agencies' callbacks prove themselves by mTLS or HMAC, never by a desk's token.
        matrix.put(new Call("POST", "api/v1/callbacks/residence", "{\"ticket\": \"T-1\"}"),
                new int[] {401, 401, 401, 401, 401, 401, 401});

        List<String> wrong = new ArrayList<>();
        List<String> roles = new ArrayList<>(callers.keySet());
        matrix.forEach((call, expected) -> {
            for (int i = 0; i < roles.size(); i++) {
                GatewayHttp.Reply reply = call.on(callers.get(roles.get(i)));
                if (reply.status() != expected[i]) {
                    wrong.add(call + " as " + roles.get(i) + ": expected " + expected[i] + ", got " + reply);
                } else if (reply.status() >= 400 && !reply.contentType().startsWith("application/problem+json")) {
                    wrong.add(call + " as " + roles.get(i) + ": " + reply.status() + " without a problem body: " + reply);
                }
            }
        });
        assertTrue(wrong.isEmpty(), () -> wrong.size() + " cells differ:\n" + String.join("\n", wrong));

        GatewayHttp root = anonymous().serverRoot();
        assertEquals(200, root.get("health").status());
        assertEquals(200, root.get("openapi").status());
        GatewayHttp.Reply refused = anonymous().get("api/v1/dossiers");
        assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), refused::toString);
    }

    /**
     * A token once verified is not verified again while it holds (infrastructure/security/VerifiedTokens):
     * a copy altered in any way, another issuer's token with the right key, and the same token once
     * expired are each still refused.
     */
    @Test
    void aTokenAcceptedBeforeDoesNotOpenTheDoorToItsVariants() {
        DemoTokens tokens = gateway.tokens();
        String token = tokens.token(DemoTokens.DESK_OFFICER, UNIT);
        assertEquals(200, anonymous().as(token).get("api/v1/procedures").status());
        assertEquals(200, anonymous().as(token).get("api/v1/procedures").status());

        String[] parts = token.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"" + DemoTokens.DESK_OFFICER + "\"", "\"" + DemoTokens.ADMIN + "\"");
        String otherClaims = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        char last = parts[2].charAt(parts[2].length() - 2);
        String otherSignature = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        String otherIssuer = tokens.token("urn:lienthong:another-issuer", DemoTokens.DESK_OFFICER, UNIT, "it.desk-officer",
                Instant.now(), 3600);
        String shortLived = tokens.token(DemoTokens.DESK_OFFICER, UNIT, "it.desk-officer", Instant.now(), 3);
        assertEquals(200, anonymous().as(shortLived).get("api/v1/procedures").status());

        assertEquals(401, anonymous().as(otherClaims).get("api/v1/procedures").status(), "claims changed, signature kept");
        assertEquals(401, anonymous().as(otherSignature).get("api/v1/procedures").status(), "signature changed");
        assertEquals(401, anonymous().as(otherIssuer).get("api/v1/procedures").status(), "another issuer, the right key");
        assertEquals(401, anonymous().as(DemoTokens.forger().token(DemoTokens.DESK_OFFICER, UNIT))
                .get("api/v1/procedures").status(), "another key");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(500))
                .until(() -> anonymous().as(shortLived).get("api/v1/procedures").status() == 401);
        assertEquals(200, anonymous().as(token).get("api/v1/procedures").status(), "the original still holds");
    }

    @Test
    void anOfficerSeesOnlyTheirAgencyAndALeaderAlsoTheUnitsUnderIt() {
        GatewayHttp officer = as(DemoTokens.DESK_OFFICER, UNIT);
        String code = officer.post("api/v1/dossiers", GatewayHttp.submission("1.001193", UNIT, "001190020003"))
                .json().getString("code");
        String path = "api/v1/dossiers/" + code;

        assertEquals(200, officer.get(path).status());
        // Another agency's officer, and even the parent province's desk officer: not theirs.
        GatewayHttp.Reply other = as(DemoTokens.DESK_OFFICER, OTHER).get(path);
        assertEquals(403, other.status(), other::toString);
        assertTrue(other.json().getString("detailEn").contains(UNIT), other::toString);
        assertEquals(403, as(DemoTokens.DESK_OFFICER, PROVINCE).get(path).status());
        assertEquals(403, as(DemoTokens.DESK_OFFICER, OTHER).get(path + "/history").status());
        assertEquals(403, as(DemoTokens.DESK_OFFICER, OTHER).post(path + "/steps", "{\"toUnit\": \"x\"}").status());
        assertEquals(403, as(DemoTokens.DESK_OFFICER, OTHER).get("api/v1/dossiers?agency=" + UNIT).status());
        // Another agency's list does not contain it.
        assertFalse(as(DemoTokens.DESK_OFFICER, OTHER).get("api/v1/dossiers?size=200").body().contains(code));

        // Leaders: of the unit and of its parent province, yes; of a unit below it or elsewhere, no.
        assertEquals(200, as(DemoTokens.LEADER, UNIT).get(path).status());
        assertEquals(200, as(DemoTokens.LEADER, PROVINCE).get(path).status());
        assertEquals(403, as(DemoTokens.LEADER, "000.20.20.H30").get(path).status());
        assertEquals(403, as(DemoTokens.LEADER, "000.00.00.H13").get(path).status());
        JsonObject provinceList = as(DemoTokens.LEADER, PROVINCE).get("api/v1/dossiers?agency=" + UNIT + "&size=200").json();
        assertTrue(provinceList.toString().contains(code), provinceList::toString);
        // Leaders read; they do not change.
        assertEquals(403, as(DemoTokens.LEADER, PROVINCE).post(path + "/steps", "{\"toUnit\": \"x\"}").status());

        // An officer may not submit for another agency, nor sign the history as somebody else.
        assertEquals(403, officer.post("api/v1/dossiers", GatewayHttp.submission("1.001193", OTHER, "001190020004")).status());
        GatewayHttp.Reply impostor = officer.post(path + "/steps", "{\"actor\": \"someone.else\", \"toUnit\": \"x\"}");
        assertEquals(400, impostor.status(), impostor::toString);
        List<JsonObject> steps = officer.get(path + "/history").json().getJsonArray("steps").getValuesAs(JsonObject.class);
        assertEquals("it.desk-officer", steps.get(0).getString("actor"), steps::toString);
    }

    @Test
    void anIdempotencyKeyNeverReachesAnotherAgencysDossier() {
        String key = "desk-1-" + System.nanoTime();
        GatewayHttp.Reply first = post(as(DemoTokens.DESK_OFFICER, UNIT), key,
                GatewayHttp.submission("1.001193", UNIT, "001190020005"));
        assertEquals(201, first.status(), first::toString);
        // Another agency's desk system happens to choose the same key: a dossier of its own, not the first one.
        GatewayHttp.Reply other = post(as(DemoTokens.DESK_OFFICER, OTHER), key,
                GatewayHttp.submission("1.001193", OTHER, "001190020006"));
        assertEquals(201, other.status(), other::toString);
        assertFalse(other.body().contains(first.json().getString("code")), other::toString);
        assertFalse(other.body().contains("001190020005"), other::toString);
        // Within the agency the key still names the first dossier.
        GatewayHttp.Reply retry = post(as(DemoTokens.DESK_OFFICER, UNIT), key,
                GatewayHttp.submission("1.001193", UNIT, "001190020005"));
        assertEquals(200, retry.status(), retry::toString);
        assertEquals(first.json().getString("code"), retry.json().getString("code"));
    }

    private static GatewayHttp.Reply post(GatewayHttp http, String idempotencyKey, String body) {
        return http.send(HttpRequest.newBuilder(http.resolve("api/v1/dossiers"))
                .header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void callbacksNeedTheAgencysSignatureOnceAndFresh() {
        GatewayHttp http = anonymous();
        String body = "{\"ticket\": \"NO-SUCH-TICKET-" + System.nanoTime() + "\", \"outcome\": \"DONE\", \"result\": {}}";
        long now = Instant.now().getEpochSecond();

        assertEquals(401, callback(http, "residence", body, null, null).status(), "no signature, no certificate");
        // A wrong signature is refused (this also makes the gateway create the agency's secret).
        GatewayHttp.Reply forged = callback(http, "residence", body, now, "sha256=" + "00".repeat(32));
        assertEquals(401, forged.status(), forged::toString);
        assertTrue(forged.json().getString("detailEn").contains("HMAC"), forged::toString);

        byte[] secret = secret("residence");
        String signature = sign(secret, now, body);
        GatewayHttp.Reply first = callback(http, "residence", body, now, signature);
        assertEquals(404, first.status(), () -> "authenticated, then an unknown ticket: " + first);
        GatewayHttp.Reply replay = callback(http, "residence", body, now, signature);
        assertEquals(401, replay.status(), replay::toString);
        assertTrue(replay.json().getString("detailEn").contains("replayed"), replay::toString);

        long stale = now - 600;
        assertEquals(401, callback(http, "residence", body, stale, sign(secret, stale, body)).status(), "10 minutes old");
        String tampered = body.replace("DONE", "REJECTED");
        long fresh = Instant.now().getEpochSecond();
        assertEquals(401, callback(http, "residence", tampered, fresh, sign(secret, fresh, body)).status(), "body changed");
        assertEquals(404, callback(http, "no-such-agency", body, fresh, signature).status());
    }

    @Test
    void stateChangesAndRefusalsAreInTheAuditTrail() {
        // The shared gateway's trail holds every class's calls (FuzzIT's thousands): read only this test's.
        GatewayHttp admin = as(DemoTokens.ADMIN, UNIT);
        long newestBefore = admin.get("api/v1/admin/audit?limit=1").jsonArray().getValuesAs(JsonObject.class).stream()
                .mapToLong(e -> e.getJsonNumber("id").longValue()).max().orElse(0);
        GatewayHttp officer = as(DemoTokens.DESK_OFFICER, UNIT);
        String code = officer.post("api/v1/dossiers", GatewayHttp.submission("1.001193", UNIT, "001190020005"))
                .json().getString("code");
        assertEquals(401, anonymous().post("api/v1/dossiers/" + code + "/steps", "{\"toUnit\": \"x\"}").status());
        assertEquals(403, as(DemoTokens.AUDITOR, UNIT).get("api/v1/admin/audit").status());

        List<JsonObject> events = admin.get("api/v1/admin/audit?limit=1000").jsonArray()
                .getValuesAs(JsonObject.class).stream().filter(e -> e.getJsonNumber("id").longValue() > newestBefore)
                .toList();
        assertTrue(events.stream().anyMatch(e -> e.getString("target").equals("/dossiers") && e.getInt("status") == 201
                && e.getString("actor", "").equals("it.desk-officer") && e.getString("roles", "").equals("desk-officer")
                && e.getString("agencyCode", "").equals(UNIT) && e.getString("outcome").equals("SUCCESS")), "submission");
        assertTrue(events.stream().anyMatch(e -> e.getString("target").equals("/dossiers/" + code + "/steps")
                && e.getInt("status") == 401 && !e.containsKey("actor") && e.getString("outcome").equals("DENIED")),
                "anonymous refusal");
        assertTrue(events.stream().anyMatch(e -> e.getString("target").equals("/admin/audit") && e.getInt("status") == 403
                && e.getString("roles", "").equals("auditor")), "wrong role");
        JsonObject first = events.get(0);
        assertTrue(first.containsKey("occurredAt") && first.containsKey("client"), first::toString);

        GatewayHttp.Reply bad = as(DemoTokens.LEADER, UNIT).get("api/v1/admin/audit?outcome=MAYBE");
        assertEquals(400, bad.status(), bad::toString);
    }

    @Test
    void theDemoSignInMintsAShortLivedTokenOfTheChosenRoleAndAgencyAndAuditsIt() {
        GatewayHttp admin = as(DemoTokens.ADMIN, UNIT);
        long newestBefore = admin.get("api/v1/admin/audit?limit=1").jsonArray().getValuesAs(JsonObject.class).stream()
                .mapToLong(e -> e.getJsonNumber("id").longValue()).max().orElse(0);
        JsonObject options = anonymous().get("api/v1/demo/sign-in").json();
        assertEquals(4, options.getJsonArray("roles").size(), options::toString);
        assertTrue(options.getJsonArray("agencies").getValuesAs(JsonObject.class).stream()
                .anyMatch(a -> a.getString("code").equals(UNIT)), options::toString);

        GatewayHttp.Reply minted = anonymous().post("api/v1/demo/sign-in",
                "{\"role\": \"desk-officer\", \"agencyCode\": \"" + UNIT + "\"}");
        assertEquals(200, minted.status(), minted::toString);
        String token = minted.json().getString("token");
        long expires = java.time.Instant.parse(minted.json().getString("expiresAt")).getEpochSecond();
        long now = java.time.Instant.now().getEpochSecond();
        assertTrue(expires > now && expires <= now + 1800 + 5, "short-lived: " + minted);
        // A desk officer of that unit, in that unit's scope only.
        GatewayHttp officer = anonymous().as(token);
        assertEquals(201, officer.post("api/v1/dossiers", GatewayHttp.submission("1.001193", UNIT, "001190020007")).status());
        assertEquals(403, officer.get("api/v1/dossiers?agency=" + OTHER).status());
        assertEquals(403, officer.get("api/v1/admin/audit").status());

        assertEquals(400, anonymous().post("api/v1/demo/sign-in",
                "{\"role\": \"superuser\", \"agencyCode\": \"" + UNIT + "\"}").status());
        assertEquals(400, anonymous().post("api/v1/demo/sign-in",
                "{\"role\": \"admin\", \"agencyCode\": \"999.99.99.X99\"}").status());
        List<JsonObject> events = admin.get("api/v1/admin/audit?limit=1000").jsonArray()
                .getValuesAs(JsonObject.class).stream().filter(e -> e.getJsonNumber("id").longValue() > newestBefore)
                .toList();
        assertTrue(events.stream().anyMatch(e -> e.getString("target").equals("/demo/sign-in") && e.getInt("status") == 200
                && e.getString("actor", "").equals("demo-sign-in:demo.desk-officer." + UNIT)), events::toString);
    }

    private static GatewayHttp.Reply callback(GatewayHttp http, String agency, String body, Long timestamp, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.resolve("api/v1/callbacks/" + agency))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (timestamp != null) {
            request.header("X-LienThong-Timestamp", Long.toString(timestamp));
        }
        if (signature != null) {
            request.header("X-LienThong-Signature", signature);
        }
        return http.send(request);
    }

    private byte[] secret(String agency) {
        Path file = gateway.dataDir().resolve("keys").resolve("callback-" + agency + ".secret");
        try {
            return Files.readString(file).trim().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sign(byte[] secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
