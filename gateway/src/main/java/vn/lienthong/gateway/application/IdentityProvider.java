package vn.lienthong.gateway.application;

import java.util.Optional;

/**
 * The province's OpenID Connect provider as the console needs it to sign officers in (authorization
 * code with PKCE, in the browser): configured or not, and where its endpoints are.
 */
public interface IdentityProvider {

    /** What the console's sign-in needs: the issuer, this console's client, and the provider's endpoints. */
    record SignInSettings(String issuer, String clientId, String scope, String authorizationEndpoint,
                          String tokenEndpoint, String endSessionEndpoint) {
    }

    /** Whether a provider is configured ({@code lienthong.security.oidc.client-id}). */
    boolean configured();

    /**
     * The settings, with the endpoints from the provider's discovery document.
     *
     * @throws IdentityProviderUnreachableException when the discovery document cannot be read or lacks an endpoint
     */
    Optional<SignInSettings> settings();
}
