package vn.lienthong.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;

/**
 * The leader's statistics page in a real browser against the shared gateway: a dossier received
 * today and completed after the demo clock moved thirty days on counts as returned late, the page's
 * figure moves by one, and the number opens the list with that dossier in it, also when the list
 * API has more than one page of them. The chart, the step figures and the overdue list show;
 * axe-core on the page; every API request is in /openapi.
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

    /** Page 0 from the gateway; pages 1 (200) and 2 (50) copies of the late dossier; a total of 450 dossiers. */
    private static void laterPages(Route route, String code, AtomicInteger lateOnPageZero, AtomicReference<JsonObject> late) {
        String query = URI.create(route.request().url()).getRawQuery();
        int number = Integer.parseInt(query.replaceAll(".*(?:^|&)page=(\\d+).*", "$1"));
        JsonObject real = Json.createReader(new StringReader(route.fetch().text())).readObject();
        JsonArrayBuilder items = Json.createArrayBuilder();
        if (number == 0) {
            late.set(real.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                    .filter(d -> d.getString("code").equals(code)).findFirst().orElseThrow());
            real.getJsonArray("items").forEach(items::add);
            lateOnPageZero.set((int) real.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                    .filter(d -> "LATE".equals(d.getString("timeliness", null))).count());
        } else {
            for (int i = 0; i < (number == 1 ? 200 : 50); i++) {
                items.add(Json.createObjectBuilder(late.get()).add("code", "PAGE-" + number + "-" + i));
            }
        }
        JsonObject body = Json.createObjectBuilder(real).add("total", 450).add("items", items).build();
        route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("application/json").setBody(body.toString()));
    }

    /**
     * The period reads and is typed day first (dd/mm/yyyy) whatever the browser's language; a day
     * that does not exist is refused in the form with the reason, and nothing is asked of the API.
     */
    private static void periodTypedDayFirst(Page page, LocalDate from, LocalDate to) {
        DateTimeFormatter dayFirst = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        assertThat(page.locator("#stats-from")).hasValue(from.format(dayFirst));
        String shown = page.url();
        page.locator("#stats-from").fill("31/02/" + from.getYear());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xem sổ")).click();
        assertEquals("Xin nhập ngày theo dạng ngày/tháng/năm, ví dụ 06/12/2026.",
                page.locator("#stats-from").evaluate("el => el.validationMessage"));
        assertEquals(shown, page.url(), "a wrong day does not change the period");
        page.locator("#stats-from").fill(from.format(dayFirst));
        page.locator("#stats-to").fill(to.format(dayFirst));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xem sổ")).click();
        assertThat(page).hasURL(Pattern.compile(".*from=" + from + "&to=" + to + ".*"));
        assertThat(page.locator("#stats-table")).isVisible();
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
        SharedBrowser.Chromium.demoSignIn(page, "leader", COMMUNE);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Thống kê")).click();
        assertThat(page.locator("h1")).hasText("Thống kê tình hình giải quyết hồ sơ");
        page.navigate(gateway.http().resolve(period).toString());
        assertThat(page.locator("#stats-table")).isVisible();
        periodTypedDayFirst(page, today.minusDays(1), today.plusDays(40));
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

        // More than one page (200) behind a number: the drill-down reads every page. The shared gateway
        // holds no 450 dossiers of one figure, so the list's pages 1 and 2 are made here from the late
        // dossier; page 0 is the gateway's own answer.
        AtomicInteger lateOnPageZero = new AtomicInteger();
        AtomicReference<JsonObject> lateDossier = new AtomicReference<>();
        page.route(url -> url.contains("/api/v1/dossiers?") && url.contains("page="),
                route -> laterPages(route, code, lateOnPageZero, lateDossier));
        page.locator("#stats-table tr[data-key='" + COMMUNE + "'] button[data-figure=completedLate]").click();
        assertThat(page.locator("#drill-count")).hasText((lateOnPageZero.get() + 250) + " hồ sơ.");
        assertThat(page.locator("#drill-table")).containsText("PAGE-1-0");
        assertThat(page.locator("#drill-table")).containsText("PAGE-2-49");
        assertThat(page.locator("#drill-table")).containsText(code);
        page.unrouteAll();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(code)).click();
        assertThat(page.locator("h1")).hasText("Hồ sơ " + code);
    }
}
