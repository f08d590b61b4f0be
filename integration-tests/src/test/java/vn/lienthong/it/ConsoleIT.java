package vn.lienthong.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;

/**
 * The console shell in a real browser against the shared gateway: demo sign-in, a reload that
 * keeps the session, sign-out; an expired and a refused token mid-session, a 403 and a 5xx, each
 * with a readable message and a way on; the dossier search and the read-only dossier view, with an
 * applicant whose name is markup; the English switch. axe-core on every state, and every API
 * request the console makes is one /openapi lists.
 */
@ExtendWith({SharedGateway.class, SharedBrowser.class, ApiContractCheck.class})
class ConsoleIT {

    private static final String COMMUNE = "000.20.20.H30";
    private static final String COMMUNE_NAME = "Bộ phận Một cửa UBND xã – đơn vị mẫu H30";
    private static final String XSS_NAME = "<img src=x onerror=alert(1)>";
    private static final String CITIZEN_ID = "001190081427";
    private static final String TOKEN_KEY = "lienthong.token";
    private static String code;

    private final SharedGateway.Server gateway;
    private final SharedBrowser.Chromium chromium;
    private final List<String> apiRequests;
    private BrowserContext context;
    private final List<String> dialogs = new ArrayList<>();

    ConsoleIT(SharedGateway.Server gateway, SharedBrowser.Chromium chromium, ApiContractCheck.ApiRequests apiRequests) {
        this.apiRequests = apiRequests.list();
        this.gateway = gateway;
        this.chromium = chromium;
    }

    /** A dossier whose applicant's name is an HTML injection attempt. */
    @BeforeAll
    static void submit(SharedGateway.Server gateway) {
        GatewayHttp.Reply reply = gateway.http().as(gateway.tokens().token(DemoTokens.DESK_OFFICER, COMMUNE))
                .post("api/v1/dossiers", GatewayHttp.submission("1.001193", COMMUNE, CITIZEN_ID)
                        .replace("Nguyễn Thị Diệu", XSS_NAME.replace("\"", "\\\"")));
        assertEquals(201, reply.status(), reply::toString);
        code = reply.json().getString("code");
        assertEquals(XSS_NAME, reply.json().getJsonObject("applicant").getString("fullName"));
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
        assertEquals(List.of(), dialogs, "no script ran from data");
    }

    private Page page(int width, int height) {
        context = chromium.context(width, height, apiRequests);
        Page page = context.newPage();
        page.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
        return page;
    }

    private String url(String path) {
        return gateway.http().resolve(path).toString();
    }

    private static Object storedToken(Page page) {
        return page.evaluate("key => sessionStorage.getItem(key)", TOKEN_KEY);
    }

    @Test
    void demoSignInSurvivesAReloadAndSignOutForgetsTheToken() {
        Page page = page(1280, 800);
        page.navigate(url(""));
        assertThat(page.locator("#demo")).isVisible();
        assertThat(page.locator("#demo")).hasText("DEMO");
        PageChecks.accessible(page, "sign-in");
        SharedBrowser.Chromium.screenshot(page, "dang-nhap-demo");

        SharedBrowser.Chromium.demoSignIn(page, "desk-officer", COMMUNE);
        assertThat(page.locator("#officer")).containsText("Cán bộ một cửa");
        assertThat(page.locator("#officer")).containsText(COMMUNE_NAME);
        assertThat(page.locator("#officer")).containsText("DEMO");
        assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Chức năng")))
                .containsText("Tìm hồ sơ");
        assertTrue(String.valueOf(storedToken(page)).startsWith("eyJ"), "the token is in this tab's sessionStorage");
        assertEquals(0, context.cookies().size(), "no cookies: nothing a forged cross-site request could ride on");
        PageChecks.accessible(page, "console shell");

        page.reload();
        assertThat(page.locator("#officer")).containsText("Cán bộ một cửa");
        assertThat(page.locator("#sign-out")).isVisible();
        assertThat(page.locator("#demo")).isVisible();

        page.locator("#sign-out").click();
        assertThat(page.locator("h1")).hasText("Đăng nhập");
        assertThat(page.locator("main")).containsText("Đã đăng xuất");
        assertNull(storedToken(page));
        page.reload();
        assertThat(page.locator("h1")).hasText("Đăng nhập");
    }

    @Test
    void anExpiredOrRefusedTokenMidSessionAsksToSignInAgain() {
        Page page = page(1280, 800);
        page.navigate(url(""));
        SharedBrowser.Chromium.demoSignIn(page, "leader", COMMUNE);

        page.evaluate("([key, value]) => sessionStorage.setItem(key, value)",
                List.of(TOKEN_KEY, gateway.tokens().expired(DemoTokens.LEADER, COMMUNE)));
        // Enter on the search box itself: the first list's load may still move the focus to the heading.
        page.getByLabel("Tìm hồ sơ theo mã, họ tên hoặc số định danh").fill(CITIZEN_ID);
        page.getByLabel("Tìm hồ sơ theo mã, họ tên hoặc số định danh").press("Enter");
        assertThat(page.locator("main [role=alert]")).containsText("Phiên đăng nhập đã hết hạn");
        assertThat(page.getByLabel("Vai trò")).isVisible();
        assertNull(storedToken(page));

        // A token the browser cannot judge (signed by an unknown key) is refused by the server: 401.
        SharedBrowser.Chromium.demoSignIn(page, "leader", COMMUNE);
        page.evaluate("([key, value]) => sessionStorage.setItem(key, value)",
                List.of(TOKEN_KEY, DemoTokens.forger().token(DemoTokens.LEADER, COMMUNE)));
        page.getByLabel("Tìm hồ sơ theo mã, họ tên hoặc số định danh").fill(CITIZEN_ID);
        page.getByLabel("Tìm hồ sơ theo mã, họ tên hoặc số định danh").press("Enter");
        assertThat(page.locator("main [role=alert]")).containsText("Phiên đăng nhập đã hết hạn");
        assertNull(storedToken(page));
        PageChecks.accessible(page, "session expired");
    }

