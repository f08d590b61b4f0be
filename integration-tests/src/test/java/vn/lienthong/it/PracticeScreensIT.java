package vn.lienthong.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

/**
 * The desk practices of issue 21 on screen, against the shared gateway and browser: a 1.001193 birth
 * registration taken from the intake page to its signed result paper in one flow by the sample
 * district's delegated desk officer ("4 tại chỗ"), counted on the spot; the intake preview of a
 * certification at that district on its golden day across a holiday and across Tết, with the
 * reason the API gives, and the date the dossier then gets; the leader's satisfaction page, whose
 * figures move with a rating, showing a comment with HTML as text until the leader approves it.
 */
@ExtendWith({SharedGateway.class, SharedBrowser.class, ApiContractCheck.class})
class PracticeScreensIT {

    private static final String DISTRICT = "000.00.20.H20";
    private static final String BIRTH = "1.001193";
    private static final String CERTIFICATION = "2.000815";
    private static final String STATISTICS = "api/v1/statistics?from=2026-01-01&to=2027-12-31";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final LocatorAssertions.IsEnabledOptions SIGNED = new LocatorAssertions.IsEnabledOptions().setTimeout(90_000);

    private final SharedGateway.Server gateway;
    private final SharedBrowser.Chromium chromium;
    private final List<String> apiRequests;
    private final List<BrowserContext> contexts = new ArrayList<>();

    PracticeScreensIT(SharedGateway.Server gateway, SharedBrowser.Chromium chromium, ApiContractCheck.ApiRequests apiRequests) {
        this.apiRequests = apiRequests.list();
        this.gateway = gateway;
        this.chromium = chromium;
    }

    /** Other classes share this gateway: it leaves on real time. */
    @AfterEach
    void cleanUp() {
        contexts.forEach(BrowserContext::close);
        calendar().reset();
    }

    private GatewayHttp as(String role) {
        return gateway.http().as(gateway.tokens().token(role, DISTRICT));
    }

    private DeskCalendar calendar() {
        return new DeskCalendar(as(DemoTokens.ADMIN));
    }

    private Page signedIn(String role) {
        BrowserContext context = chromium.context(1280, 900, apiRequests);
        contexts.add(context);
        Page page = context.newPage();
        page.navigate(gateway.http().resolve("").toString());
        SharedBrowser.Chromium.demoSignIn(page, role, DISTRICT);
        return page;
    }

