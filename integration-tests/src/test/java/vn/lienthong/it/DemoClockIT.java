package vn.lienthong.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Demo mode on the shared gateway (the embedded default, so a demo): {@code /health} says so, and
 * an admin moves the gateway's clock forward, sees a dossier become overdue, and puts the clock
 * back; each change is in the audit trail, and no other role may touch the clock.
 */
@ExtendWith(SharedGateway.class)
class DemoClockIT {

    private static final String UNIT = "000.00.20.H30";
    private static final String CLOCK = "api/v1/admin/demo-clock";
    /** Past any same-day deadline, even across the longest holiday (Tết). */
    private static final String AHEAD = "P30D";

    private final SharedGateway.Server gateway;

    DemoClockIT(SharedGateway.Server gateway) {
        this.gateway = gateway;
    }

    private GatewayHttp as(String role, String officer) {
        return gateway.http().as(gateway.tokens().token(role, UNIT, officer, Instant.now(), 600));
    }

    /** Other classes share this gateway: whatever happens here, it leaves on real time. */
    @AfterEach
    void backToRealTime() {
        GatewayHttp.Reply reset = as(DemoTokens.ADMIN, "it.demo-clock-cleanup").delete(CLOCK);
        assertEquals(200, reset.status(), reset::toString);
    }

    @Test
    void theHealthCheckSaysThisIsADemo() {
        JsonObject health = gateway.http().get("health").json();
        JsonObject deployed = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("deployed")).findFirst()
                .orElseThrow(() -> new AssertionError("no deployed check: " + health));
        // Payara's health endpoint writes a check's boolean data as the string "true".
        assertEquals("true", deployed.getJsonObject("data").get("demo").toString().replace("\"", ""), health::toString);
        assertEquals("PT0S", deployed.getJsonObject("data").getString("demoClockOffset"), health::toString);
    }

    @Test
    void anAdminMovesTheClockForwardAndADossierBecomesOverdue() {
        String admin = "it.demo-clock-admin";
        GatewayHttp asAdmin = as(DemoTokens.ADMIN, admin);
        GatewayHttp officer = as(DemoTokens.DESK_OFFICER, "it.demo-clock-officer");
        GatewayHttp.Reply submitted = officer.post("api/v1/dossiers", GatewayHttp.submission("1.001193", UNIT, "001190160001"));
        assertEquals(201, submitted.status(), submitted::toString);
        String code = submitted.json().getString("code");
        String overdue = "api/v1/dossiers?overdue=true&q=" + code;

        JsonObject real = asAdmin.get(CLOCK).json();
        assertEquals("PT0S", real.getString("offset"), real::toString);
        assertEquals(List.of(), codes(officer.get(overdue)), "a same-day dossier is not late yet");
        assertFalse(officer.get("api/v1/dossiers/" + code).json().getBoolean("overdue"));

        GatewayHttp.Reply moved = asAdmin.put(CLOCK, "{\"offset\": \"" + AHEAD + "\"}");
        assertEquals(200, moved.status(), moved::toString);
        assertEquals(Duration.parse(AHEAD).toString(), moved.json().getString("offset"));
        Instant gatewayNow = Instant.parse(moved.json().getString("now"));
        assertTrue(gatewayNow.isAfter(Instant.now().plus(Duration.ofDays(29))), moved::toString);
        assertEquals(Duration.parse(AHEAD).toString(), asAdmin.get(CLOCK).json().getString("offset"));

        assertEquals(List.of(code), codes(officer.get(overdue)), "thirty days later it is overdue");
        assertTrue(officer.get("api/v1/dossiers/" + code).json().getBoolean("overdue"));

        GatewayHttp.Reply reset = asAdmin.delete(CLOCK);
        assertEquals(200, reset.status(), reset::toString);
        assertEquals("PT0S", reset.json().getString("offset"));
        assertEquals(List.of(), codes(officer.get(overdue)), "back on real time it is not late");

        List<JsonObject> trail = asAdmin.get("api/v1/admin/audit?actor=" + admin).jsonArray().getValuesAs(JsonObject.class);
        for (String method : List.of("PUT", "DELETE")) {
            assertTrue(trail.stream().anyMatch(e -> e.getString("action").equals(method)
                    && e.getString("target").equals("/admin/demo-clock") && e.getInt("status") == 200), trail::toString);
        }
    }

    @Test
    void onlyAnAdminMayTouchTheClock() {
        String body = "{\"offset\": \"" + AHEAD + "\"}";
        assertEquals(401, gateway.http().get(CLOCK).status());
        assertEquals(401, gateway.http().put(CLOCK, body).status());
        for (String role : List.of(DemoTokens.DESK_OFFICER, DemoTokens.LEADER, DemoTokens.AUDITOR)) {
            GatewayHttp caller = as(role, "it.demo-clock-" + role);
            assertEquals(403, caller.get(CLOCK).status(), role);
            GatewayHttp.Reply refused = caller.put(CLOCK, body);
            assertEquals(403, refused.status(), role);
            assertTrue(refused.contentType().startsWith("application/problem+json"), refused::toString);
            assertEquals(403, caller.delete(CLOCK).status(), role);
        }
        assertEquals("PT0S", as(DemoTokens.ADMIN, "it.demo-clock-admin").get(CLOCK).json().getString("offset"));
    }

    @Test
    void aNegativeOrMalformedOffsetIsABadRequest() {
        GatewayHttp asAdmin = as(DemoTokens.ADMIN, "it.demo-clock-admin");
        for (String offset : List.of("-P1D", "three days", "")) {
            GatewayHttp.Reply refused = asAdmin.put(CLOCK, "{\"offset\": \"" + offset + "\"}");
            assertEquals(400, refused.status(), refused::toString);
            assertTrue(refused.contentType().startsWith("application/problem+json"), refused::toString);
        }
        assertEquals("PT0S", asAdmin.get(CLOCK).json().getString("offset"));
    }

    private static List<String> codes(GatewayHttp.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getJsonArray("items").stream().map(d -> d.asJsonObject().getString("code")).toList();
    }
}
