package vn.lienthong.gateway.interfaces.rest.problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Replaces the container's default servlet: the application serves no static files but its pages'
 * (interfaces/web), so any other path is a 404 problem body, whatever the method. The default
 * servlet answered an unknown method (PATCH) with a 501 HTML page, found by the fuzz test. A browser
 * asking for a page outside {@code /api/} gets the pages' own readable 404 instead of JSON.
 */
@WebServlet("/")
public class UnknownPathServlet extends HttpServlet {

    private static final Jsonb JSON = JsonbBuilder.create();
    /** The pages' servlet (interfaces/web), by name: the API does not depend on the pages. */
    private static final String WEB_PAGES = "WebPages";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (wantsPage(request)) {
            getServletContext().getNamedDispatcher(WEB_PAGES).forward(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.toJson(Problem.of("not-found", 404, "Không tìm thấy", "Not found",
                "Không có tài nguyên tại địa chỉ này; API ở /api/v1, mô tả ở /openapi",
                "No resource at this address; the API is under /api/v1, described at /openapi")));
    }

    /** A browser's page request (GET for HTML) for a path outside the API. */
    private static boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return "GET".equals(request.getMethod()) && accept != null && accept.contains("text/html")
                && !request.getServletPath().startsWith("/api/");
    }
}
