package vn.lienthong.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

/**
 * One Playwright and one headless Chromium for every browser test of a failsafe run, like
 * {@link SharedGateway}: started on first use, closed when the run ends. Playwright unpacks its
 * Node driver at each start (about 2 s), and the browser is Debian's {@code /usr/bin/chromium}
 * ({@code .ci/run} installs it); nothing is downloaded. Without that browser the tests fail, loudly.
 */
final class SharedBrowser implements ParameterResolver {

    static final Path CHROMIUM = Path.of(System.getProperty("it.chromium", "/usr/bin/chromium"));
    /** No network but loopback: no DNS look-ups, no component updates, no autofill server. */
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
            "--disable-features=AutofillServerCommunication");
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedBrowser.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Chromium.class;
    }

    @Override
    public Chromium resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Chromium.class, type -> Chromium.start(), Chromium.class);
    }

    /** The shared browser; each test opens its own context (its own sessionStorage, its own viewport). */
    static final class Chromium implements AutoCloseable {

        private final Playwright playwright;
        private final Browser browser;

        private Chromium(Playwright playwright, Browser browser) {
            this.playwright = playwright;
            this.browser = browser;
        }

        private static Chromium start() {
            if (!Files.isExecutable(CHROMIUM)) {
                throw new IllegalStateException("No browser at " + CHROMIUM + ": the browser tests need Debian's "
                        + "chromium (apt-get install -y --no-install-recommends chromium; .ci/run installs it). "
                        + "They never skip.");
            }
            Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            try {
                Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(FLAGS));
                System.out.printf("shared browser: %s %s%n", CHROMIUM, browser.version());
                return new Chromium(playwright, browser);
            } catch (RuntimeException e) {
                playwright.close();
                throw e;
            }
        }

        /**
         * A fresh context (no storage shared with other tests) of this size, Vietnamese and in
         * Vietnam's time, whose every API request is added to {@code apiRequests} as "METHOD /path".
         */
        BrowserContext context(int width, int height, List<String> apiRequests) {
            BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                    .setViewportSize(width, height).setLocale("vi-VN").setTimezoneId("Asia/Ho_Chi_Minh"));
            context.setDefaultTimeout(20_000);
            context.onRequest(request -> {
                String path = java.net.URI.create(request.url()).getRawPath();
                if (path != null && path.startsWith("/api/")) {
                    synchronized (apiRequests) {
                        apiRequests.add(request.method() + " " + path);
                    }
                }
            });
            return context;
        }

        /**
         * Signs in on the console's demo sign-in form the page shows, as role for the unit with that
         * code, and waits until the console says who is signed in.
         */
        static void demoSignIn(Page page, String role, String unit) {
            assertThat(page.locator("h1")).hasText("Đăng nhập");
            page.getByLabel("Vai trò").selectOption(role);
            page.getByLabel("Đơn vị").selectOption(unit);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
            assertThat(page.locator("#sign-out")).isVisible();
        }

        /** Writes a screenshot of the page under target/screenshots (never into the source tree). */
        static void screenshot(Page page, String name) {
            Path dir = Path.of(System.getProperty("it.screenshots.dir", "target/screenshots"));
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + ".png")).setFullPage(true));
        }

        @Override
        public void close() {
            browser.close();
            playwright.close();
        }
    }
}