    @Test
    void aForbiddenDossierAndAServerFailureEachSayWhatToDo() {
        Page page = page(1280, 800);
        page.navigate(url(""));
        SharedBrowser.Chromium.demoSignIn(page, "auditor", COMMUNE);
        assertThat(page.locator("main")).containsText("không được tra cứu hồ sơ");
        page.navigate(url("ho-so/" + code));
        assertThat(page.locator("main [role=alert]")).containsText("không có quyền");
        assertThat(page.locator("main [role=alert]").getByRole(AriaRole.LINK)).hasText("Quay lại tìm kiếm");
        PageChecks.accessible(page, "403");

        page.locator("#sign-out").click();
        SharedBrowser.Chromium.demoSignIn(page, "desk-officer", COMMUNE);
        java.util.function.Predicate<String> search = u -> u.contains("/api/v1/dossiers?");
        page.route(search, (Route route) -> route.fulfill(new Route.FulfillOptions().setStatus(503)
                .setHeaders(Map.of("Content-Type", "application/problem+json", "X-Request-Id", "req-5xx-test"))
                .setBody("{\"type\":\"urn:lienthong:problem:internal\",\"status\":503}")));
        page.getByLabel("Tìm hồ sơ theo mã, họ tên hoặc số định danh").fill(CITIZEN_ID);
        page.getByLabel("Tìm hồ sơ theo mã, họ tên hoặc số định danh").press("Enter");
        assertThat(page.locator("main [role=alert]")).containsText("Xin thử lại sau");
        assertThat(page.locator("main [role=alert]")).containsText("req-5xx-test");
        page.unroute(search);
        page.route(search, (Route route) -> route.fulfill(new Route.FulfillOptions().setStatus(500)
                .setHeaders(Map.of("Content-Type", "text/html")).setBody("<h1>boom</h1>")));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tìm").setExact(true)).click();
        assertThat(page.locator("main [role=alert]")).not().containsText("req-5xx-test");
        assertThat(page.locator("main [role=alert]")).containsText("Hệ thống đang gặp sự cố");
        assertFalse(page.locator("main").innerText().contains("boom"), "never the raw body");
        page.unroute(search);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Thử lại")).click();
        assertThat(page.locator("#results")).containsText(code);
        PageChecks.accessible(page, "5xx, then the retry");
    }

    @Test
    void theSearchAndTheDossierViewShowAMarkupNameAsTextWithSignatureBadges() {
        // The receipt (form 01) is signed and archived after the commit; its badge is what the view shows.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> gateway.http()
                .as(gateway.tokens().token(DemoTokens.DESK_OFFICER, COMMUNE))
                .get("api/v1/dossiers/" + code + "/documents").jsonArray().getValuesAs(JsonObject.class).stream()
                .anyMatch(d -> d.getString("kind").equals("FORM_01")));
        Page page = page(1280, 900);
        page.navigate(url(""));
        SharedBrowser.Chromium.demoSignIn(page, "desk-officer", COMMUNE);
        page.getByLabel("Tìm hồ sơ theo mã, họ tên hoặc số định danh").fill(CITIZEN_ID);
        page.getByLabel("Tìm hồ sơ theo mã, họ tên hoặc số định danh").press("Enter");
        assertThat(page.locator("#results")).containsText(XSS_NAME);
        assertEquals(0, page.locator("main img").count(), "the name is text, not an element");
        PageChecks.accessible(page, "search results");
        SharedBrowser.Chromium.screenshot(page, "tim-ho-so");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(code)).click();
        assertThat(page.locator("h1")).hasText("Hồ sơ " + code);
        assertThat(page.locator("main")).containsText(XSS_NAME);
        assertThat(page.locator("main table")).containsText("Tiếp nhận hồ sơ");
        assertThat(page.locator(".documents")).containsText("Giấy tiếp nhận (mẫu 01)");
        assertThat(page.locator(".documents .badge").first()).hasText("Hợp lệ");
        assertEquals(0, page.locator("main img").count(), "the name is text, not an element");
        PageChecks.accessible(page, "dossier view");
        SharedBrowser.Chromium.screenshot(page, "ho-so-chi-tiet");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Switch to English")).click();
        assertThat(page.locator("#sign-out")).hasText("Sign out");
        assertThat(page.locator("#officer")).containsText("Desk officer");
        assertThat(page.locator("h1")).hasText("Dossier " + code);
        assertThat(page.locator("main")).containsText("Processing record (form 06)");
        PageChecks.accessible(page, "dossier view in English");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the search")).click();
        assertThat(page.locator("#results")).containsText(code);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chuyển sang tiếng Việt")).click();
        assertThat(page.locator("#sign-out")).hasText("Đăng xuất");
    }
}
