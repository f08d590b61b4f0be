package vn.lienthong.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * Sign-in through the province's identity provider, in a real browser: a real OpenID Connect
 * server (mock-oauth2-server, in this JVM on 127.0.0.1) and a gateway configured for it as a
 * province configures one (mp.jwt.verify.issuer and the provider's JWKS, the console's client id).
 * The officer signs in by authorization code with PKCE and sees the desk; a token for another
 * agency is refused by the API and on the dossier page; a token of another issuer is refused; the
 * demo sign-in is off. axe-core on the sign-in page and the desk; every API request is in /openapi.
 *
 * <p>Its own gateway (about 20 s): MicroProfile JWT trusts one issuer, and the shared gateway's is
 * the demo issuer every other browser test signs in with (docs/console.md).
 */
@ExtendWith(SharedBrowser.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcSignInIT {

    private static final String REALM = "lienthong";
    private static final String CLIENT = "lienthong-console";
    private static final String OTHER = "002.00.20.H13";
    private static final String DISTRICT = "000.00.20.H30";

    private final SharedBrowser.Chromium chromium;
    private final List<String> apiRequests = Collections.synchronizedList(new ArrayList<>());
    private MockOAuth2Server provider;
    private RunnableJar gateway;
    private String issuer;

    OidcSignInIT(SharedBrowser.Chromium chromium) {
        this.chromium = chromium;
    }

    @BeforeAll
    void start() throws IOException {
        provider = new MockOAuth2Server();
        provider.start(InetAddress.getByName("127.0.0.1"), 0);
        // The issuer as the browser and the gateway reach it (the server's own URLs say "localhost").
        issuer = "http://127.0.0.1:" + provider.baseUrl().port() + "/" + REALM;
        Path work = Path.of(System.getProperty("it.data.dir", "target/it-data")).resolve("oidc").toAbsolutePath();
        gateway = RunnableJar.start(work.resolve("data-" + System.nanoTime()), work, new RunnableJar.Launch(List.of(), List.of(), Map.of(
                "MP_JWT_VERIFY_ISSUER", issuer,
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", issuer + "/jwks",
                "LIENTHONG_SECURITY_OIDC_CLIENT_ID", CLIENT)));
        System.out.printf("OidcSignInIT: gateway up in %d ms%n", gateway.startUpTime().toMillis());
    }

    @AfterAll
    void stop() {
        try {
            PageChecks.listedInContract(apiRequests, gateway.http().serverRoot().resolve("/"));
        } finally {
            gateway.close();
            provider.shutdown();
        }
    }

    /** The claims the province's provider puts in an officer's access token (docs/console.md: the mappers). */
    private void nextSignIn(String officer, String name, String role, String agency) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(REALM, officer, "JWT", List.of(CLIENT),
                Map.of("name", name, "groups", List.of(role), "agency_code", agency), 3600));
    }

    /** An access token from the provider's token endpoint, as a desk system would get one. */
    private String tokenFor(String realm, String officer, String role, String agency) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(realm, officer, "JWT", List.of(CLIENT),
                Map.of("groups", List.of(role), "agency_code", agency), 3600));
        String form = "grant_type=client_credentials&scope=openid&client_id=desk-system&client_secret="
                + URLEncoder.encode("not-checked", StandardCharsets.UTF_8);
        URI endpoint = URI.create("http://127.0.0.1:" + provider.baseUrl().port() + "/" + realm + "/token");
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer::body);
            JsonObject tokens = Json.createReader(new StringReader(answer.body())).readObject();
            return tokens.getString("access_token");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String dossierOf(String agency, String citizenId) {
        GatewayHttp.Reply made = gateway.http().as(tokenFor(REALM, "it.oidc.desk." + agency, DemoTokens.DESK_OFFICER, agency))
                .post("api/v1/dossiers", GatewayHttp.submission("1.001193", agency, citizenId));
        assertEquals(201, made.status(), made::toString);
        return made.json().getString("code");
    }

    /** A fresh browser signed in through the provider as a desk officer of {@code agency}, on the desk. */
    private Page signedIn(BrowserContext context, String agency) {
        Page page = context.newPage();
        page.navigate(gateway.http().resolve("").toString());
        assertThat(page.locator("#signin-provider")).hasText("Đăng nhập qua hệ thống của tỉnh");
        assertEquals(0, page.locator("#signin").count(), "no demo sign-in form beside the province's");
        PageChecks.accessible(page, "the sign-in page with the province's provider");
        nextSignIn("nguyen.van.an", "Nguyễn Văn An", DemoTokens.DESK_OFFICER, agency);
        page.locator("#signin-provider").click();
        assertThat(page.locator("#officer")).containsText("Nguyễn Văn An");
        return page;
    }

    @Test
    void anOfficerSignsInThroughTheProvinceAndSeesTheDesk() {
        String mine = dossierOf(DISTRICT, "001190030001");
        try (BrowserContext context = chromium.context(1280, 900, apiRequests)) {
            Page page = signedIn(context, DISTRICT);
            assertThat(page.locator("#officer")).containsText("Cán bộ một cửa");
            assertThat(page.locator("#officer")).containsText(DISTRICT);
            assertFalse(page.url().contains("code="), "the code is taken out of the address: " + page.url());
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(mine))).isVisible();
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tiếp nhận hồ sơ"))).isVisible();
            assertTrue(context.cookies(gateway.http().resolve("").toString()).isEmpty(), "no cookie from the gateway");
            PageChecks.accessible(page, "the desk after the province's sign-in");

            // Sign-out ends the provider's session too, and comes back to the sign-in page.
            page.locator("#sign-out").click();
            assertThat(page.locator("#signin-provider")).isVisible();
        }
        assertEquals(404, gateway.http().get("api/v1/demo/sign-in").status(), "no demo sign-in beside the provider");
    }

    @Test
    void aTokenForAnotherAgencyIsRefused() {
        String theirs = dossierOf(OTHER, "001190030002");
        String districtToken = tokenFor(REALM, "it.oidc.other", DemoTokens.DESK_OFFICER, DISTRICT);
        GatewayHttp.Reply refused = gateway.http().as(districtToken).get("api/v1/dossiers/" + theirs);
        assertEquals(403, refused.status(), refused::toString);
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused::toString);
        try (BrowserContext context = chromium.context(1280, 900, apiRequests)) {
            Page page = signedIn(context, DISTRICT);
            page.navigate(gateway.http().resolve("ho-so/" + theirs).toString());
            assertThat(page.locator("main")).containsText("Ông/bà không có quyền xem nội dung này");
        }
        // The same claims from another issuer (the provider's other realm, its own key) are not the province's.
        String stranger = tokenFor("other", "it.oidc.stranger", DemoTokens.DESK_OFFICER, DISTRICT);
        assertEquals(401, gateway.http().as(stranger).get("api/v1/dossiers").status());
        assertEquals(200, gateway.http().as(districtToken).get("api/v1/dossiers").status());
    }
}
