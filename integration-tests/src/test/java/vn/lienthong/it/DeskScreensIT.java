package vn.lienthong.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

/**
 * The desk officer's screens in a real browser against the shared gateway: intake of a 3.000722
 * birth group with three scans put in order, watched to COMPLETED, a result with two valid
 * signatures and form 01 printed (pdfsig); the appointment preview against the dossier the API
 * makes, across Tết and after the 15:00 cut-off (the demo clock moved by an admin); a double click
 * and a retry after a lost answer making one dossier; intake by keyboard alone; the next steps
 * from the dossier page; a failed agency step retried, then closed as partially completed. axe-core
 * on the intake, list and dossier pages, and every API request the screens make is in /openapi.
 */
@ExtendWith({SharedGateway.class, SharedBrowser.class, ApiContractCheck.class})
class DeskScreensIT {

    private static final String COMMUNE = "000.20.20.H30";
    private static final String BIRTH = "3.000722";
    private static final ZoneId VIETNAM = DeskCalendar.VIETNAM;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final LocatorAssertions.ContainsTextOptions LONG = new LocatorAssertions.ContainsTextOptions().setTimeout(150_000);

    private final SharedGateway.Server gateway;
    private final SharedBrowser.Chromium chromium;
    private final List<String> apiRequests;
    private BrowserContext context;

    DeskScreensIT(SharedGateway.Server gateway, SharedBrowser.Chromium chromium, ApiContractCheck.ApiRequests apiRequests) {
        this.apiRequests = apiRequests.list();
        this.gateway = gateway;
        this.chromium = chromium;
    }

    /** Other classes share this gateway: it leaves on real time with its sandbox agencies healthy. */
    @AfterEach
    void cleanUp() {
        if (context != null) {
            context.close();
        }
        calendar().reset();
        for (String agency : LienThongFlows.AGENCIES) {
            assertEquals(200, gateway.http().post("sandbox/" + agency + "/_reset", "").status());
        }
    }

    private GatewayHttp admin() {
        return gateway.http().as(gateway.tokens().token(DemoTokens.ADMIN, COMMUNE));
    }

    private GatewayHttp officer() {
        return gateway.http().as(gateway.tokens().token(DemoTokens.DESK_OFFICER, COMMUNE));
    }

    private Page signedIn() {
        context = chromium.context(1280, 900, apiRequests);
        Page page = context.newPage();
        page.navigate(gateway.http().resolve("").toString());
        SharedBrowser.Chromium.demoSignIn(page, "desk-officer", COMMUNE);
        return page;
    }

