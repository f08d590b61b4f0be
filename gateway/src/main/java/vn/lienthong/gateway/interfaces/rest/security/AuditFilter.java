package vn.lienthong.gateway.interfaces.rest.security;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import vn.lienthong.gateway.application.Caller;
import vn.lienthong.gateway.domain.audit.AuditEvent;
import vn.lienthong.gateway.domain.audit.AuditTrail;
import vn.lienthong.gateway.domain.audit.TrustedProxies;
import vn.lienthong.gateway.domain.calendar.WorkingCalendar;
import vn.lienthong.gateway.domain.StorageException;
import vn.lienthong.gateway.domain.dossier.PersonalDataMask;

/**
 * Records every state-changing call (anything but GET, HEAD and OPTIONS) and every refused one
 * (401, 403) in the audit trail, after the answer is decided, so the outcome is the real one.
 * The public endpoints (verify, the citizen's look-up) change nothing and are not recorded.
 */
@Provider
public class AuditFilter implements ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(AuditFilter.class.getName());
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    /** Set by the callback resource: the agency whose signature or certificate was verified. */
    public static final String AGENCY_ACTOR = "lienthong.audit.agency";
    /** Set by the demo sign-in: the officer id a demo token was minted for. */
    public static final String DEMO_SIGN_IN = "lienthong.audit.demo-sign-in";

    @Inject
    AuditTrail trail;

    @Inject
    Callers callers;

    @Inject
    Clock clock;

    /** Behind the load balancer the client is the one it forwarded, as for the rate limits. */
    @Inject
    TrustedProxies proxies;

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext in, ContainerResponseContext out) {
        int status = out.getStatus();
        if (READS.contains(in.getMethod()) && status != 401 && status != 403) {
            return;
        }
        String path = in.getUriInfo().getPath(false);
        if (status == 429 || path.startsWith("verify") || path.startsWith("public/")) {
            // Public calls change nothing, and a flood of them (rate-limited or not) must not grow the trail.
            return;
        }
        String query = in.getUriInfo().getRequestUri().getRawQuery();
        // A search by citizen ID (GET /dossiers?q=...) is refused 401/403 with the number in its query.
        String target = PersonalDataMask.mask("/" + path + (query == null ? "" : "?" + query));
        Caller caller = callers.current();
        String actor = actor(in, caller, request);
        try {
            trail.record(new AuditEvent(0, OffsetDateTime.now(clock).withOffsetSameInstant(WorkingCalendar.VIETNAM), actor,
                    caller.authenticated() ? String.join(",", new TreeSet<>(caller.roles())) : null,
                    caller.agencyCode(), in.getMethod(), target, status, AuditEvent.outcomeOf(status),
                    request == null ? null : proxies.client(request.getRemoteAddr(), in.getHeaderString("X-Forwarded-For")),
                    in.getHeaderString("X-Request-Id")));
        } catch (StorageException e) {
            // The answer is already decided; losing its audit line is logged loudly instead of
            // turning a done change into an error the caller would retry.
            LOG.log(Level.SEVERE, "Audit trail not written for " + in.getMethod() + " " + target + " by " + actor
                    + " (" + status + "): " + e.getMessage());
        }
    }

    private static String actor(ContainerRequestContext in, Caller caller, HttpServletRequest request) {
        if (caller.authenticated()) {
            return caller.officerId();
        }
        Object agency = request == null ? null : request.getAttribute(AGENCY_ACTOR);
        if (agency != null) {
            return "agency:" + agency;
        }
        Object demo = request == null ? null : request.getAttribute(DEMO_SIGN_IN);
        if (demo != null) {
            return "demo-sign-in:" + demo;
        }
        String authorization = in.getHeaderString(HttpHeaders.AUTHORIZATION);
        return authorization == null ? null : "(invalid token)";
    }
}
