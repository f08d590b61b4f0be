package vn.lienthong.gateway.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import vn.lienthong.gateway.application.IdentityProvider.SignInSettings;
import vn.lienthong.gateway.application.IdentityProviderUnreachableException;

/** The console's provider settings from a discovery document served over real HTTP on 127.0.0.1. */
class OidcDiscoveryTest {

    private HttpServer server;
    private String issuer;
    private final AtomicReference<String> document = new AtomicReference<>();
    private final AtomicInteger reads = new AtomicInteger();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/realms/motcua/.well-known/openid-configuration", exchange -> {
            reads.incrementAndGet();
            byte[] body = document.get() == null ? new byte[0] : document.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(document.get() == null ? 404 : 200, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/motcua";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private OidcDiscovery discovery(Optional<String> clientId) {
        OidcDiscovery discovery = new OidcDiscovery();
        discovery.issuer = issuer;
        discovery.clientId = clientId;
        discovery.scope = "openid";
        return discovery;
    }

    private String documentNaming(String namedIssuer, boolean withTokenEndpoint) {
        return "{\"issuer\":\"" + namedIssuer + "\",\"authorization_endpoint\":\"" + issuer + "/protocol/openid-connect/auth\""
                + (withTokenEndpoint ? ",\"token_endpoint\":\"" + issuer + "/protocol/openid-connect/token\"" : "")
                + ",\"jwks_uri\":\"" + issuer + "/protocol/openid-connect/certs\"}";
    }

    @Test
    void noClientIdIsNoProviderAndNothingIsRead() {
        assertFalse(discovery(Optional.empty()).configured());
        assertEquals(Optional.empty(), discovery(Optional.of(" ")).settings());
        assertEquals(0, reads.get());
    }

    @Test
    void theEndpointsComeFromTheDiscoveryDocumentReadOnce() {
        document.set(documentNaming(issuer, true));
        OidcDiscovery discovery = discovery(Optional.of("lienthong-console"));
        SignInSettings settings = discovery.settings().orElseThrow();
        assertEquals(new SignInSettings(issuer, "lienthong-console", "openid", issuer + "/protocol/openid-connect/auth",
                issuer + "/protocol/openid-connect/token", null), settings);
        assertNull(settings.endSessionEndpoint(), "a provider without RP-initiated logout");
        assertEquals(settings, discovery.settings().orElseThrow());
        assertEquals(1, reads.get());
    }

    @Test
    void aDocumentNamingAnotherIssuerOrLackingAnEndpointIsRefusedAndReadAgainLater() {
        OidcDiscovery discovery = discovery(Optional.of("lienthong-console"));
        document.set(documentNaming("https://elsewhere.example/realms/motcua", true));
        IdentityProviderUnreachableException other = assertThrows(IdentityProviderUnreachableException.class, discovery::settings);
        assertTrue(other.english().contains("not mp.jwt.verify.issuer"), other.english());

        document.set(documentNaming(issuer, false));
        IdentityProviderUnreachableException lacking = assertThrows(IdentityProviderUnreachableException.class, discovery::settings);
        assertTrue(lacking.english().contains("token_endpoint"), lacking.english());

        document.set(null);
        assertTrue(assertThrows(IdentityProviderUnreachableException.class, discovery::settings).english().contains("404"));

        document.set(documentNaming(issuer, true));
        assertTrue(discovery.settings().isPresent(), "a provider that comes back is used");
    }

    @Test
    void anUnreachableProviderIsUnavailableNotAServerError() {
        OidcDiscovery discovery = discovery(Optional.of("lienthong-console"));
        server.stop(0);
        IdentityProviderUnreachableException down = assertThrows(IdentityProviderUnreachableException.class, discovery::settings);
        assertTrue(down.vietnamese().startsWith("Không kết nối được"), down.vietnamese());
    }
}