    private static void openIntake(Page page) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tiếp nhận hồ sơ")).click();
        assertThat(page.locator("h1")).hasText("Tiếp nhận hồ sơ");
    }

    /** Picks 3.000722 by its code, ticks its papers and fills in a parent; the preview shows. */
    private static void fillBirthGroup(Page page, String citizenId, String phone) {
        page.getByLabel("Tìm thủ tục theo tên hoặc mã").fill(BIRTH);
        page.locator("input[name=procedure][value='" + BIRTH + "']").check();
        Locator papers = page.locator("#papers input[type=checkbox]");
        assertEquals(4, papers.count(), "the catalogue's four papers for " + BIRTH);
        for (int i = 0; i < papers.count(); i++) {
            papers.nth(i).check();
        }
        page.getByLabel("Họ và tên").fill("Trần Thị Hồng");
        page.getByLabel("Số định danh cá nhân").fill(citizenId);
        page.getByLabel("Số điện thoại").fill(phone);
        page.getByLabel("Qua tin nhắn SMS").check();
        assertThat(page.locator("#due-date")).containsText("/");
    }

    /** Form 07: the register lists a dossier received today with its timeliness, and prints sealed by the agency. */
    @Test
    void theRegisterListsTodaysDossiersAndPrintsAPdfSealedByTheAgency() throws IOException {
        GatewayHttp.Reply made = officer().post("api/v1/dossiers", GatewayHttp.submission("2.000815", COMMUNE, "001190077007"));
        assertEquals(201, made.status(), made::toString);
        String code = made.json().getString("code");
        Page page = signedIn();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sổ theo dõi hồ sơ")).click();
        assertThat(page.locator("h1")).hasText("Sổ theo dõi hồ sơ (mẫu 07)");
        assertThat(page.locator("#register-table")).containsText(code);
        assertThat(page.locator("#register-table tr", new Page.LocatorOptions().setHasText(code))).containsText("trong hạn");
        PageChecks.accessible(page, "register");

        Download download = page.waitForDownload(() -> page.locator("#register-print").click());
        Path register = Files.createTempFile("form-07-", ".pdf");
        download.saveAs(register);
        assertEquals("", OutsideVerifiers.pdfaFailures(register));
        String pdfsig = OutsideVerifiers.pdfsig(register);
        assertEquals(1, pdfsig.split("Signature is Valid\\.", -1).length - 1, pdfsig);
    }

    private static String shown(String isoTime) {
        return OffsetDateTime.parse(isoTime).atZoneSameInstant(VIETNAM).format(SHOWN);
    }

    private List<JsonObject> dossiersOf(String citizenId) {
        GatewayHttp.Reply listed = officer().get("api/v1/dossiers?q=" + citizenId);
        assertEquals(200, listed.status(), listed::toString);
        return listed.json().getJsonArray("items").getValuesAs(JsonObject.class);
    }

    @Test
    void aBirthGroupWithThreeScansGoesThroughTheScreensToCompletedWithSignedPapers() throws IOException {
        Page page = signedIn();
        openIntake(page);
        fillBirthGroup(page, "001190170001", "0912170001");
        PageChecks.accessible(page, "intake, filled in");
        SharedBrowser.Chromium.screenshot(page, "tiep-nhan");
        page.locator("#intake-submit").click();
        assertThat(page.locator("#intake-done")).containsText("Đã tiếp nhận hồ sơ");
        String code = page.locator("#dossier-code").innerText().strip();
        PageChecks.accessible(page, "intake, received");

        // Form 01, once signed, prints: the download is the archived PDF and pdfsig finds its signatures valid.
        assertThat(page.locator("#print-status")).containsText("sẵn sàng", LONG);
        Download download = page.waitForDownload(() -> page.locator("#print-form-01").click());
        Path form01 = Files.createTempFile("form-01-", ".pdf");
        download.saveAs(form01);
        assertTrue(download.suggestedFilename().endsWith(code + ".pdf"), download.suggestedFilename());
        String pdfsig = OutsideVerifiers.pdfsig(form01);
        int form01Signatures = pdfsig.split("Signature is Valid\\.", -1).length - 1;
        assertTrue(form01Signatures >= 1, pdfsig);

        // Three scans chosen in the wrong order and put right before they go; a stray text file is refused.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mở hồ sơ, đính kèm bản scan")).click();
        assertThat(page.locator("h1")).hasText("Hồ sơ " + code);
        page.locator("#scan-files").setInputFiles(new FilePayload[] {
            new FilePayload("trang-3.jpg", "image/jpeg", Scans.jpeg(173)),
            new FilePayload("trang-1.jpg", "image/jpeg", Scans.jpeg(171)),
            new FilePayload("trang-2.jpg", "image/jpeg", Scans.jpeg(172)),
            new FilePayload("ghi-chu.txt", "text/plain", "không phải ảnh".getBytes(StandardCharsets.UTF_8))});
        Locator pages = page.locator("#scan-list li");
        assertThat(pages).hasCount(4);
        assertThat(pages.nth(3)).containsText("không phải ảnh JPEG hay PDF");
        page.locator("#scan-upload").click();
        assertThat(page.locator("#scan-status [role=alert]")).containsText("1 tệp bị từ chối");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bỏ trang 4 (ghi-chu.txt)")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đưa trang 1 (trang-3.jpg) xuống")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đưa trang 2 (trang-3.jpg) xuống")).click();
        assertThat(pages).containsText(new String[] {"trang-1.jpg", "trang-2.jpg", "trang-3.jpg"});
        PageChecks.accessible(page, "dossier page, scans in order");
        page.locator("#scan-upload").click();
        assertThat(page.locator("#scan-status")).containsText("Đã tải lên 3 trang", LONG);
        assertEquals("100", page.locator("#scan-progress").evaluate("p => String(p.value)"));
        assertEquals(List.of("trang-1.jpg", "trang-2.jpg", "trang-3.jpg"), officer().get("api/v1/dossiers/" + code + "/attachments")
                .json().getJsonArray("attachments").getValuesAs(JsonObject.class).stream().map(a -> a.getString("fileName")).toList(),
                "the pages were stored in the order put on screen");
        // The signed PDF/A of the pages is among the documents, its signature checked like any other.
        Locator scan = page.locator(".documents li[data-kind=SCAN]");
        assertThat(scan).containsText("Bản chụp giấy tờ");
        assertThat(scan.locator(".signers li").first()).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));

        // The page asks again while the agencies work: COMPLETED, and each result signed twice, both valid.
        assertThat(page.locator("#dossier-status")).containsText("Đã hoàn thành", LONG);
        assertThat(page.locator("#dossier-exchanges tbody tr")).hasCount(3);
        assertThat(page.locator(".documents li[data-kind=RESULT]")).hasCount(3, new LocatorAssertions.HasCountOptions().setTimeout(90_000));
        Locator result = page.locator(".documents li[data-kind=RESULT]").first();
        assertThat(result.locator(".signers li")).hasCount(2, new LocatorAssertions.HasCountOptions().setTimeout(60_000));
        assertThat(result.locator(".signers li .badge")).hasText(new String[] {"Hợp lệ", "Hợp lệ"});
        assertThat(result.locator(":scope > p .badge")).hasText("Hợp lệ");
        Locator form01Row = page.locator(".documents li[data-kind=FORM_01]");
        assertThat(form01Row.locator(".signers li")).hasCount(form01Signatures, new LocatorAssertions.HasCountOptions().setTimeout(60_000));
        assertEquals(0, page.locator("#dossier-actions details").count(), "a finished dossier has no next step");
        PageChecks.accessible(page, "dossier page, completed");
        SharedBrowser.Chromium.screenshot(page, "ho-so-ban-lam-viec");

        // The list: filtered by procedure and status, the dossier is there, not overdue.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tìm hồ sơ")).click();
        page.getByLabel("Thủ tục", new Page.GetByLabelOptions().setExact(true)).selectOption(BIRTH);
        page.getByLabel("Tình trạng").selectOption("COMPLETED");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tìm").setExact(true)).click();
        assertThat(page.locator("#results")).containsText(code);
        assertTrue(page.url().contains("procedure=" + BIRTH) && page.url().contains("status=COMPLETED"), page.url());
        PageChecks.accessible(page, "dossier list, filtered");
        page.getByLabel("Chỉ hồ sơ quá hạn").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tìm").setExact(true)).click();
        assertThat(page.locator("#results")).not().containsText(code);
    }

    @Test
    void theAppointmentPreviewIsTheDateTheDossierGetsAcrossTetAndAfterTheCutOff() {
        // A same-day dossier received now is long overdue once the clock is weeks ahead.
        GatewayHttp.Reply sameDay = officer().post("api/v1/dossiers", GatewayHttp.submission("1.001193", COMMUNE, "001190170010"));
        assertEquals(201, sameDay.status(), sameDay::toString);
        String late = sameDay.json().getString("code");
        Page page = signedIn();

        DeskCalendar calendar = calendar();
        LocalDate tet = calendar.nextTet();
        LocalDate beforeTet = calendar.workingDayBefore(tet.minusDays(2));
        // 20 s past the minute: the preview and the submission a few seconds later show the same minute.
        calendar.moveClockTo(beforeTet.atTime(LocalTime.of(10, 0, 20)).atZone(VIETNAM).toInstant());
        openIntake(page);
        fillBirthGroup(page, "001190170011", "0912170011");
        assertThat(page.locator("#due-closed")).containsText("Tết Nguyên đán");
        String previewed = page.locator("#due-date").innerText().strip();
        PageChecks.accessible(page, "intake, preview across Tết");
        page.locator("#intake-submit").click();
        String code = page.locator("#dossier-code").innerText().strip();
        JsonObject dossier = officer().get("api/v1/dossiers/" + code).json();
        assertEquals(shown(dossier.getString("dueAt")), previewed, "the preview is the date the dossier got");
        assertTrue(OffsetDateTime.parse(dossier.getString("dueAt")).atZoneSameInstant(VIETNAM).toLocalDate().isAfter(tet),
                dossier::toString);

        LocalDate weekday = calendar.workingDayBefore(LocalDate.now(VIETNAM).plusDays(20));
        calendar.moveClockTo(weekday.atTime(LocalTime.of(15, 30, 20)).atZone(VIETNAM).toInstant());
        page.navigate(gateway.http().resolve("tiep-nhan").toString());
        fillBirthGroup(page, "001190170012", "0912170012");
        assertThat(page.locator("#due-late")).containsText("sau 15:00");
        previewed = page.locator("#due-date").innerText().strip();
        page.locator("#intake-submit").click();
        code = page.locator("#dossier-code").innerText().strip();
        dossier = officer().get("api/v1/dossiers/" + code).json();
        assertEquals(shown(dossier.getString("dueAt")), previewed, "after the cut-off too");

        // Weeks ahead, the same-day dossier is overdue, and the list marks it.
        page.navigate(gateway.http().resolve("?overdue=1&q=" + late).toString());
        assertThat(page.locator("#results li.overdue")).containsText(late);
        assertThat(page.locator("#results li.overdue .badge")).hasText("Quá hạn");
        PageChecks.accessible(page, "dossier list, overdue");
    }

    @Test
    void aDoubleClickOrARetryAfterALostAnswerMakesOneDossier() {
        Page page = signedIn();
        openIntake(page);
        fillBirthGroup(page, "001190170021", "0912170021");
        page.locator("#intake-submit").dblclick();
        assertThat(page.locator("#intake-done")).containsText("Đã tiếp nhận hồ sơ");
        assertEquals(1, dossiersOf("001190170021").size(), "one dossier for a double click");

        // The dossier is made but its answer is lost on the way back; "Thử lại" sends the same key.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tiếp nhận hồ sơ khác")).click();
        fillBirthGroup(page, "001190170022", "0912170022");
        AtomicInteger lost = new AtomicInteger();
        page.route("**/api/v1/dossiers", (Route route) -> {
            if (route.request().method().equals("POST") && lost.getAndIncrement() == 0) {
                APIResponse made = route.fetch();
                assertEquals(201, made.status(), made::text);
                route.abort("connectionreset");
            } else {
                route.resume();
            }
        });
        page.locator("#intake-submit").click();
        assertThat(page.locator("#intake-status [role=alert]")).containsText("Không kết nối được");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Thử lại")).click();
        assertThat(page.locator("#intake-done")).containsText("Đã tiếp nhận hồ sơ");
        List<JsonObject> made = dossiersOf("001190170022");
        assertEquals(1, made.size(), "one dossier for a retry: " + made);
        assertEquals(made.get(0).getString("code"), page.locator("#dossier-code").innerText().strip());
        assertEquals(2, lost.get(), "the retry reached the gateway");
    }

    @Test
    void intakeWorksWithTheKeyboardAloneAndSaysWhatIsWrongBesideTheField() {
        Page page = signedIn();
        page.navigate(gateway.http().resolve("tiep-nhan").toString());
        assertThat(page.locator("h1")).hasText("Tiếp nhận hồ sơ");
        tabTo(page, "procedure-search");
        page.keyboard().type(BIRTH);
        page.keyboard().press("Tab");
        assertEquals("procedure-" + BIRTH, focused(page));
        page.keyboard().press("Space");
        assertThat(page.locator("#due-date")).containsText("/");
        for (int i = 0; i < 4; i++) {
            tabTo(page, "paper-" + i);
            page.keyboard().press("Space");
        }
        tabTo(page, "fullName");
        page.keyboard().type("Lê Thị Lan");
        page.keyboard().press("Tab");
        page.keyboard().type("12345");
        page.keyboard().press("Tab");
        page.keyboard().type("0912170031");
        tabTo(page, "notify-sms");
        page.keyboard().press("Space");
        tabTo(page, "intake-submit");
        page.keyboard().press("Enter");

        // The wrong citizen ID: the message beside the field, read with it, and the focus on it.
        assertEquals("citizenId", focused(page));
        assertThat(page.locator("#citizenId-error")).hasText("Số định danh cá nhân phải gồm đúng 12 chữ số.");
        assertThat(page.locator("#citizenId")).hasAttribute("aria-invalid", "true");
        assertTrue(page.locator("#citizenId").getAttribute("aria-describedby").contains("citizenId-error"));
        assertThat(page.locator("#intake-errors [role=alert]")).containsText("1 mục cần sửa");
        PageChecks.accessible(page, "intake, an error beside the field");
        page.keyboard().press("Control+A");
        page.keyboard().type("001190170031");
        tabTo(page, "intake-submit");
        page.keyboard().press("Enter");
        assertThat(page.locator("#intake-done")).containsText("Đã tiếp nhận hồ sơ");
        assertEquals("intake-done", focused(page));
        assertEquals(1, dossiersOf("001190170031").size());
    }

    @Test
    void theNextStepsAreSmallFormsOnTheDossierPage() {
        // 1.001193 has no agency exchange: it waits for the desk.
        String first = submitted("1.001193", "001190170041");
        String second = submitted("1.001193", "001190170042");
        Page page = signedIn();
        page.navigate(gateway.http().resolve("ho-so/" + first).toString());
        assertThat(page.locator("#dossier-status")).hasText("Mới tạo / đã tiếp nhận");

        act(page, "Yêu cầu bổ sung hồ sơ (mẫu 02)", "supplement", () -> {
            page.locator("#supplement-reason").fill("Thiếu bản sao giấy tờ chứng minh chỗ ở hợp pháp");
            page.locator("#form-supplement input[type=checkbox]").first().check();
        });
        assertThat(page.locator("#dossier-status")).hasText("Yêu cầu bổ sung hồ sơ");
        assertThat(page.locator("#history-heading + .table-wrap")).containsText("Giấy tờ cần bổ sung");
        PageChecks.accessible(page, "dossier page, supplement requested");

        act(page, "Nhận hồ sơ đã bổ sung", "resubmit", () -> { });
        assertThat(page.locator("#dossier-status")).hasText("Đang xử lý");
        assertThat(page.locator("#history-heading + .table-wrap")).containsText("Chuyển trạng thái → Đang xử lý");

        // The new date is previewed from the calendar (3 working days after the current one) and is the date the API keeps.
        String dueAt = officer().get("api/v1/dossiers/" + first).json().getString("dueAt");
        String expected = shown(officer().get("api/v1/calendar/due?hours=24&from="
                + java.net.URLEncoder.encode(dueAt, StandardCharsets.UTF_8)).json().getString("dueAt"));
        page.locator("#action-extension summary").click();
        page.locator("#extension-days").fill("3");
        assertThat(page.locator("#extension-date")).hasText(expected);
        act(page, "Gia hạn, xin lỗi và hẹn lại (mẫu 04)", "extension",
                () -> page.locator("#extension-reason").fill("Chờ xác minh của công an xã; xin lỗi ông/bà"));
        assertThat(page.locator("#dossier-due")).containsText(expected);
        assertEquals(expected, shown(officer().get("api/v1/dossiers/" + first).json().getString("dueAt")));
        assertThat(page.locator("#history-heading + .table-wrap")).containsText("Gia hạn");

        act(page, "Từ chối giải quyết (mẫu 03)", "reject", () -> page.locator("#reject-reason").fill("Không thuộc thẩm quyền"));
        assertThat(page.locator("#dossier-status")).hasText("Bị từ chối");
        assertThat(page.locator("#history-heading + .table-wrap")).containsText("→ Bị từ chối");
        assertThat(page.locator("#history-heading + .table-wrap")).containsText("Không thuộc thẩm quyền");
        assertEquals(0, page.locator("#dossier-actions details").count());

        page.navigate(gateway.http().resolve("ho-so/" + second).toString());
        act(page, "Chuyển xử lý", "handover", () -> {
            page.locator("#handover-to").fill("Công chức tư pháp – hộ tịch");
            page.locator("#handover-hours").fill("8");
        });
        assertThat(page.locator("#dossier-status")).hasText("Đang xử lý");
        assertThat(page.locator("#history-heading + .table-wrap")).containsText("hạn bước");
        act(page, "Dừng giải quyết (mẫu 05)", "stop", () -> page.locator("#stop-reason").fill("Công dân rút hồ sơ"));
        assertThat(page.locator("#dossier-status")).hasText("Dừng giải quyết");
        assertThat(page.locator("#history-heading + .table-wrap")).containsText("→ Dừng giải quyết");
        assertThat(page.locator("#history-heading + .table-wrap")).containsText("Công dân rút hồ sơ");
        List<String> kinds = officer().get("api/v1/dossiers/" + second + "/history").json().getJsonArray("steps")
                .getValuesAs(JsonObject.class).stream().map(s -> s.getString("kind")).toList();
        assertTrue(kinds.contains("HANDOVER") && kinds.contains("TRANSITION"), kinds::toString);

        // Each step the page took ordered its form: listed on the dossier page, PDF/A, signed by the officer and the agency.
        formsOnThePage(page, first, List.of("FORM_02", "FORM_04", "FORM_03"));
        formsOnThePage(page, second, List.of("FORM_05"));
    }

    private void formsOnThePage(Page page, String code, List<String> kinds) {
        GatewayHttp desk = officer();
        Map<String, JsonObject> made = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> desk.get("api/v1/dossiers/" + code + "/documents").jsonArray().getValuesAs(JsonObject.class)
                                .stream().collect(Collectors.toMap(d -> d.getString("kind"), d -> d, (x, y) -> x)),
                        d -> d.keySet().containsAll(kinds));
        page.navigate(gateway.http().resolve("ho-so/" + code).toString());
        for (String kind : kinds) {
            JsonObject document = made.get(kind);
            assertThat(page.locator("section[aria-labelledby=documents-heading]")).containsText(document.getString("title"), LONG);
            HttpResponse<byte[]> reply = Scans.download(gateway.http(), gateway.tokens().token(DemoTokens.DESK_OFFICER, COMMUNE),
                    code, document.getString("id"));
            assertEquals(200, reply.statusCode(), kind);
            try {
                Path file = Files.write(Files.createTempFile(kind + "-", ".pdf"), reply.body());
                assertEquals("", OutsideVerifiers.pdfaFailures(file), "veraPDF, PDF/A-2b: " + kind);
                String pdfsig = OutsideVerifiers.pdfsig(file);
                assertEquals(2, pdfsig.split("Signature is Valid\\.", -1).length - 1, kind + ": " + pdfsig);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void aFailedAgencyStepIsRetriedThenClosedAsPartiallyCompleted() {
        GatewayHttp.Reply faults = gateway.http().put("sandbox/social-insurance/_faults", "{\"kind\": \"soap-client\", \"failNext\": 2}");
        assertEquals(200, faults.status(), faults::toString);
        String code = submitted(BIRTH, "001190170051");
        Page page = signedIn();
        page.navigate(gateway.http().resolve("ho-so/" + code).toString());
        Locator bhyt = page.locator("#dossier-exchanges tr", new Page.LocatorOptions().setHasText("Cấp thẻ BHYT trẻ dưới 6 tuổi"));
        assertThat(bhyt).containsText("Không thành công", LONG);
        assertThat(bhyt).containsText("soap:Client");
        PageChecks.accessible(page, "dossier page, a failed agency step");
        bhyt.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Gửi lại bước Cấp thẻ BHYT trẻ dưới 6 tuổi")).click();
        assertThat(page.locator("#action-status")).containsText("Đã gửi lại bước");
        // The retry reached the agency, which refused again (the second fault): the page shows it failed again.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                gateway.http().get("sandbox/social-insurance/_stats").json().getInt("received") >= 2);
        assertThat(bhyt).containsText("Không thành công", LONG);

        act(page, "Đóng hồ sơ, hoàn thành một phần", "close",
                () -> page.locator("#close-reason").fill("BHXH từ chối; công dân nộp lại thẻ BHYT sau"));
        assertThat(page.locator("#dossier-status")).hasText("Hoàn thành một phần");
        assertThat(page.locator("#history-heading + .table-wrap")).containsText("BHXH từ chối");
    }

    /** A dossier received through the API, for the tests of what comes after intake. */
    private String submitted(String procedure, String citizenId) {
        GatewayHttp.Reply reply = officer().post("api/v1/dossiers", GatewayHttp.submission(procedure, COMMUNE, citizenId));
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().getString("code");
    }

    /** Opens a next step's form, fills it in and sends it; the page says it is done. */
    private static void act(Page page, String title, String id, Runnable fill) {
        Locator action = page.locator("#action-" + id);
        if (action.getAttribute("open") == null) {
            action.locator("summary").click();
        }
        assertThat(action.locator("summary")).hasText(title);
        fill.run();
        action.locator("button[type=submit]").click();
        assertThat(page.locator("#action-status")).containsText("Đã thực hiện: " + title);
    }

    private static Object focusedId(Page page) {
        return page.evaluate("() => document.activeElement && document.activeElement.id");
    }

    private static String focused(Page page) {
        return String.valueOf(focusedId(page));
    }

    /** Tab, and only Tab, until the element with this id has the focus (a keyboard user's way). */
    private static void tabTo(Page page, String id) {
        for (int i = 0; i < 40; i++) {
            if (id.equals(focusedId(page))) {
                return;
            }
            page.keyboard().press("Tab");
        }
        throw new AssertionError("Tab never reached #" + id + "; the focus is on #" + focusedId(page));
    }

    private DeskCalendar calendar() {
        return new DeskCalendar(admin());
    }
}
