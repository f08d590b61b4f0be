package vn.lienthong.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The desk's search box on the real gateway: {@code GET /api/v1/dossiers?q=} by code, citizen ID or
 * part of the name, only within the officer's agency, paged; a citizen ID in a refused search's
 * query is not kept in clear in the audit trail.
 */
@ExtendWith(SharedGateway.class)
class DossierSearchIT {

    private static final String UNIT = "000.00.20.H30";
    private static final String OTHER = "002.00.20.H13";
    private static final String CITIZEN = "001190150001";

    private final SharedGateway.Server gateway;

    DossierSearchIT(SharedGateway.Server gateway) {
        this.gateway = gateway;
    }

    private GatewayHttp officerOf(String agency) {
        return gateway.http().as(gateway.tokens().token(DemoTokens.DESK_OFFICER, agency));
    }

    private static String submission(String agency, String fullName, String citizenId) {
        return GatewayHttp.submission("1.001193", agency, citizenId).replace("Nguyễn Thị Diệu", fullName);
    }

    private String submit(String agency, String fullName, String citizenId) {
        GatewayHttp.Reply reply = officerOf(agency).post("api/v1/dossiers", submission(agency, fullName, citizenId));
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().getString("code");
    }

    private static List<String> codes(GatewayHttp.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getJsonArray("items").stream().map(d -> d.asJsonObject().getString("code")).toList();
    }

    private static String q(String text) {
        return "api/v1/dossiers?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void theSearchBoxFindsByCodeCitizenIdOrNameWithinTheOfficersAgency() {
        String first = submit(UNIT, "Hoàng Thị Sưu Tầm", CITIZEN);
        String second = submit(UNIT, "Hoàng Văn Sưu Tầm", "001190150002");
        String elsewhere = submit(OTHER, "Hoàng Thị Sưu Tầm", CITIZEN);
        GatewayHttp officer = officerOf(UNIT);

        assertEquals(List.of(first), codes(officer.get(q(first))));
        assertEquals(List.of(first), codes(officer.get(q(CITIZEN))), "the same citizen at another agency stays hidden");
        assertEquals(List.of(first), codes(officer.get(q("hoàng thị sưu tầm"))));
        assertEquals(List.of(second, first), codes(officer.get(q("SƯU TẦM"))), "newest first");
        assertEquals(List.of(elsewhere), codes(officerOf(OTHER).get(q(CITIZEN))));

        JsonObject page = officer.get(q("sưu tầm") + "&size=1&page=1").json();
        assertEquals(2, page.getInt("total"));
        assertEquals(List.of(first), page.getJsonArray("items").stream()
                .map(d -> d.asJsonObject().getString("code")).toList());
        assertEquals(List.of(), codes(officer.get(q("sưu tầm") + "&status=COMPLETED")));
    }

    @Test
    void anOverlongSearchIsABadRequest() {
        GatewayHttp.Reply reply = officerOf(UNIT).get(q("x".repeat(101)));
        assertEquals(400, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply::toString);
    }

    @Test
    void aRefusedSearchByCitizenIdIsAuditedWithTheNumberMasked() {
        String admin = "it.search-audit-admin";
        GatewayHttp asAdmin = gateway.http().as(gateway.tokens().token(DemoTokens.ADMIN, UNIT, admin, Instant.now(), 600));
        assertEquals(403, asAdmin.get(q(CITIZEN)).status(), "an admin does not search dossiers");
        GatewayHttp.Reply trail = asAdmin.get("api/v1/admin/audit?actor=" + admin);
        assertEquals(200, trail.status(), trail::toString);
        List<String> targets = trail.jsonArray().stream().map(e -> e.asJsonObject().getString("target")).toList();
        assertTrue(targets.stream().anyMatch(t -> t.contains("q=0011******01")), targets::toString);
        assertFalse(trail.body().contains(CITIZEN), trail::body);
    }
}
