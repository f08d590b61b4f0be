package vn.lienthong.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every kind of bad request gets a bilingual problem body with the right status, and stores nothing. */
@ExtendWith(SharedGateway.class)
class BadInputIT {

    private static final String AGENCY = "H15.50.05.13";

    @Test
    void eachBadRequestHasItsStatusAndNothingIsStored(SharedGateway.Server gateway) {
        DemoTokens tokens = gateway.tokens();
        GatewayHttp http = gateway.http().as(tokens.token(DemoTokens.DESK_OFFICER, AGENCY));
        String valid = GatewayHttp.submission("1.001193", AGENCY, "001190012345");
        // The shared gateway holds other classes' dossiers of this agency (NotificationsIT's): count from here.
        int storedBefore = http.get("api/v1/dossiers?agency=" + AGENCY).json().getInt("total");

        problem(http.post("api/v1/dossiers", valid.replace("1.001193", "9.999999")), 422, "procedureCode");
        // An agency missing from the catalogue: 422 for an officer whose token names it, and 403
        // for an officer of another agency, who may not submit there whether it exists or not.
        problem(http.as(tokens.token(DemoTokens.DESK_OFFICER, "999.99.99.H99"))
                .post("api/v1/dossiers", valid.replace(AGENCY, "999.99.99.H99")), 422, "agencyCode");
        problem(http.post("api/v1/dossiers", valid.replace(AGENCY, "999.99.99.H99")), 403, null);
        problem(http.post("api/v1/dossiers", valid.replace("001190012345", "00119001234")), 400, "applicant.citizenId");
        problem(http.post("api/v1/dossiers", valid.replace("001190012345", "00119001234X")), 400, "applicant.citizenId");
        problem(http.post("api/v1/dossiers", valid.replace("\"COUNTER\"", "\"FAX\"")), 400, "channel");
        problem(http.post("api/v1/dossiers", valid.replace("\"COUNTER\"", "42")), 400, null);
        problem(http.post("api/v1/dossiers", valid.substring(0, valid.length() / 2)), 400, null);
        problem(http.post("api/v1/dossiers", "[1, 2, 3]"), 400, null);
        problem(http.post("api/v1/dossiers", ""), 400, null);
        problem(http.post("api/v1/dossiers", "{}"), 400, "procedureCode");

        byte[] big = new byte[2 * 1024 * 1024];
        Arrays.fill(big, (byte) ' ');
        byte[] head = valid.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, big, 0, head.length);
        problem(http.postLarge("api/v1/dossiers", big), 413, null);
        // A chunked body is cut off while reading (BodySizeLimitTest); the server then closes the
        // connection before the client has sent everything, which java.net.http reports as EOF.

        problem(http.get("api/v1/dossiers/not-a-code"), 400, "code");
        problem(http.get("api/v1/dossiers/" + AGENCY + "-260101-9999"), 404, null);
        problem(http.get("api/v1/dossiers?status=LOST"), 400, "status");
        problem(http.get("api/v1/dossiers?from=yesterday"), 400, "from");
        problem(http.get("api/v1/calendar/1899"), 400, "year");
        problem(http.get("api/v1/calendar/due?from=2026-02-13T10:00:00%2B07:00&hours=many"), 400, "hours");
        problem(http.get("api/v1/no-such-thing"), 404, null);

        // Nothing of the above was stored for this agency.
        assertEquals(storedBefore, http.get("api/v1/dossiers?agency=" + AGENCY).json().getInt("total"));
        // And the valid request still goes through.
        assertEquals(201, http.post("api/v1/dossiers", valid).status());
        assertEquals(storedBefore + 1, http.get("api/v1/dossiers?agency=" + AGENCY).json().getInt("total"));
    }

    private static void problem(GatewayHttp.Reply reply, int status, String field) {
        assertEquals(status, reply.status(), reply::toString);
        assertEquals("application/problem+json", reply.contentType(), reply::toString);
        assertFalse(reply.body().contains("Exception") || reply.body().contains("at vn.") || reply.body().contains("at org."),
                "no stack trace: " + reply.body());
        JsonObject body = reply.json();
        assertEquals(status, body.getInt("status"));
        for (String key : List.of("type", "title", "titleEn", "detail", "detailEn")) {
            assertTrue(body.containsKey(key), key + " missing in " + body);
        }
        if (field != null) {
            assertTrue(body.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                    .anyMatch(e -> e.getString("field").equals(field)), field + " not named in " + body);
        }
    }
}
