package vn.lienthong.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The desk practices of issue 21 against the shared gateway: the golden days of the sample district
 * (Tuesday and Thursday, 08:00) in the preview across Tết and a holiday and at intake; citizens rating a
 * finished dossier once with the look-up's code and phone digits; the leader's figures and moderation;
 * the rating form on /tra-cuu showing an HTML comment as text; and "4 tại chỗ": a 1.001193 birth
 * registration settled on the spot by the delegated desk officer, with its signed form 06 and its count.
 */
@ExtendWith({SharedGateway.class, SharedBrowser.class, ApiContractCheck.class})
class PracticesIT {

    private static final String DISTRICT = "000.00.20.H20";
    private static final String CERTIFICATION = "2.000815";
    private static final String PHONE_DIGITS = "5678";
    private static final String BIRTH = "1.001193";

    private final SharedGateway.Server gateway;
    private final SharedBrowser.Chromium chromium;
    private final List<String> apiRequests;

    PracticesIT(SharedGateway.Server gateway, SharedBrowser.Chromium chromium, ApiContractCheck.ApiRequests apiRequests) {
        this.apiRequests = apiRequests.list();
        this.gateway = gateway;
        this.chromium = chromium;
    }

    private GatewayHttp as(String role) {
        return gateway.http().as(gateway.tokens().token(role, DISTRICT));
    }

