package vn.lienthong.gateway.interfaces.rest.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import vn.lienthong.gateway.interfaces.rest.problem.Problem;

/**
 * Applies the {@link RateLimited} limit of the matched resource per client address, before
 * authentication and before the body is read: over it, 429 with Retry-After and a problem body.
 */
@Provider
@RateLimited
@Priority(Priorities.AUTHENTICATION - 100)
public class RateLimitFilter implements ContainerRequestFilter {

    @Inject
    RateLimits limits;

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        RateLimited annotation = resource.getResourceMethod().getAnnotation(RateLimited.class);
        if (annotation == null) {
            annotation = resource.getResourceClass().getAnnotation(RateLimited.class);
        }
        if (annotation == null || annotation.value().isEmpty()) {
            return;
        }
        ClientRateLimiter.Decision decision = limits.tryAcquire(annotation.value(), servletRequest.getRemoteAddr(),
                request.getHeaderString("X-Forwarded-For"));
        if (!decision.allowed()) {
            request.abortWith(Response.fromResponse(Problem.of("rate-limited", Response.Status.TOO_MANY_REQUESTS,
                            "Gửi yêu cầu quá nhiều", "Too many requests",
                            "Địa chỉ này đã gửi quá số lần cho phép mỗi phút; thử lại sau " + decision.retryAfterSeconds()
                                    + " giây",
                            "This address sent more requests than allowed per minute; retry in "
                                    + decision.retryAfterSeconds() + " s").toResponse())
                    .header("Retry-After", decision.retryAfterSeconds()).build());
        }
    }
}
