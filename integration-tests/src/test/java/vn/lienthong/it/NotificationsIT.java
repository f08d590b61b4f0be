package vn.lienthong.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Citizens told, on the real WAR with the sandbox sinks: a consenting applicant gets each SMS and
 * e-mail exactly once per status change, an extension brings an apology with the new date, no
 * consent sends nothing, and an SMS gateway that is down (or loses a reply) still ends in one SMS.
 */
@ExtendWith(SharedGateway.class)
class NotificationsIT {

    /**
     * A receiving unit with a procedure that involves no other agency. The sandbox sinks and the
     * notice list hold every class's messages on the shared gateway: each test reads only its own
     * phone number, e-mail address and dossier code, which no other IT uses.
     */
    private static final String AGENCY = "H15.50.05.13";
    private static final String PROCEDURE = "2.000815";
    private static final String CITIZEN_ID = "001190099999";

    private final SharedGateway.Server gateway;
    private JsonObject smsFaultsBefore;

    NotificationsIT(SharedGateway.Server gateway) {
        this.gateway = gateway;
    }

    private GatewayHttp anonymous() {
        return gateway.http();
    }

    private GatewayHttp officer() {
        return anonymous().as(gateway.tokens().token(DemoTokens.DESK_OFFICER, AGENCY));
    }

    private GatewayHttp admin() {
        return anonymous().as(gateway.tokens().token(DemoTokens.ADMIN, AGENCY));
    }

    @BeforeEach
    void rememberSmsFaults() {
        smsFaultsBefore = anonymous().get("sandbox/sms/_faults").json();
    }

    /**
     * The shared gateway's SMS sandbox serves the classes that come after: a test that plans faults
     * gets them undone here, whether it passed or not (JUnit keeps the test's own failure first).
     */
    @AfterEach
    void restoreSmsFaults() {
        GatewayHttp.Reply restored = anonymous().put("sandbox/sms/_faults", smsFaultsBefore.toString());
        assertEquals(200, restored.status(), restored::toString);
        assertEquals(smsFaultsBefore, restored.json(), "the SMS sandbox's faults as before the test");
    }

    private static String submission(String phone, String email, String notify) {
        return """
                {"procedureCode": "%s", "agencyCode": "%s",
                 "applicant": {"fullName": "Trần Thị Hương", "citizenId": "%s", "phone": "%s", "email": "%s"%s},
                 "formData": {"soBan": 2}, "channel": "COUNTER"}
                """.formatted(PROCEDURE, AGENCY, CITIZEN_ID, phone, email,
                notify == null ? "" : ", \"notify\": " + notify);
    }

    private String submit(String phone, String email, String notify) {
        GatewayHttp.Reply created = officer().post("api/v1/dossiers", submission(phone, email, notify));
        assertEquals(201, created.status(), created::toString);
        return created.json().getString("code");
    }

    private List<JsonObject> sms(String phone) {
        return anonymous().get("sandbox/sms/_sent?to=" + phone).json().getJsonArray("sent")
                .getValuesAs(JsonObject.class);
    }

    private List<JsonObject> mails(String email) {
        return anonymous().get("sandbox/mail/_sent?to=" + email).json().getJsonArray("sent")
                .getValuesAs(JsonObject.class);
    }

