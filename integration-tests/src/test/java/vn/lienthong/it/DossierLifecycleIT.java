package vn.lienthong.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The desk's day with one dossier, against the real WAR on Payara Micro: submit, look up, walk the lifecycle, count. */
@ExtendWith(SharedGateway.class)
class DossierLifecycleIT {

    /**
     * The catalogue has five receiving units and the shared gateway holds other classes' dossiers of
     * this one too (AgencyExchangeIT's): the statistics and the listing are counted from before this test.
     */
    private static final String AGENCY = "002.00.20.H13";

    @Test
    void submitLookUpWalkTheLifecycleAndCount(SharedGateway.Server gateway) {
        DemoTokens tokens = gateway.tokens();
        GatewayHttp http = gateway.http().as(tokens.token(DemoTokens.DESK_OFFICER, AGENCY));
        GatewayHttp leader = http.as(tokens.token(DemoTokens.LEADER, AGENCY));
        // Days as the gateway counts them (UTC+7); the dossiers below are received within [day, day + 1].
        LocalDate day = LocalDate.now(ZoneOffset.ofHours(7));
        JsonObject statsBefore = agencyRow(leader, day);
        int completedBefore = completed(http);

        // Submit: 201, code in the agency's daily sequence, appointment on the working calendar.
        GatewayHttp.Reply created = http.post("api/v1/dossiers", GatewayHttp.submission("1.004227", AGENCY, "001190012345"));
        assertEquals(201, created.status(), created::toString);
        JsonObject dossier = created.json();
        String code = dossier.getString("code");
        assertTrue(code.matches("002\\.00\\.20\\.H13-\\d{6}-\\d{4}"), code);
        assertEquals("RECEIVED", dossier.getString("status"));
        OffsetDateTime receivedAt = OffsetDateTime.parse(dossier.getString("receivedAt"));
        OffsetDateTime dueAt = OffsetDateTime.parse(dossier.getString("dueAt"));
        assertTrue(dossier.getString("receivedAt").endsWith("+07:00"), dossier.getString("receivedAt"));
        assertTrue(dueAt.isAfter(receivedAt.plusDays(10)), "10 working days are at least 12 calendar days");
        assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith("/api/v1/dossiers/" + code));

        // The preview API agrees with the appointment intake gave (10 working days = 80 h).
        JsonObject preview = http.get("api/v1/calendar/due?from=" + encode(dossier.getString("receivedAt")) + "&hours=80").json();
        assertEquals(dueAt.toInstant(), OffsetDateTime.parse(preview.getString("dueAt")).toInstant());

        // Look up.
        GatewayHttp.Reply fetched = http.get("api/v1/dossiers/" + code);
        assertEquals(200, fetched.status());
        assertEquals("Nguyễn Thị Diệu", fetched.json().getJsonObject("applicant").getString("fullName"));
        assertEquals("Nguyễn Văn An", fetched.json().getJsonObject("formData").getString("tenTre"));

        // Hand over to the land registry office: processing starts.
        GatewayHttp.Reply step = http.post("api/v1/dossiers/" + code + "/steps", """
                {"fromUnit": "Bộ phận Một cửa", "toUnit": "Chi nhánh Văn phòng đăng ký đất đai",
                 "workingHours": 16, "note": "Chuyển thẩm định hồ sơ"}""");
        assertEquals(200, step.status(), step::toString);
        assertEquals("IN_PROGRESS", step.json().getString("status"));

        // A supplement request pauses the clock; resubmission resumes it.
        assertEquals("SUPPLEMENT_REQUESTED", transition(http, code, "SUPPLEMENT_REQUESTED", "Thiếu bản gốc Giấy chứng nhận").getString("status"));
        JsonObject resumed = transition(http, code, "IN_PROGRESS", "Công dân đã bổ sung bản gốc");
        assertFalse(OffsetDateTime.parse(resumed.getString("deadlineAt")).isBefore(dueAt), "the clock never runs backwards");

        // A forbidden move answers 409 and names the allowed ones.
        GatewayHttp.Reply forbidden = http.post("api/v1/dossiers/" + code + "/transitions",
                "{\"status\": \"RECEIVED\", \"reason\": \"thử\"}");
        assertEquals(409, forbidden.status(), forbidden::toString);
        assertEquals("application/problem+json", forbidden.contentType());
        assertEquals(List.of("COMPLETED", "REJECTED", "STOPPED", "SUPPLEMENT_REQUESTED"),
                forbidden.json().getJsonArray("allowed").getValuesAs(JsonString::getString));

