package vn.lienthong.gateway.infrastructure.agency;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLParameters;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.eclipse.microprofile.config.Config;

/**
 * Outbound credentials per agency: with {@code lienthong.agency.<id>.auth=oauth2}, a bearer token
 * from the agency's OAuth2 client-credentials endpoint, cached until shortly before it expires.
 * With {@code auth=none} (the default) requests carry no Authorization header.
 */
@ApplicationScoped
public class AgencyCredentials {

    private static final Duration EARLY_RENEWAL = Duration.ofSeconds(30);

    @Inject
    Config config;

    @Inject
    AgencyTls tls;

    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();

    private record Token(String value, Instant renewAt) {
    }

    /** The Authorization header value for the agency, or null when it needs none. */
    public String authorization(String agencyId) {
        String p = "lienthong.agency." + agencyId + ".";
        String auth = config.getOptionalValue(p + "auth", String.class).orElse("none");
        if (!auth.equals("oauth2")) {
            return null;
        }
        Token token = tokens.get(agencyId);
        if (token == null || Instant.now().isAfter(token.renewAt())) {
            token = fetch(agencyId, p);
            tokens.put(agencyId, token);
        }
        return "Bearer " + token.value();
    }

    private Token fetch(String agencyId, String p) {
        String tokenUrl = config.getValue(p + "token-url", String.class);
        String client = config.getValue(p + "client-id", String.class);
        String secret = config.getValue(p + "client-secret", String.class);
        String basic = Base64.getEncoder().encodeToString((enc(client) + ":" + enc(secret)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        try {
            HttpResponse<String> response = client(agencyId, tokenUrl).send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("token endpoint of " + agencyId + " answered HTTP " + response.statusCode());
            }
            try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                JsonObject json = reader.readObject();
                long expiresIn = json.getJsonNumber("expires_in") == null ? 300 : json.getJsonNumber("expires_in").longValue();
                return new Token(json.getString("access_token"),
                        Instant.now().plusSeconds(expiresIn).minus(EARLY_RENEWAL));
            }
        } catch (IOException e) {
            throw new AgencyCredentialsException("Cannot get a token for " + agencyId + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgencyCredentialsException("Interrupted while getting a token for " + agencyId, e);
        }
    }

    /**
     * The token endpoint is the agency's too: over https it gets the agency's truststore and client
     * certificate, TLS 1.3/1.2 only; the JDK client verifies the host name itself.
     */
    private HttpClient client(String agencyId, String tokenUrl) {
        boolean https = tokenUrl.regionMatches(true, 0, "https:", 0, 6);
        return clients.computeIfAbsent(agencyId + (https ? " tls" : ""), k -> {
            HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
            if (https) {
                builder.sslContext(tls.sslContext(agencyId))
                        .sslParameters(new SSLParameters(null, AgencyTlsSettings.PROTOCOLS.toArray(String[]::new)));
            }
            return builder.build();
        });
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
