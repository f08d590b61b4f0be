package vn.lienthong.gateway.interfaces.web;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The browser-facing safety headers on every answer of the WAR: pages, API, error bodies, downloads
 * (docs/console.md, "Security headers"). Set before the rest of the chain runs, and again on the
 * container's error dispatch, so a refusal the container writes itself (an invalid token's 401,
 * a body over the limit) carries them too.
 *
 * <p>One policy for all: the pages load scripts, styles and data only from this origin and no inline
 * script; JSON and PDF answers load nothing, so the same policy costs them nothing. No one may frame
 * any of it (clickjacking), no answer is sniffed into another type, and no address (a dossier code in
 * a path) leaks to another site through the Referer header. With the province's identity provider
 * configured, the console may also call the provider's origin (its token endpoint: the PKCE code
 * exchange happens in the browser).
 */
// asyncSupported: a filter that is not would forbid asynchronous processing to every servlet behind it.
@WebFilter(urlPatterns = "/*", asyncSupported = true, dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

    /** The Content-Security-Policy of every answer when no identity provider is configured. */
    public static final String CONTENT_SECURITY_POLICY = policy(Optional.empty());

    private String policy = CONTENT_SECURITY_POLICY;

    /** The policy, allowing {@code provider} (an origin) as a place to fetch from. */
    static String policy(Optional<String> provider) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'"
                + provider.map(origin -> " " + origin).orElse("")
                + "; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    }

    @Override
    public void init() {
        Config config = ConfigProvider.getConfig();
        boolean oidc = config.getOptionalValue("lienthong.security.oidc.client-id", String.class)
                .filter(id -> !id.isBlank()).isPresent();
        if (oidc) {
            URI issuer = URI.create(config.getValue("mp.jwt.verify.issuer", String.class));
            policy = policy(Optional.of(issuer.getScheme() + "://" + issuer.getRawAuthority()));
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", policy);
        chain.doFilter(request, response);
    }
}
