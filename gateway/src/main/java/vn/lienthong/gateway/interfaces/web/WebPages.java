package vn.lienthong.gateway.interfaces.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The console and the citizen's pages: each route answers its HTML shell from {@code WEB-INF/pages}
 * and the shells load their scripts and styles from {@code /assets/}. Everything they show comes
 * from the published API, called by the scripts. The container's default servlet stays replaced by
 * the JSON 404 of the API ({@code UnknownPathServlet}); only these routes serve files, and a
 * browser that asks for any other page outside {@code /api/} is sent here for a readable 404.
 */
@WebServlet(name = WebPages.NAME, urlPatterns = {"", "/tra-cuu", "/tra-cuu/*", "/ho-so/*", "/tiep-nhan", "/so-theo-doi", "/luu-tru", "/thong-ke", "/quan-tri", "/hai-long", "/assets/*"})
public class WebPages extends HttpServlet {

    /** The servlet's name, for a named dispatch from the catch-all servlet. */
    public static final String NAME = "WebPages";

    private static final Pattern ASSET = Pattern.compile("[a-z0-9-]{1,64}\\.(js|css|svg)");
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript; charset=UTF-8",
            "css", "text/css; charset=UTF-8",
            "svg", "image/svg+xml");
    private static final String NOT_FOUND = "not-found.html";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.startsWith("/assets/")) {
            asset(path.substring("/assets/".length()), request, response);
        } else {
            String page = page(path);
            page(page == null ? NOT_FOUND : page, page == null ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_OK,
                    request, response);
        }
    }

    /** The HTML shell of a route, or null when no page lives there. */
    static String page(String path) {
        if (path.isEmpty() || path.equals("/") || path.matches("/ho-so/[^/]{1,64}/?")) {
            return "console.html";
        }
        return switch (path) {
            case "/tiep-nhan", "/so-theo-doi" -> "console.html";
            case "/luu-tru", "/thong-ke", "/quan-tri" -> "console.html";
            case "/hai-long" -> "console.html";
            case "/tra-cuu", "/tra-cuu/" -> "lookup.html";
            case "/tra-cuu/van-ban", "/tra-cuu/van-ban/" -> "verify.html";
            default -> null;
        };
    }

    private void asset(String name, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!ASSET.matcher(name).matches()) {
            page(NOT_FOUND, HttpServletResponse.SC_NOT_FOUND, request, response);
            return;
        }
        // Revalidated on every use, so a new WAR's scripts are never mixed with an old page.
        send("/assets/" + name, TYPES.get(name.substring(name.lastIndexOf('.') + 1)), HttpServletResponse.SC_OK,
                request, response);
    }

    /** An HTML shell, its links made absolute under the WAR's context root ({{base}}). */
    private void page(String page, int status, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String html;
        try (InputStream in = getServletContext().getResourceAsStream("/WEB-INF/pages/" + page)) {
            if (in == null) {
                throw new IllegalStateException("The WAR has no page " + page);
            }
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{base}}", request.getContextPath() + "/");
        }
        response.setStatus(status);
        response.setContentType("text/html; charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
        }
    }

    private void send(String resource, String contentType, int status, HttpServletRequest request,
                      HttpServletResponse response) throws IOException {
        try (InputStream in = getServletContext().getResourceAsStream(resource)) {
            if (in == null) {
                page(NOT_FOUND, HttpServletResponse.SC_NOT_FOUND, request, response);
                return;
            }
            response.setStatus(status);
            response.setContentType(contentType);
            response.setHeader("Cache-Control", "no-cache");
            if (!"HEAD".equals(request.getMethod())) {
                in.transferTo(response.getOutputStream());
            }
        }
    }
}
