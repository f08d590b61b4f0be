package vn.lienthong.gateway.interfaces.web;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The browser-facing safety headers on every answer of the WAR: pages, API, error bodies, downloads
 * (docs/console.md, "Security headers"). Set before the rest of the chain runs, and again on the
 * container's error dispatch, so a refusal the container writes itself (an invalid token's 401,
 * a body over the limit) carries them too.
 *
 * <p>One policy for all: the pages load scripts, styles and data only from this origin and no inline
 * script; JSON and PDF answers load nothing, so the same policy costs them nothing. No one may frame
 * any of it (clickjacking), no answer is sniffed into another type, and no address (a dossier code in
 * a path) leaks to another site through the Referer header.
 */
// asyncSupported: a filter that is not would forbid asynchronous processing to every servlet behind it.
@WebFilter(urlPatterns = "/*", asyncSupported = true, dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

    /** The Content-Security-Policy of every answer. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        chain.doFilter(request, response);
    }
}
