package vn.lienthong.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The administrator's page in a real browser against the shared gateway: the admin switches a 400
 * fault on at the sandbox social-insurance agency, a dossier's message to it becomes a dead letter
 * shown with its reason, the admin fixes the fault and replays it, and the dossier completes. The
 * message log checks intact and the audit trail, filtered by the admin, shows the replay. The
 * agencies panel lists the four sandbox agencies with closed breakers and answers a test call; an
 * officer's certificate is issued, revoked and issued anew from the page. axe-core on the page;
 * every API request is in /openapi.
 */
@ExtendWith({SharedGateway.class, SharedBrowser.class, ApiContractCheck.class})
class AdminScreensIT {

    private static final String PROVINCE = "000.00.00.H30";

    private final SharedGateway.Server gateway;
    private final SharedBrowser.Chromium chromium;
    private final List<String> apiRequests;
    private BrowserContext context;

    AdminScreensIT(SharedGateway.Server gateway, SharedBrowser.Chromium chromium, ApiContractCheck.ApiRequests apiRequests) {
        this.apiRequests = apiRequests.list();
        this.gateway = gateway;
        this.chromium = chromium;
    }

    /** Other classes share this gateway: its sandbox agencies are left healthy. */
    @AfterEach
    void cleanUp() {
        if (context != null) {
            context.close();
        }
        for (String agency : LienThongFlows.AGENCIES) {
            assertEquals(200, gateway.http().post("sandbox/" + agency + "/_reset", "").status());
        }
    }

    private GatewayHttp as(String role) {
        return gateway.http().as(gateway.tokens().token(role, PROVINCE));
    }

    private boolean deadLetterOf(String code) {
        return as(DemoTokens.ADMIN).get("api/v1/admin/dead-letters").jsonArray().getValuesAs(JsonObject.class).stream()
                .anyMatch(d -> d.getString("dossierCode").equals(code));
    }

    /** A browser signed in as the province's admin, on the admin page. */
    private Page adminPage() {
        context = chromium.context(1280, 900, apiRequests);
        Page page = context.newPage();
        page.navigate(gateway.http().resolve("").toString());
        SharedBrowser.Chromium.demoSignIn(page, "admin", PROVINCE);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Quản trị")).click();
        assertThat(page.locator("h1")).hasText("Quản trị hệ thống liên thông");
        return page;
    }

    @Test
    void theAgenciesShowClosedBreakersAndAnswerATestCall() {
        Page page = adminPage();
        assertThat(page.locator("#agencies-table tbody tr")).hasCount(4);
        for (String agency : List.of("civil-status", "social-insurance", "residence", "land-registry")) {
            Locator row = page.locator("#agencies-table tr[data-agency='" + agency + "']");
            assertThat(row.locator("td.breaker")).hasText("CLOSED");
            assertThat(row).containsText("Kết nối được");
        }
        Locator civil = page.locator("#agencies-table tr[data-agency='civil-status']");
        civil.locator("button.agency-test").click();
        // The sandbox answers its agency's bare base URL 404: the server is there, nothing was created.
        assertThat(civil.locator(".test-result")).containsText("Kết nối được (HTTP 404");
        PageChecks.accessible(page, "the agencies after a test call");
        // The README's picture of the panel: the page as the admin sees it on arrival (the viewport).
        page.locator("#page-heading").scrollIntoViewIfNeeded();
        page.screenshot(new Page.ScreenshotOptions().setPath(
                Path.of(System.getProperty("it.screenshots.dir", "target/screenshots")).resolve("quan-tri-co-quan.png")));
    }

    @Test
    void anOfficersCertificateIsIssuedRevokedAndIssuedAnewFromThePage() {
        Page page = adminPage();
        String officer = "it.cert." + System.nanoTime();
        String holder = PROVINCE + "/" + officer;
        page.locator("#certificate-officer").fill(officer);
        page.locator("#certificate-agency").fill(PROVINCE);
        page.locator("#certificate-issue button[type=submit]").click();
        assertThat(page.locator("#certificates-status")).containsText("Đã cấp chứng thư");
        Locator mine = page.locator("#certificates-table tr[data-holder='" + holder + "']");
        assertThat(mine).hasCount(1);
        String first = mine.getAttribute("data-serial");

        mine.locator("select").selectOption("key-compromise");
        mine.locator("form.revoke button[type=submit]").click();
        assertThat(page.locator("#certificates-status")).containsText("Đã thu hồi chứng thư " + first);
        Locator revoked = page.locator("#certificates-table tr[data-serial='" + first + "']");
        assertThat(revoked).containsText("Đã thu hồi (KEY_COMPROMISE");
        PageChecks.accessible(page, "a revoked certificate");

        revoked.locator("button.reissue").click();
        assertThat(page.locator("#certificates-status")).containsText("cho " + holder);
        assertThat(mine).hasCount(2);
        Locator current = mine.filter(new Locator.FilterOptions().setHasText("Đang dùng"));
        assertThat(current).hasCount(1);
        assertThat(current.locator("button.reissue")).isVisible();
        assertThat(revoked).containsText("Đã thu hồi");
    }

    @Test
    void aDeadLetterFromA400IsReplayedAfterTheFixAndTheDossierCompletes() {
        Page page = adminPage();
        assertThat(page.locator("#faults-social-insurance")).isVisible();
        PageChecks.accessible(page, "admin page");

        page.locator("#faults-social-insurance-kind").selectOption("400");
        page.locator("#faults-social-insurance button[type=submit]").click();
        assertThat(page.locator("#faults-social-insurance-state")).containsText("Đang gây lỗi 400");

        GatewayHttp officer = as(DemoTokens.DESK_OFFICER);
        GatewayHttp.Reply made = officer.post("api/v1/dossiers", GatewayHttp.submission("1.000240", PROVINCE, "001190200001"));
        assertEquals(201, made.status(), made::toString);
        String code = made.json().getString("code");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> deadLetterOf(code));

        page.locator("#dead-refresh").click();
        Locator row = page.locator("#dead-table tr[data-dossier='" + code + "']");
        assertThat(row).containsText("social-insurance");
        assertThat(row).containsText("FAILED");
        SharedBrowser.Chromium.screenshot(page, "quan-tri");
        PageChecks.accessible(page, "a dead letter");

        page.locator("#faults-social-insurance-fix").click();
        assertThat(page.locator("#faults-social-insurance-state")).containsText("Hoạt động bình thường");
        row.locator("button.replay").click();
        assertThat(page.locator("#dead-letters")).containsText("Đã đưa thông điệp của hồ sơ " + code);
        LienThongFlows.awaitStatus(officer, code, "COMPLETED", 60);

        page.locator("#message-log-verify").click();
        assertThat(page.locator("#message-log-result")).containsText("Nhật ký nguyên vẹn");
        page.getByLabel("Người thực hiện").fill("demo.admin." + PROVINCE);
        page.locator("#audit-filters button[type=submit]").click();
        assertThat(page.locator("#audit-table")).containsText("/admin/dead-letters/");
        PageChecks.accessible(page, "after the replay");
    }
}