    private static void awaitCount(java.util.function.Supplier<List<JsonObject>> sent, int count) {
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200))
                .until(() -> sent.get().size() >= count);
        // And no more: the same count holds for two poll periods of the senders.
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                .until(() -> sent.get().size() == count);
    }

    @Test
    void aConsentingCitizenIsToldOnceOfTheReceiptAndOnceOfTheRejection() {
        String phone = "0912000101";
        String email = "huong.101@example.vn";
        String code = submit(phone, email, "{\"sms\": true, \"email\": true}");
        JsonObject dossier = officer().get("api/v1/dossiers/" + code).json();
        assertEquals(true, dossier.getJsonObject("applicant").getJsonObject("notify").getBoolean("sms"));
        String due = OffsetDateTime.parse(dossier.getString("dueAt")).withOffsetSameInstant(ZoneOffset.ofHours(7))
                .format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));

        awaitCount(() -> sms(phone), 1);
        awaitCount(() -> mails(email), 1);
        String text = sms(phone).get(0).getString("text");
        assertTrue(text.startsWith("Ho so " + code + " da duoc tiep nhan. Hen tra ket qua ngay " + due), text);
        assertTrue(text.endsWith("/tra-cuu?ma=" + code), "the look-up page with the code filled in: " + text);
        assertTrue(text.chars().allMatch(c -> c < 128), "SMS without diacritics: " + text);
        assertTrue(text.length() <= 306, "at most two segments: " + text.length());
        JsonObject mail = mails(email).get(0);
        assertEquals("Hồ sơ " + code + " đã được tiếp nhận", mail.getString("subject"));
        assertTrue(mail.getString("contentType").toLowerCase().contains("charset=utf-8"), mail::toString);
        String body = mail.getString("body");
        assertTrue(body.contains("Kính gửi ông/bà Trần Thị Hương"), body);
        assertTrue(body.contains("Chứng thực bản sao") && body.contains("Ngày hẹn trả kết quả: " + due), body);
        assertTrue(body.contains("/tra-cuu?ma=" + code), body);
        assertFalse(body.contains(CITIZEN_ID) || text.contains(CITIZEN_ID), "no citizen ID in any message");
        assertEquals(sms(phone).get(0).getString("requestId").length(), 36, "the notice id goes as X-Request-Id");

        GatewayHttp.Reply rejected = officer().post("api/v1/dossiers/" + code + "/transitions",
                "{\"status\": \"REJECTED\", \"reason\": \"Bản chính không hợp lệ\"}");
        assertEquals(200, rejected.status(), rejected::toString);
        awaitCount(() -> sms(phone), 2);
        awaitCount(() -> mails(email), 2);
        assertTrue(sms(phone).get(1).getString("text").startsWith("Ho so " + code + " khong duoc giai quyet"));
        JsonObject second = mails(email).get(1);
        assertEquals("Hồ sơ " + code + " không được giải quyết", second.getString("subject"));
        assertTrue(second.getString("body").contains("Lý do: Bản chính không hợp lệ"), second::toString);

        List<JsonObject> notices = admin().get("api/v1/admin/notices?status=SENT&limit=1000").jsonArray()
                .getValuesAs(JsonObject.class).stream().filter(n -> n.getString("dossierCode").equals(code)).toList();
        assertEquals(4, notices.size(), notices::toString);
        assertTrue(notices.stream().noneMatch(n -> n.getString("recipient").equals(phone)
                || n.getString("recipient").equals(email)), "recipients are masked in the admin view");
    }

    @Test
    void anExtensionBringsAnApologyWithTheNewDate() {
        String phone = "0912000102";
        String email = "huong.102@example.vn";
        String code = submit(phone, email, "{\"sms\": true}");
        awaitCount(() -> sms(phone), 1);
        OffsetDateTime dueAt = OffsetDateTime.parse(officer().get("api/v1/dossiers/" + code).json().getString("dueAt"));
        OffsetDateTime newDue = dueAt.plusDays(7);
        GatewayHttp.Reply extended = officer().post("api/v1/dossiers/" + code + "/extensions",
                "{\"newDueAt\": \"" + newDue + "\", \"reason\": \"Chờ xác minh bản chính\"}");
        assertEquals(200, extended.status(), extended::toString);
        awaitCount(() -> sms(phone), 2);
        String apology = sms(phone).get(1).getString("text");
        String newDay = newDue.withOffsetSameInstant(ZoneOffset.ofHours(7)).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        assertTrue(apology.startsWith("Xin loi ong/ba: ho so " + code + " cham tra ket qua. Hen tra moi ngay " + newDay),
                apology);
        assertEquals(0, mails(email).size(), "no e-mail consent, no e-mail");
    }

    @Test
    void withoutConsentNothingIsQueued() {
        String phone = "0912000103";
        String code = submit(phone, "huong.103@example.vn", null);
        // Notices are written in the intake's own transaction: none now means none ever for this event.
        List<JsonObject> notices = admin().get("api/v1/admin/notices?limit=1000").jsonArray()
                .getValuesAs(JsonObject.class).stream().filter(n -> n.getString("dossierCode").equals(code)).toList();
        assertEquals(List.of(), notices);
        GatewayHttp.Reply completed = officer().post("api/v1/dossiers/" + code + "/transitions",
                "{\"status\": \"COMPLETED\", \"reason\": \"Đã chứng thực\"}");
        assertEquals(200, completed.status(), completed::toString);
        assertEquals(0, admin().get("api/v1/admin/notices?limit=1000").jsonArray().getValuesAs(JsonObject.class)
                .stream().filter(n -> n.getString("dossierCode").equals(code)).count());
        assertEquals(0, sms(phone).size());
    }

    @Test
    void anSmsGatewayDownForAWhileOrLosingAReplyStillSendsExactlyOnce() {
        String phone = "0912000104";
        GatewayHttp sandbox = anonymous();
        assertEquals(200, sandbox.put("sandbox/sms/_faults", "{\"unavailableForMs\": 3000, \"failNext\": 0}").status());
        String code = submit(phone, "huong.104@example.vn", "{\"sms\": true}");
        awaitCount(() -> sms(phone), 1);
        JsonObject notice = admin().get("api/v1/admin/notices?status=SENT&limit=1000").jsonArray()
                .getValuesAs(JsonObject.class).stream().filter(n -> n.getString("dossierCode").equals(code))
                .findFirst().orElseThrow();
        assertTrue(notice.getInt("attempts") >= 2, "503 answers were retried: " + notice);

        // The provider takes the SMS but its reply is lost: the retry carries the same X-Request-Id.
        assertEquals(200, sandbox.put("sandbox/sms/_faults",
                "{\"unavailableForMs\": 0, \"failNext\": 1, \"kind\": \"lost-reply\"}").status());
        long duplicatesBefore = sandbox.get("sandbox/sms/_stats").json().getJsonNumber("duplicates").longValue();
        GatewayHttp.Reply completed = officer().post("api/v1/dossiers/" + code + "/transitions",
                "{\"status\": \"COMPLETED\", \"reason\": \"Đã chứng thực\"}");
        assertEquals(200, completed.status(), completed::toString);
        awaitCount(() -> sms(phone), 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.get("sandbox/sms/_stats").json()
                .getJsonNumber("duplicates").longValue() > duplicatesBefore);
        assertEquals(2, sms(phone).size(), "the retry after a lost reply was not sent twice");
        assertTrue(sms(phone).get(1).getString("text").startsWith("Ho so " + code + " da co ket qua"));
    }
}
