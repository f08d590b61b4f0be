package vn.lienthong.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;

/**
 * The citizen's pages in a real browser against the shared gateway: the look-up at phone size
 * (right and wrong digits, throttling, keyboard only, the English switch) and the check of an
 * electronic document (a completed dossier's signed result, then a tampered copy). Every page
 * passes axe-core, and every API request the pages make is one /openapi lists.
 */
@ExtendWith({SharedGateway.class, SharedBrowser.class, ApiContractCheck.class})
class CitizenPagesIT {

    private static final String COMMUNE = "000.20.20.H30";
    private static final String DEATH = "2.002913";
    /** This class's own citizen and phone (other classes use other ones). */
    private static final String CITIZEN_ID = "001190071426";
    private static final String PHONE = "0977071426";
    private static final Path WORK = Path.of(System.getProperty("it.data.dir", "target/it-data"), "citizen-pages")
            .toAbsolutePath();
    private static String code;

    private final SharedGateway.Server gateway;
    private final SharedBrowser.Chromium chromium;
    private final List<String> apiRequests;
    private BrowserContext context;

    CitizenPagesIT(SharedGateway.Server gateway, SharedBrowser.Chromium chromium, ApiContractCheck.ApiRequests apiRequests) {
        this.apiRequests = apiRequests.list();
        this.gateway = gateway;
        this.chromium = chromium;
    }