        // Form 04: apology and a new appointment.
        String newDate = OffsetDateTime.parse(resumed.getString("dueAt")).plusDays(3).toString();
        GatewayHttp.Reply extended = http.post("api/v1/dossiers/" + code + "/extensions",
                "{\"newDueAt\": \"" + newDate + "\", \"reason\": \"Chờ xác minh nguồn gốc đất\"}");
        assertEquals(200, extended.status(), extended::toString);

        // Completed early: well before the deadline.
        JsonObject done = transition(http, code, "COMPLETED", "Đã cập nhật biến động");
        assertEquals("COMPLETED", done.getString("status"));
        assertEquals("EARLY", done.getString("timeliness"));
        assertNotNull(done.getString("finishedAt"));

        // Form 06: every step with actor and time, in order.
        JsonObject history = http.get("api/v1/dossiers/" + code + "/history").json();
        List<String> kinds = history.getJsonArray("steps").getValuesAs(JsonObject.class).stream()
                .map(s -> s.getString("kind") + ":" + s.getString("toStatus", "")).toList();
        assertEquals(List.of("RECEIVED:RECEIVED", "TRANSITION:IN_PROGRESS", "HANDOVER:IN_PROGRESS",
                "TRANSITION:SUPPLEMENT_REQUESTED", "TRANSITION:IN_PROGRESS", "EXTENSION:IN_PROGRESS",
                "TRANSITION:COMPLETED"), kinds);
        history.getJsonArray("steps").getValuesAs(JsonObject.class)
                .forEach(s -> assertTrue(s.containsKey("at") && s.containsKey("actor"), s.toString()));

        // A second dossier stays open; then the statistics count both for this agency.
        String open = http.post("api/v1/dossiers", GatewayHttp.submission("2.000815", AGENCY, "079201000001")).json().getString("code");
        assertEquals("RECEIVED", http.get("api/v1/dossiers/" + open).json().getString("status"));
        JsonObject row = agencyRow(leader, day);
        assertNotNull(row, "no statistics row for " + AGENCY);
        assertEquals(count(statsBefore, "received") + 2, row.getInt("received"), row::toString);
        assertEquals(count(statsBefore, "inProgress") + 1, row.getInt("inProgress"), row::toString);
        assertEquals(count(statsBefore, "completedEarly") + 1, row.getInt("completedEarly"), row::toString);
        assertEquals(count(statsBefore, "completedLate"), row.getInt("completedLate"), row::toString);
        JsonObject byProcedure = leader.get("api/v1/statistics?" + period(day) + "&groupBy=procedure").json();
        assertTrue(byProcedure.getJsonArray("rows").getValuesAs(JsonObject.class).stream()
                .anyMatch(r -> r.getString("key").equals("1.004227")));

        // Listing with filters and paging: the newest completed dossier first.
        JsonObject page = http.get("api/v1/dossiers?agency=" + AGENCY + "&status=COMPLETED&size=1").json();
        assertEquals(completedBefore + 1, page.getInt("total"));
        assertEquals(1, page.getJsonArray("items").size());
        assertEquals(code, page.getJsonArray("items").getJsonObject(0).getString("code"));
    }

    /** The agency's statistics row for dossiers received from {@code day} to the day after; null if none. */
    private static JsonObject agencyRow(GatewayHttp leader, LocalDate day) {
        GatewayHttp.Reply stats = leader.get("api/v1/statistics?" + period(day) + "&groupBy=agency");
        assertEquals(200, stats.status(), stats::toString);
        return stats.json().getJsonArray("rows").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("key").equals(AGENCY)).findFirst().orElse(null);
    }

    private static String period(LocalDate day) {
        return "from=" + day + "&to=" + day.plusDays(1);
    }

    private static int count(JsonObject row, String field) {
        return row == null ? 0 : row.getInt(field);
    }

    private static int completed(GatewayHttp http) {
        return http.get("api/v1/dossiers?agency=" + AGENCY + "&status=COMPLETED&size=1").json().getInt("total");
    }

    private static JsonObject transition(GatewayHttp http, String code, String status, String reason) {
        GatewayHttp.Reply r = http.post("api/v1/dossiers/" + code + "/transitions",
                "{\"status\": \"" + status + "\", \"reason\": \"" + reason + "\"}");
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
