package vn.lienthong.it;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/** A small HTTP client for the gateway's JSON API, as a desk system would call it. */
final class GatewayHttp {

    /** One answer. */
    record Reply(int status, String contentType, String body, HttpHeaders headers) {

        JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        JsonArray jsonArray() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readArray();
            }
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI base;
    private final String token;

    /**
     * Arquillian reports the server under the machine's host address; the test servers listen on
     * loopback only, so the host is replaced by 127.0.0.1.
     */
    GatewayHttp(URI base) {
        this(base, null);
    }

    private GatewayHttp(URI base, String token) {
        String path = base.getPath().endsWith("/") ? base.getPath() : base.getPath() + "/";
        this.base = URI.create("http://127.0.0.1:" + base.getPort() + path);
        this.token = token;
    }

    /** The same gateway, called with this bearer token (null: anonymously). */
    GatewayHttp as(String bearerToken) {
        return new GatewayHttp(base, bearerToken);
    }

    /** The server's root, where Payara serves /health, /metrics and /openapi whatever the context root. */
    GatewayHttp serverRoot() {
        return new GatewayHttp(URI.create("http://127.0.0.1:" + base.getPort() + "/"), token);
    }

    Reply put(String path, String json) {
        return send(HttpRequest.newBuilder(resolve(path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply delete(String path) {
        return send(HttpRequest.newBuilder(resolve(path)).DELETE());
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(resolve(path)).GET());
    }

    Reply post(String path, String json) {
        return send(HttpRequest.newBuilder(resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * Posts a large body as desk systems and curl do: "Expect: 100-continue" first, so a server
     * that refuses the body by its Content-Length answers before the body is sent.
     */
    Reply postLarge(String path, byte[] body) {
        return send(HttpRequest.newBuilder(resolve(path))
                .header("Content-Type", "application/json")
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    URI resolve(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    Reply send(HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> r = client.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling the gateway", e);
        }
    }

    /** The contract's example body, for a given procedure and agency. */
    static String submission(String procedureCode, String agencyCode, String citizenId) {
        return """
                {"procedureCode": "%s", "agencyCode": "%s",
                 "applicant": {"fullName": "Nguyễn Thị Diệu", "citizenId": "%s", "phone": "0912345678", "email": "dieu@example.vn"},
                 "formData": {"tenTre": "Nguyễn Văn An", "ngaySinh": "2026-11-01"}, "channel": "COUNTER"}
                """.formatted(procedureCode, agencyCode, citizenId);
    }
}