    /** A death-group dossier: the sandbox agencies complete it while the look-up tests run. */
    @BeforeAll
    static void submit(SharedGateway.Server gateway) {
        GatewayHttp.Reply reply = desk(gateway).post("api/v1/dossiers", """
                {"procedureCode": "%s", "agencyCode": "%s", "channel": "COUNTER",
                 "applicant": {"fullName": "Phạm Thị Lan", "citizenId": "%s", "phone": "%s", "notify": {"sms": true}},
                 "formData": {"deceased": {"fullName": "Phạm Văn Tư", "deathDate": "2026-11-20",
                              "deathPlace": "Trạm y tế xã"}, "relationship": "con"}}
                """.formatted(DEATH, COMMUNE, CITIZEN_ID, PHONE));
        assertEquals(201, reply.status(), reply::toString);
        code = reply.json().getString("code");
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    private static GatewayHttp desk(SharedGateway.Server gateway) {
        return gateway.http().as(gateway.tokens().token(DemoTokens.DESK_OFFICER, COMMUNE));
    }

    private Page page(int width, int height) {
        context = chromium.context(width, height, apiRequests);
        return context.newPage();
    }

    private String url(String path) {
        return gateway.http().resolve(path).toString();
    }

    @Test
    void lookUpOnAPhoneWithWrongThenRightDigitsShowsTheStatusAndNothingPersonal() {
        Page page = page(375, 740);
        page.navigate(url("tra-cuu?ma=" + code));
        assertThat(page.getByLabel("Mã hồ sơ")).hasValue(code);
        PageChecks.accessible(page, "look-up, empty");
        PageChecks.noHorizontalScroll(page, "look-up, empty");

        page.getByLabel("4 chữ số cuối số điện thoại").fill("1111");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Tra cứu")).click();
        Locator result = page.locator("#result");
        assertThat(result).containsText("Không tìm thấy hồ sơ khớp");
        PageChecks.accessible(page, "look-up, wrong digits");

        page.getByLabel("4 chữ số cuối số điện thoại").fill(PHONE.substring(PHONE.length() - 4));
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Tra cứu")).click();
        assertThat(result).containsText("Tình trạng");
        assertThat(result).containsText("Đang xử lý tại");
        assertThat(result.locator("dd").nth(3)).hasText(Pattern.compile("\\d{2}/\\d{2}/20\\d{2}"));
        String shown = result.innerText();
        assertTrue(shown.contains(code), shown);
        assertFalse(shown.contains("Phạm Thị Lan") || shown.contains(CITIZEN_ID) || shown.contains(PHONE),
                "the look-up shows nothing personal: " + shown);
        PageChecks.noHorizontalScroll(page, "look-up, answered");
        PageChecks.accessible(page, "look-up, answered");
        SharedBrowser.Chromium.screenshot(page, "tra-cuu-375");
    }

    @Test
    void lookUpByKeyboardAloneWithAVisibleFocus() {
        Page page = page(1024, 768);
        page.navigate(url("tra-cuu"));
        page.keyboard().press("Tab");
        assertEquals("skip", page.evaluate("() => document.activeElement.className"), "the first Tab reaches the skip link");
        assertFalse("none".equals(page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")),
                "the focused link shows its focus");
        for (int i = 0; i < 10 && !"code".equals(page.evaluate("() => document.activeElement.id")); i++) {
            page.keyboard().press("Tab");
        }
        assertEquals("code", page.evaluate("() => document.activeElement.id"), "Tab reaches the code field");
        page.keyboard().type(code);
        page.keyboard().press("Tab");
        assertEquals("phone", page.evaluate("() => document.activeElement.id"));
        page.keyboard().type(PHONE.substring(PHONE.length() - 4));
        page.keyboard().press("Enter");
        assertThat(page.locator("#result")).containsText("Tình trạng");
        assertEquals("result-heading", page.evaluate("() => document.activeElement.id"),
                "the answer's heading takes the focus, so a screen reader reads it");
    }

    @Test
    void throttlingIsAFriendlyMessageAndEnglishIsOneSwitchAway() {
        Page page = page(375, 740);
        // The real limit is shared by every test of the run, so the gateway's 429 is played here.
        page.route("**/api/v1/public/dossiers/**", (Route route) -> route.fulfill(new Route.FulfillOptions()
                .setStatus(429).setHeaders(java.util.Map.of("Retry-After", "42", "Content-Type", "application/problem+json"))
                .setBody("{\"type\":\"urn:lienthong:problem:rate-limited\",\"status\":429,\"title\":\"Quá nhiều yêu cầu\"}")));
        page.navigate(url("tra-cuu?ma=" + code));
        page.getByLabel("4 chữ số cuối số điện thoại").fill("1234");
        page.keyboard().press("Enter");
        assertThat(page.locator("#result")).containsText("Xin đợi khoảng 42 giây");
        assertFalse(page.locator("#result").innerText().contains("{"), "no raw JSON");

        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Switch to English")).click();
        assertEquals("en", page.evaluate("() => document.documentElement.lang"));
        assertThat(page.locator("h1")).hasText("Track a dossier");
        assertThat(page.getByLabel("Last 4 digits of your phone number")).hasValue("1234");
        assertThat(page.locator("#result")).containsText("wait about 42 seconds");
        PageChecks.accessible(page, "look-up in English");
        page.reload();
        assertThat(page.locator("h1")).hasText("Track a dossier");
        SharedBrowser.Chromium.screenshot(page, "tra-cuu-en-375");
    }

    @Test
    void aDownloadedResultIsValidAndATamperedCopySaysWhichSignatureBroke() {
        JsonObject result = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> desk(gateway).get("api/v1/dossiers/" + code + "/documents").jsonArray()
                        .getValuesAs(JsonObject.class).stream().filter(d -> d.getString("kind").equals("RESULT")).findFirst(),
                        java.util.Optional::isPresent).orElseThrow();
        HttpResponse<byte[]> download = Scans.download(gateway.http(),
                gateway.tokens().token(DemoTokens.DESK_OFFICER, COMMUNE), code, result.getString("id"));
        assertEquals(200, download.statusCode());
        Path signed = write("ket-qua.pdf", download.body());
        Path tampered = write("ket-qua-da-sua.pdf", HostileUploads.flipped(download.body()));

        Page page = page(375, 740);
        page.navigate(url("tra-cuu/van-ban"));
        PageChecks.accessible(page, "verify, empty");
        page.getByLabel("Tệp PDF cần kiểm tra").setInputFiles(signed);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Kiểm tra").setExact(true)).click();
        Locator answer = page.locator("#result");
        assertThat(answer).containsText("chữ ký đều hợp lệ");
        assertThat(answer.locator("article")).hasCount(2);
        // The officer signed first, the agency after, then the validation data (PAdES-BASELINE-LT) was added in a
        // revision of its own: each signature covers its revision unchanged, and the last one says what came after.
        assertThat(answer.locator("article").first()).containsText("Không thay đổi");
        assertThat(answer.locator("article").last()).containsText("Không thay đổi phần đã ký");
        assertThat(answer.locator("article").last()).containsText("PAdES-BASELINE-LT");
        assertThat(answer.locator("article").last()).containsText("dữ liệu kèm trong tài liệu (DSS)");
        assertThat(answer.locator("article").first()).containsText("Được tin cậy");
        assertThat(answer.locator("article").last()).containsText("Được tin cậy");
        assertThat(answer.locator("article").first().locator("dd").nth(2)).hasText(Pattern.compile("\\d{2}/\\d{2}/20\\d{2} \\d{2}:\\d{2}.*"));
        PageChecks.noHorizontalScroll(page, "verify, valid");
        PageChecks.accessible(page, "verify, valid");
        SharedBrowser.Chromium.screenshot(page, "kiem-tra-hop-le-375");

        page.getByLabel("Tệp PDF cần kiểm tra").setInputFiles(tampered);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Kiểm tra").setExact(true)).click();
        assertThat(answer.locator("[role=alert]")).containsText("bị phá vỡ");
        assertThat(answer.locator("[role=alert]")).containsText(Pattern.compile("chữ ký số \\d"));
        assertThat(answer.locator("article.signature-error").first()).containsText("ĐÃ BỊ SỬA ĐỔI sau khi ký");
        answer.locator("article.signature-error summary").first().click();
        assertThat(answer.locator("article.signature-error details").first())
                .containsText("Giá trị băm không khớp");
        PageChecks.noHorizontalScroll(page, "verify, tampered");
        PageChecks.accessible(page, "verify, tampered");
        SharedBrowser.Chromium.screenshot(page, "kiem-tra-bi-sua-375");
    }

    @Test
    void anUnknownPageIsReadableAndTheApiKeepsItsJson404() {
        Page page = page(375, 740);
        com.microsoft.playwright.Response response = page.navigate(url("khong-co-trang-nay"));
        assertEquals(404, response.status());
        assertThat(page.locator("h1")).hasText("Không tìm thấy trang");
        PageChecks.accessible(page, "404 page");
        GatewayHttp.Reply api = gateway.http().get("api/khong-co");
        assertEquals(404, api.status());
        assertTrue(api.contentType().startsWith("application/problem+json"), api::toString);
    }

    private static Path write(String name, byte[] bytes) {
        try {
            Files.createDirectories(WORK);
            return Files.write(WORK.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
