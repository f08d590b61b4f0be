package vn.lienthong.gateway.infrastructure.security;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Asked before MicroProfile JWT's own identity store: a bearer token it verified lately
 * ({@link VerifiedTokens}) is valid again without being verified again; any other token, and any
 * other credential, is left to MicroProfile JWT (not validated here). {@link VerifiedTokenGroups}
 * keeps each token MicroProfile JWT found valid.
 */
@ApplicationScoped
public class VerifiedTokenStore implements IdentityStore {

    /** Before MicroProfile JWT's store, which keeps the default priority (100). */
    static final int PRIORITY = 10;

    /** Payara's bearer-token credential; its class is not visible to the application, its getter is. */
    private static final ClassValue<Method> TOKEN_GETTER = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            try {
                Method getter = type.getMethod("getSignedJWT");
                return getter.getReturnType() == String.class ? getter : null;
            } catch (NoSuchMethodException e) {
                return null;
            }
        }
    };

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.token.age")
    Optional<Long> tokenAgeSeconds;

    @Inject
    @ConfigProperty(name = "lienthong.security.verified-tokens", defaultValue = "10000")
    int maxTokens;

    private VerifiedTokens tokens;

    @PostConstruct
    void start() {
        tokens = new VerifiedTokens(maxTokens, tokenAgeSeconds.map(Duration::ofSeconds), Clock.systemUTC());
    }

    VerifiedTokens tokens() {
        return tokens;
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        String token = bearerToken(credential);
        return token == null ? CredentialValidationResult.NOT_VALIDATED_RESULT
                : tokens.find(token).orElse(CredentialValidationResult.NOT_VALIDATED_RESULT);
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return Set.of(ValidationType.VALIDATE);
    }

    /** The token text of MicroProfile JWT's credential, or null for any other credential. */
    static String bearerToken(Credential credential) {
        Method getter = credential == null ? null : TOKEN_GETTER.get(credential.getClass());
        if (getter == null) {
            return null;
        }
        try {
            return (String) getter.invoke(credential);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }
}
