package vn.lienthong.gateway.infrastructure.security;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.lienthong.gateway.application.IdentityProvider;
import vn.lienthong.gateway.application.IdentityProviderUnreachableException;

/**
 * The province's identity provider, found through its discovery document
 * ({@code <mp.jwt.verify.issuer>/.well-known/openid-configuration}). The issuer is the one
 * MicroProfile JWT trusts, so the tokens the console gets are the ones the API accepts; the
 * document is read on first need and kept, since a provider's endpoints do not move.
 */
@ApplicationScoped
public class OidcDiscovery implements IdentityProvider {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "lienthong.security.oidc.client-id")
    Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "lienthong.security.oidc.scope", defaultValue = "openid")
    String scope;

    private final AtomicReference<SignInSettings> found = new AtomicReference<>();

    @Override
    public boolean configured() {
        return clientId.filter(id -> !id.isBlank()).isPresent();
    }

    @Override
    public Optional<SignInSettings> settings() {
        if (!configured()) {
            return Optional.empty();
        }
        SignInSettings known = found.get();
        if (known == null) {
            known = discover();
            found.compareAndSet(null, known);
        }
        return Optional.of(known);
    }

    private SignInSettings discover() {
        URI document = URI.create(issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration");
        try {
            HttpResponse<String> answer = HttpClient.newBuilder().connectTimeout(TIMEOUT).build().send(
                    HttpRequest.newBuilder(document).timeout(TIMEOUT).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (answer.statusCode() != 200) {
                throw new IdentityProviderUnreachableException(document + " answered " + answer.statusCode(), null);
            }
            JsonObject json = Json.createReader(new StringReader(answer.body())).readObject();
            if (!issuer.equals(json.getString("issuer", null))) {
                // A provider that names another issuer would hand out tokens MicroProfile JWT refuses.
                throw new IdentityProviderUnreachableException(document + " names the issuer " + json.getString("issuer", null)
                        + ", not mp.jwt.verify.issuer " + issuer, null);
            }
            return new SignInSettings(issuer, clientId.orElseThrow().strip(), scope,
                    required(json, "authorization_endpoint", document), required(json, "token_endpoint", document),
                    json.get("end_session_endpoint") instanceof JsonString end ? end.getString() : null);
        } catch (IOException | JsonException | ClassCastException e) {
            throw new IdentityProviderUnreachableException("Cannot read the identity provider's discovery document " + document, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdentityProviderUnreachableException("Interrupted reading " + document, e);
        }
    }

    private static String required(JsonObject json, String name, URI document) {
        if (!(json.get(name) instanceof JsonString value)) {
            throw new IdentityProviderUnreachableException(document + " has no " + name, null);
        }
        return value.getString();
    }
}
