package vn.lienthong.gateway.interfaces.rest.security;

import java.security.Principal;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;

import org.eclipse.microprofile.jwt.JsonWebToken;

import vn.lienthong.gateway.application.Caller;

/** Makes the verified MicroProfile JWT of the current request into a {@link Caller}. */
@RequestScoped
public class Callers {

    /** The claim that names the agency a token was issued for (Decision 20/2020 code). */
    public static final String AGENCY_CLAIM = "agency_code";

    /**
     * Where MicroProfile JWT leaves the verified token: the caller principal. Read here directly, as
     * Payara's own producer of an injected {@code JsonWebToken} looks its way to the same principal up
     * through JNDI and the bean manager on every request.
     */
    @Inject
    SecurityContext security;

    private Caller current;

    /** This request's caller (a record cannot be a normal-scoped bean, so it is produced per injection). */
    @Produces
    @Dependent
    Caller caller() {
        return current();
    }

    public Caller current() {
        if (current == null) {
            current = read();
        }
        return current;
    }

    private Caller read() {
        JsonWebToken token = token(security);
        if (token == null || token.getName() == null) {
            return Caller.anonymous();
        }
        Object agency = token.getClaim(AGENCY_CLAIM);
        String agencyCode = agency == null ? null : agency.toString().replace("\"", "").trim();
        Set<String> roles = token.getGroups() == null ? Set.of() : token.getGroups().stream()
                .filter(Caller.KNOWN_ROLES::contains).collect(Collectors.toUnmodifiableSet());
        return new Caller(token.getName(), agencyCode == null || agencyCode.isEmpty() ? null : agencyCode, roles);
    }

    /** The request's verified token, or null when the caller is anonymous (as Payara's producer finds it). */
    static JsonWebToken token(SecurityContext security) {
        Principal principal = security.getCallerPrincipal();
        if (principal instanceof JsonWebToken token) {
            return token;
        }
        return principal == null ? null : security.getPrincipalsByType(JsonWebToken.class).stream().findFirst().orElse(null);
    }
}