    /** The intake page with a procedure picked, its papers ticked and an applicant whose phone ends in 5678. */
    private static void fillIntake(Page page, String procedure, String citizenId) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tiếp nhận hồ sơ")).click();
        assertThat(page.locator("h1")).hasText("Tiếp nhận hồ sơ");
        page.getByLabel("Tìm thủ tục theo tên hoặc mã").fill(procedure);
        page.locator("input[name=procedure][value='" + procedure + "']").check();
        Locator papers = page.locator("#papers input[type=checkbox]");
        for (int i = 0; i < papers.count(); i++) {
            papers.nth(i).check();
        }
        page.getByLabel("Họ và tên").fill("Phạm Thị Mai");
        page.getByLabel("Số định danh cá nhân").fill(citizenId);
        page.getByLabel("Số điện thoại").fill("0912345678");
        assertThat(page.locator("#due-reason")).isVisible();
    }

    private static String submit(Page page) {
        page.locator("#intake-submit").click();
        assertThat(page.locator("#intake-done")).containsText("Đã tiếp nhận hồ sơ");
        return page.locator("#dossier-code").innerText().strip();
    }

    @Test
    void aBirthRegistrationGoesFromIntakeToASignedResultInOneFlowAndCountsOnTheSpot(@TempDir Path work) throws IOException {
        long before = onTheSpotSettled();
        Page page = signedIn(DemoTokens.DESK_OFFICER);
        fillIntake(page, BIRTH, "001190210001");
        String code = submit(page);

        Locator section = page.locator("#on-the-spot");
        assertThat(section.locator("h2")).hasText("Giải quyết tại chỗ (\"4 tại chỗ\")");
        PageChecks.accessible(page, "intake, on the spot offered");
        page.getByLabel("Ý kiến thẩm định (không bắt buộc)").fill("Giấy chứng sinh hợp lệ");
        page.locator("#on-the-spot-approve").click();
        assertThat(page.locator("#on-the-spot-done")).hasText("Đã giải quyết tại chỗ. Tình trạng: Đã hoàn thành.");
        assertThat(page.locator("#on-the-spot-history li")).hasCount(3);
        assertThat(page.locator("#on-the-spot-history")).containsText("phê duyệt tại chỗ, cán bộ demo.desk-officer." + DISTRICT);
        assertThat(page.locator("#on-the-spot-history")).containsText("Giấy chứng sinh hợp lệ");

        // The result paper, once signed, prints: pdfsig finds the officer's and the agency's signatures valid.
        assertThat(page.locator("#on-the-spot-print")).isEnabled(SIGNED);
        Download download = page.waitForDownload(() -> page.locator("#on-the-spot-print").click());
        Path paper = work.resolve("ket-qua.pdf");
        download.saveAs(paper);
        assertTrue(download.suggestedFilename().endsWith(code + ".pdf"), download.suggestedFilename());
        String pdfsig = OutsideVerifiers.pdfsig(paper);
        assertEquals(2, pdfsig.split("Signature is Valid\\.", -1).length - 1, pdfsig);
        PageChecks.accessible(page, "on the spot, settled");
        SharedBrowser.Chromium.screenshot(page, "4-tai-cho");

        JsonObject dossier = as(DemoTokens.DESK_OFFICER).get("api/v1/dossiers/" + code).json();
        assertEquals("COMPLETED", dossier.getString("status"));
        assertEquals(before + 1, onTheSpotSettled(), "the statistics count it on the spot");
    }

    private long onTheSpotSettled() {
        return as(DemoTokens.LEADER).get(STATISTICS).json().getJsonObject("onTheSpotTotal")
                .getJsonNumber("settledOnTheSpot").longValue();
    }

    @Test
    void theIntakePreviewAppointsOnTheGoldenDayAcrossAHolidayAndAcrossTetAsTheApiDoes() {
        DeskCalendar calendar = calendar();
        Page page = signedIn(DemoTokens.DESK_OFFICER);

        // A golden weekday (Tuesday or Thursday) that is a holiday: received the working day before, it is passed over.
        LocalDate holiday = calendar.nextDayOff(d -> !d.getString("name").contains("Tết") && Set.of(DayOfWeek.TUESDAY,
                DayOfWeek.THURSDAY).contains(LocalDate.parse(d.getString("date")).getDayOfWeek()), false);
        calendar.moveClockTo(calendar.workingDayBefore(holiday.minusDays(1)).atTime(LocalTime.of(10, 0, 20))
                .atZone(DeskCalendar.VIETNAM).toInstant());
        JsonObject api = previewedByTheApi();
        assertEquals("GOLDEN_DAY", api.getString("reason"), api::toString);
        assertEquals(holiday.toString(), api.getJsonArray("skippedGoldenDays").getString(0), api::toString);
        intakeOnTheGoldenDay(page, api, "001190210011", null);

        LocalDate tet = calendar.nextTet();
        // The last working day before Tết, after that day's golden hour: every golden day up to Tết has passed.
        calendar.moveClockTo(calendar.workingDayBefore(tet.minusDays(1)).atTime(LocalTime.of(10, 0, 20))
                .atZone(DeskCalendar.VIETNAM).toInstant());
        api = previewedByTheApi();
        assertEquals("GOLDEN_DAY", api.getString("reason"), api::toString);
        assertFalse(api.getJsonArray("skippedGoldenDays").isEmpty(), "Tết covers golden days: " + api);
        assertTrue(LocalDate.parse(api.getString("goldenDay")).isAfter(tet), api::toString);
        intakeOnTheGoldenDay(page, api, "001190210012", "Tết Nguyên đán");
    }

    /** What GET /api/v1/calendar/due answers a certification received by the district now (the demo clock's now). */
    private JsonObject previewedByTheApi() {
        GatewayHttp.Reply due = as(DemoTokens.DESK_OFFICER).get("api/v1/calendar/due?procedureCode=" + CERTIFICATION
                + "&agencyCode=" + URLEncoder.encode(DISTRICT, StandardCharsets.UTF_8));
        assertEquals(200, due.status(), due::toString);
        return due.json();
    }

    /**
     * The preview shows the API's golden day and its reason (and the holiday it skips, when named), and the
     * dossier then made gets that date.
     */
    private void intakeOnTheGoldenDay(Page page, JsonObject api, String citizenId, String holiday) {
        String expected = OffsetDateTime.parse(api.getString("dueAt")).atZoneSameInstant(DeskCalendar.VIETNAM).format(SHOWN);
        fillIntake(page, CERTIFICATION, citizenId);
        assertThat(page.locator("#due-date")).hasText(expected);
        assertThat(page.locator("#due-reason")).hasText("Hẹn vào ngày vàng: " + api.getString("explanation"));
        if (holiday != null) {
            assertThat(page.locator("#due-closed")).containsText(holiday);
        }
        PageChecks.accessible(page, "intake, a golden day previewed");
        String code = submit(page);
        JsonObject dossier = as(DemoTokens.DESK_OFFICER).get("api/v1/dossiers/" + code).json();
        assertEquals(OffsetDateTime.parse(api.getString("dueAt")).toInstant(), OffsetDateTime.parse(dossier.getString("dueAt")).toInstant(),
                "the dossier gets the previewed golden day");
    }

    @Test
    void theLeaderSeesTheFiguresMoveAndAnHtmlCommentAsTextUntilApproved() {
        GatewayHttp desk = as(DemoTokens.DESK_OFFICER);
        GatewayHttp.Reply made = desk.post("api/v1/dossiers", GatewayHttp.submission(CERTIFICATION, DISTRICT, "001190210021"));
        assertEquals(201, made.status(), made::toString);
        String code = made.json().getString("code");
        assertEquals(200, desk.post("api/v1/dossiers/" + code + "/transitions",
                "{\"status\": \"COMPLETED\", \"reason\": \"Đã chứng thực\"}").status());

        Page page = signedIn(DemoTokens.LEADER);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mức độ hài lòng")).click();
        assertThat(page.locator("h1")).hasText("Mức độ hài lòng của người dân");
        assertThat(page.locator("#satisfaction-count")).isVisible();
        long before = ratings(page);
        PageChecks.accessible(page, "satisfaction");

        String hostile = "<img src=x onerror=\"document.title='pwned'\"><b>Cán bộ</b> " + code + " tận tình";
        GatewayHttp.Reply rated = gateway.http().post("api/v1/public/ratings", """
                {"code": "%s", "phone": "5678", "attitude": 5, "time": 3, "overall": 4, "comment": "%s"}
                """.formatted(code, hostile.replace("\"", "\\\"")));
        assertEquals(201, rated.status(), rated::toString);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xem").setExact(true)).click();
        assertThat(page.locator("#satisfaction-count")).containsText((before + 1) + " lượt đánh giá");
        assertThat(page.locator("#satisfaction-table tfoot")).containsText(String.valueOf(before + 1));
        Locator comment = page.locator("#satisfaction-comments li", new Page.LocatorOptions().setHasText(code));
        assertThat(comment.locator("blockquote.citizen-comment")).hasText(hostile);
        assertThat(comment.locator(".badge")).hasText("Chờ duyệt");
        assertEquals(0, page.locator("#satisfaction-comments img, #satisfaction-comments blockquote b").count(),
                "no element from a comment");
        assertFalse("pwned".equals(page.title()), "no script ran");
        assertFalse(publicComments().contains(hostile), "nobody but the leader sees it before approval");
        PageChecks.accessible(page, "satisfaction, a comment pending");

        comment.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Duyệt công khai ý kiến số")).click();
        assertThat(comment.locator(".badge")).hasText("Đã duyệt, công khai");
        assertTrue(publicComments().contains(hostile), "approved, it is public");

        page.getByLabel("Tổng hợp theo").selectOption("OFFICER");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xem").setExact(true)).click();
        assertThat(page.locator("#satisfaction-table")).containsText("it." + DemoTokens.DESK_OFFICER);
        assertTrue(page.url().contains("groupBy=OFFICER"), page.url());
        SharedBrowser.Chromium.screenshot(page, "hai-long");
    }

    private static long ratings(Page page) {
        return Long.parseLong(page.locator("#satisfaction-count").innerText().strip().split(" ")[0]);
    }

    private List<String> publicComments() {
        return gateway.http().get("api/v1/public/feedback?agencyCode=" + DISTRICT).jsonArray().getValuesAs(JsonObject.class)
                .stream().map(c -> c.getString("comment")).toList();
    }
}
