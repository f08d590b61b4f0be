package vn.lienthong.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The leader's statistics page in a real browser against the shared gateway: a dossier received
 * today and completed after the demo clock moved thirty days on counts as returned late, the page's
 * figure moves by one, and the number opens the list with that dossier in it. The chart, the step
 * figures and the overdue list show; axe-core on the page; every API request is in /openapi.
 */
@ExtendWith({SharedGateway.class, SharedBrowser.class, ApiContractCheck.class})
class LeaderScreensIT {

    private static final String COMMUNE = "000.20.20.H30";
    private static final String CLOCK = "api/v1/admin/demo-clock";

    private final SharedGateway.Server gateway;
    private final SharedBrowser.Chromium chromium;
    private final List<String> apiRequests;
    private BrowserContext context;

    LeaderScreensIT(SharedGateway.Server gateway, SharedBrowser.Chromium chromium, ApiContractCheck.ApiRequests apiRequests) {
        this.apiRequests = apiRequests.list();
        this.gateway = gateway;
        this.chromium = chromium;
    }

    /** Other classes share this gateway: it leaves on real time. */
    @AfterEach
    void cleanUp() {
        if (context != null) {
            context.close();
        }
        GatewayHttp.Reply reset = as(DemoTokens.ADMIN).delete(CLOCK);
        assertEquals(200, reset.status(), reset::toString);
    }

    private GatewayHttp as(String role) {
        return gateway.http().as(gateway.tokens().token(role, COMMUNE));
    }

    /** The figure shown in the total row for one column (a button when above zero). */
    private static int total(Page page, String figure) {
        Locator cell = page.locator("#stats-table tr[data-key=''] td").nth(figureIndex(figure));
        return Integer.parseInt(cell.innerText().strip());
    }

    private static int figureIndex(String figure) {
        return List.of("received", "inProgress", "completedEarly", "completedOnTime", "completedLate", "overdue")
                .indexOf(figure);
    }

    @Test
    void aDossierCompletedLateMovesTheFiguresAndItsNumberOpensTheDossier() {
        GatewayHttp officer = as(DemoTokens.DESK_OFFICER);
        GatewayHttp.Reply made = officer.post("api/v1/dossiers", GatewayHttp.submission("2.000815", COMMUNE, "001190190001"));
        assertEquals(201, made.status(), made::toString);
        String code = made.json().getString("code");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        String period = "thong-ke?from=" + today.minusDays(1) + "&to=" + today.plusDays(40) + "&groupBy=AGENCY";

        context = chromium.context(1280, 900, apiRequests);
        Page page = context.newPage();
        page.navigate(gateway.http().resolve("").toString());
        page.getByLabel("Vai trò").selectOption("leader");
        page.getByLabel("Đơn vị").selectOption(COMMUNE);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
        assertThat(page.locator("#sign-out")).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Thống kê")).click();
        assertThat(page.locator("h1")).hasText("Thống kê tình hình giải quyết hồ sơ");
        page.navigate(gateway.http().resolve(period).toString());
        assertThat(page.locator("#stats-table")).isVisible();
        int late = total(page, "completedLate");
        int received = total(page, "received");
        assertThat(page.locator("#stats-chart")).isVisible();
        assertThat(page.locator("#steps-heading")).isVisible();
        assertThat(page.locator("#overdue-heading")).containsText("Hồ sơ đang quá hạn");
        PageChecks.accessible(page, "statistics");

        // Thirty days on, the desk returns the result: late against its deadline.
        GatewayHttp.Reply moved = as(DemoTokens.ADMIN).put(CLOCK, "{\"offset\": \"P30D\"}");
        assertEquals(200, moved.status(), moved::toString);
        GatewayHttp.Reply completed = officer.post("api/v1/dossiers/" + code + "/transitions",
                "{\"status\": \"COMPLETED\", \"reason\": \"Đã trả kết quả\"}");
        assertEquals(200, completed.status(), completed::toString);
        assertEquals("LATE", completed.json().getString("timeliness"), completed::toString);

        page.reload();
        assertThat(page.locator("#stats-table")).isVisible();
        assertEquals(late + 1, total(page, "completedLate"));
        assertEquals(received, total(page, "received"));
        SharedBrowser.Chromium.screenshot(page, "thong-ke");
        page.locator("#stats-table tr[data-key='" + COMMUNE + "'] button[data-figure=completedLate]").click();
        assertThat(page.locator("#drill-heading")).containsText("Trả quá hạn");
        assertThat(page.locator("#drill-table")).containsText(code);
        PageChecks.accessible(page, "statistics with the late dossiers");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(code)).click();
        assertThat(page.locator("h1")).hasText("Hồ sơ " + code);
    }
}