    @Test
    void thePreviewPutsCertificationOnTheGoldenDayAfterTetAndAfterReunificationDay() {
        // Friday before Tết 2026: the same-day result would be Fri 13/2; Tue 17 and Thu 19 are Tết.
        JsonObject tet = as(DemoTokens.DESK_OFFICER).get("api/v1/calendar/due?from=2026-02-13T10:00:00%2B07:00"
                + "&procedureCode=" + CERTIFICATION + "&agencyCode=" + DISTRICT).json();
        assertEquals("GOLDEN_DAY", tet.getString("reason"), tet::toString);
        assertEquals(OffsetDateTime.parse("2026-02-24T08:00+07:00"), OffsetDateTime.parse(tet.getString("dueAt")));
        assertEquals("2026-02-24", tet.getString("goldenDay"));
        assertEquals(List.of("2026-02-17", "2026-02-19"), tet.getJsonArray("skippedGoldenDays").getValuesAs(
                jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        assertTrue(tet.getString("explanation").contains("Chứng thực"), tet::toString);

        // Wed 29/4/2026: Thu 30/4 (Reunification Day) is a golden weekday off, so Tue 5/5.
        JsonObject holiday = as(DemoTokens.DESK_OFFICER).get("api/v1/calendar/due?from=2026-04-29T10:00:00%2B07:00"
                + "&procedureCode=" + CERTIFICATION + "&agencyCode=" + DISTRICT).json();
        assertEquals(OffsetDateTime.parse("2026-05-05T08:00+07:00"), OffsetDateTime.parse(holiday.getString("dueAt")));

        // Another unit keeps the working calendar's date, and says so.
        JsonObject elsewhere = as(DemoTokens.DESK_OFFICER).get("api/v1/calendar/due?from=2026-04-29T10:00:00%2B07:00"
                + "&procedureCode=" + CERTIFICATION + "&agencyCode=000.00.20.H30").json();
        assertEquals("WORKING_CALENDAR", elsewhere.getString("reason"));
        assertEquals(OffsetDateTime.parse("2026-04-29T17:30+07:00"), OffsetDateTime.parse(elsewhere.getString("dueAt")));
    }

    @Test
    void intakeAppointsOnAGoldenDayAndTheStatisticsCountWhereItWasSettled() {
        JsonObject leaderBefore = as(DemoTokens.LEADER).get("api/v1/statistics?from=2026-01-01&to=2027-12-31").json();
        JsonObject dossier = submitAndComplete("001190072101");
        OffsetDateTime due = OffsetDateTime.parse(dossier.getString("dueAt"));
        assertTrue(Set.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY).contains(due.getDayOfWeek()), due::toString);
        assertEquals(LocalTime.of(8, 0), due.toLocalTime());

        JsonObject after = as(DemoTokens.LEADER).get("api/v1/statistics?from=2026-01-01&to=2027-12-31").json();
        JsonObject before = leaderBefore.getJsonObject("goldenDaysTotal");
        JsonObject now = after.getJsonObject("goldenDaysTotal");
        long settled = now.getJsonNumber("settledOnGoldenDays").longValue() + now.getJsonNumber("settledOtherDays").longValue()
                - before.getJsonNumber("settledOnGoldenDays").longValue() - before.getJsonNumber("settledOtherDays").longValue();
        assertEquals(1, settled, after::toString);
    }

    @Test
    void aFinishedDossierIsRatedOnceWithTheRightDigitsAndTheLeaderSeesTheFiguresAndTheComment() {
        String code = submitAndComplete("001190072102").getString("code");
        GatewayHttp leader = as(DemoTokens.LEADER);
        long ratingsBefore = leader.get("api/v1/satisfaction?from=2026-01-01&to=2027-12-31").json()
                .getJsonObject("total").getJsonNumber("ratings").longValue();

        GatewayHttp.Reply wrong = gateway.http().post("api/v1/public/ratings", rating(code, "1111", "Sai số"));
        assertEquals(404, wrong.status(), wrong::toString);
        GatewayHttp.Reply rated = gateway.http().post("api/v1/public/ratings", rating(code, PHONE_DIGITS, "Rất <b>tốt</b>"));
        assertEquals(201, rated.status(), rated::toString);
        assertEquals("PENDING", rated.json().getString("commentStatus"));
        GatewayHttp.Reply again = gateway.http().post("api/v1/public/ratings", rating(code, PHONE_DIGITS, null));
        assertEquals(409, again.status(), again::toString);
        assertTrue(again.contentType().startsWith("application/problem+json"), again::toString);

        JsonObject total = leader.get("api/v1/satisfaction?from=2026-01-01&to=2027-12-31").json().getJsonObject("total");
        assertEquals(ratingsBefore + 1, total.getJsonNumber("ratings").longValue(), total::toString);
        JsonObject pending = leader.get("api/v1/satisfaction/comments?status=PENDING").jsonArray()
                .getValuesAs(JsonObject.class).stream().filter(c -> code.equals(c.getString("dossierCode", null)))
                .findFirst().orElseThrow();
        assertEquals("Rất <b>tốt</b>", pending.getString("text"));
        assertTrue(gateway.http().get("api/v1/public/feedback?agencyCode=" + DISTRICT).jsonArray()
                .getValuesAs(JsonObject.class).stream().noneMatch(c -> c.getString("comment").equals("Rất <b>tốt</b>")),
                "nobody but the leader sees a comment before it is approved");
        GatewayHttp.Reply approved = leader.post("api/v1/satisfaction/comments/" + pending.getJsonNumber("id") + "/moderation",
                "{\"decision\": \"APPROVED\"}");
        assertEquals(200, approved.status(), approved::toString);
        assertTrue(gateway.http().get("api/v1/public/feedback?agencyCode=" + DISTRICT).jsonArray()
                .getValuesAs(JsonObject.class).stream().anyMatch(c -> c.getString("comment").equals("Rất <b>tốt</b>")));
    }

    @Test
    void theRatingFormOnTheLookUpPageShowsAnHtmlCommentAsText() {
        String code = submitAndComplete("001190072103").getString("code");
        String hostile = "<img src=x onerror=\"document.title='pwned'\"><b>Cán bộ</b> tận tình";
        BrowserContext context = chromium.context(375, 740, apiRequests);
        try {
            Page page = context.newPage();
            page.navigate(gateway.http().resolve("tra-cuu?ma=" + code + "#danh-gia").toString());
            page.getByLabel("4 chữ số cuối số điện thoại").fill(PHONE_DIGITS);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tra cứu")).click();
            assertThat(page.locator("#rating-heading")).hasText("Đánh giá chất lượng phục vụ");
            assertThat(page.locator("#rating-heading")).isFocused();
            PageChecks.accessible(page, "rating form");
            PageChecks.noHorizontalScroll(page, "rating form");
            for (String group : List.of("Thái độ của cán bộ", "Thời gian giải quyết", "Hài lòng chung với kết quả")) {
                page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(group))
                        .getByLabel("4", new com.microsoft.playwright.Locator.GetByLabelOptions().setExact(true)).check();
            }
            page.getByLabel("Ý kiến góp ý (không bắt buộc)").fill(hostile);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi đánh giá")).click();
            assertThat(page.locator("#rating-answer")).containsText("Cảm ơn ông/bà đã đánh giá");
            assertThat(page.locator("blockquote.citizen-comment")).hasText(hostile);
            assertEquals(0, page.locator("#rating-answer img, #rating-answer b").count(), "no element from the comment");
            assertTrue(!"pwned".equals(page.title()), "no script ran");
            PageChecks.accessible(page, "rating sent");
            SharedBrowser.Chromium.screenshot(page, "danh-gia-375");
        } finally {
            context.close();
        }
    }

