package vn.lienthong.gateway.infrastructure.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Asked for groups after every successful validation, which is how it learns of a bearer token
 * MicroProfile JWT verified: the token is kept in {@link VerifiedTokenStore}'s {@link VerifiedTokens}.
 * The groups it answers are those of the validation itself, so it adds none.
 */
@ApplicationScoped
public class VerifiedTokenGroups implements IdentityStore {

    @Inject
    VerifiedTokenStore store;

    @Override
    public Set<String> getCallerGroups(CredentialValidationResult result) {
        if (result.getCallerPrincipal() instanceof JsonWebToken jwt) {
            store.tokens().remember(jwt.getRawToken(), result, jwt.getIssuedAtTime(), jwt.getExpirationTime());
        }
        return result.getCallerGroups();
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return Set.of(ValidationType.PROVIDE_GROUPS);
    }
}