    @Test
    void aBirthRegistrationIsSettledOnTheSpotWithASignedForm06AndCounted(@TempDir Path work) throws IOException {
        GatewayHttp desk = as(DemoTokens.DESK_OFFICER);
        GatewayHttp leader = as(DemoTokens.LEADER);
        long before = leader.get("api/v1/statistics?from=2026-01-01&to=2027-12-31").json()
                .getJsonObject("onTheSpotTotal").getJsonNumber("settledOnTheSpot").longValue();
        GatewayHttp.Reply submitted = desk.post("api/v1/dossiers", GatewayHttp.submission(BIRTH, DISTRICT, "001190072104"));
        assertEquals(201, submitted.status(), submitted::toString);
        String code = submitted.json().getString("code");

        GatewayHttp.Reply settled = desk.post("api/v1/dossiers/" + code + "/on-the-spot",
                "{\"decision\": \"APPROVED\", \"note\": \"Giấy chứng sinh hợp lệ\"}");
        assertEquals(200, settled.status(), settled::toString);
        assertEquals("COMPLETED", settled.json().getString("status"));
        List<JsonObject> steps = desk.get("api/v1/dossiers/" + code + "/history").json().getJsonArray("steps")
                .getValuesAs(JsonObject.class);
        assertEquals(List.of("RECEIVED:RECEIVED", "TRANSITION:IN_PROGRESS", "ON_THE_SPOT:IN_PROGRESS", "TRANSITION:COMPLETED"),
                steps.stream().map(s -> s.getString("kind") + ":" + s.getString("toStatus", "")).toList());
        for (JsonObject step : steps.subList(1, 4)) {
            assertEquals("it." + DemoTokens.DESK_OFFICER, step.getString("actor"), step::toString);
            assertTrue(step.getString("note").startsWith("4 tại chỗ"), step::toString);
        }
        GatewayHttp.Reply again = desk.post("api/v1/dossiers/" + code + "/on-the-spot", "{\"decision\": \"APPROVED\"}");
        assertEquals(409, again.status(), again::toString);

        JsonObject form06 = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .until(() -> desk.get("api/v1/dossiers/" + code + "/documents").jsonArray().getValuesAs(JsonObject.class)
                        .stream().filter(d -> d.getString("kind").equals("FORM_06")).findFirst(), Optional::isPresent).get();
        HttpResponse<byte[]> pdf = Scans.download(gateway.http(), gateway.tokens().token(DemoTokens.DESK_OFFICER, DISTRICT),
                code, form06.getString("id"));
        assertEquals(200, pdf.statusCode());
        String pdfsig = OutsideVerifiers.pdfsig(Files.write(work.resolve("form-06.pdf"), pdf.body()));
        assertEquals(2, pdfsig.split("Signature is Valid\\.", -1).length - 1, pdfsig);

        long after = leader.get("api/v1/statistics?from=2026-01-01&to=2027-12-31").json()
                .getJsonObject("onTheSpotTotal").getJsonNumber("settledOnTheSpot").longValue();
        assertEquals(before + 1, after);
    }

    @Test
    void aProcedureNotMarkedForTheSpotIsRefusedWithAProblem() {
        GatewayHttp desk = as(DemoTokens.DESK_OFFICER);
        String code = desk.post("api/v1/dossiers", GatewayHttp.submission(CERTIFICATION, DISTRICT, "001190072105"))
                .json().getString("code");
        GatewayHttp.Reply refused = desk.post("api/v1/dossiers/" + code + "/on-the-spot", "{\"decision\": \"APPROVED\"}");
        assertEquals(409, refused.status(), refused::toString);
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused::toString);
        assertTrue(refused.json().getString("type").endsWith("not-on-the-spot"), refused::toString);
        assertEquals("RECEIVED", desk.get("api/v1/dossiers/" + code).json().getString("status"));
    }

    /** A certification dossier of the sample district, completed by its desk officer. */
    private JsonObject submitAndComplete(String citizenId) {
        GatewayHttp desk = as(DemoTokens.DESK_OFFICER);
        GatewayHttp.Reply submitted = desk.post("api/v1/dossiers", GatewayHttp.submission(CERTIFICATION, DISTRICT, citizenId));
        assertEquals(201, submitted.status(), submitted::toString);
        String code = submitted.json().getString("code");
        GatewayHttp.Reply completed = desk.post("api/v1/dossiers/" + code + "/transitions",
                "{\"status\": \"COMPLETED\", \"reason\": \"Đã chứng thực\"}");
        assertEquals(200, completed.status(), completed::toString);
        return submitted.json();
    }

    private static String rating(String code, String digits, String comment) {
        return """
                {"code": "%s", "phone": "%s", "attitude": 5, "time": 4, "overall": 5, "comment": %s}
                """.formatted(code, digits, comment == null ? "null" : "\"" + comment.replace("\"", "\\\"") + "\"");
    }
}
