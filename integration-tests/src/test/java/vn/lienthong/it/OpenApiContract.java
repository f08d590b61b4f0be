package vn.lienthong.it;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

/**
 * The gateway's published API contract, as a client reads it from {@code GET /openapi} (JSON):
 * its operations, and whether a request a client made (a method and a concrete path such as
 * {@code /api/v1/dossiers/H30.20-261207-0001/history}) is one that the contract lists.
 *
 * <p>Use: {@code OpenApiContract contract = OpenApiContract.fetch(URI.create("http://127.0.0.1:8080/"));}
 * then {@code contract.lists("GET", "/api/v1/public/dossiers/X?phoneLast4=1234")}. A path template's
 * {@code {name}} stands for exactly one non-empty path segment; the query string is ignored.
 */
public final class OpenApiContract {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /**
     * One operation of the contract.
     *
     * @param method       upper case, {@code GET}
     * @param path         the template as the contract writes it, {@code /api/v1/dossiers/{code}}
     * @param operationId  null when the contract gives none
     * @param security     the operation's own {@code security} list; null when it has none (then the
     *                     document's top-level {@code security} applies)
     * @param definition   the operation object itself
     */
    public record Operation(String method, String path, String operationId, JsonArray security, JsonObject definition) {

        /** Whether the operation names {@code scheme} among its security requirements. */
        public boolean requires(String scheme) {
            return security != null && security.stream()
                    .anyMatch(requirement -> requirement.asJsonObject().containsKey(scheme));
        }

        /**
         * Whether the operation is declared open: a {@code security} list of its own that is empty or
         * offers an empty requirement ({@code [{}]}, "no credentials" as one of the alternatives).
         */
        public boolean open() {
            return security != null && (security.isEmpty()
                    || security.stream().anyMatch(requirement -> requirement.asJsonObject().isEmpty()));
        }

        @Override
        public String toString() {
            return method + " " + path + (operationId == null ? "" : " (" + operationId + ")");
        }
    }

    private final String text;
    private final JsonObject document;
    private final List<Operation> operations;
    private final List<String> basePaths;

    private OpenApiContract(String text, JsonObject document) {
        this.text = text;
        this.document = document;
        this.operations = operationsOf(document);
        this.basePaths = basePathsOf(document);
    }

    /**
     * Reads the contract from a running gateway.
     *
     * @param serverRoot the server's root ({@code http://127.0.0.1:PORT/}), where Payara serves {@code /openapi}
     */
    public static OpenApiContract fetch(URI serverRoot) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(serverRoot.resolve("/openapi"))
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build();
        try {
            HttpResponse<String> reply = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (reply.statusCode() != 200) {
                throw new IllegalStateException("GET /openapi answered " + reply.statusCode() + ": " + reply.body());
            }
            return parse(reply.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading /openapi", e);
        }
    }

    /** The contract from its JSON text. */
    public static OpenApiContract parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return new OpenApiContract(json, reader.readObject());
        }
    }

    /** The JSON text as served, e.g. for a validator. */
    public String text() {
        return text;
    }

    /** The whole document. */
    public JsonObject document() {
        return document;
    }

    /** Every operation, in the document's order. */
    public List<Operation> operations() {
        return operations;
    }

    /** The document's top-level {@code security}; null when it has none. */
    public JsonArray globalSecurity() {
        return document.containsKey("security") ? document.getJsonArray("security") : null;
    }

    /**
     * Whether the contract lists this request.
     *
     * @param method any case, {@code get} or {@code GET}
     * @param pathOrUrl a concrete path ({@code /api/v1/dossiers/X}) or a whole URL; its query is ignored
     */
    public boolean lists(String method, String pathOrUrl) {
        return find(method, pathOrUrl).isPresent();
    }

    /** The operation that answers this request, if the contract lists one (same arguments as {@link #lists}). */
    public Optional<Operation> find(String method, String pathOrUrl) {
        String wanted = method.toUpperCase(Locale.ROOT);
        List<String> segments = segments(pathOf(pathOrUrl));
        // A literal segment beats a template ("/dossiers/search" before "/dossiers/{code}").
        Operation best = null;
        int bestLiterals = -1;
        for (Operation operation : operations) {
            if (!operation.method().equals(wanted)) {
                continue;
            }
            for (String base : basePaths) {
                int literals = match(segments(base + operation.path()), segments);
                if (literals > bestLiterals) {
                    best = operation;
                    bestLiterals = literals;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The number of literal segments that matched, or -1 when the template does not match. */
    private static int match(List<String> template, List<String> concrete) {
        if (template.size() != concrete.size()) {
            return -1;
        }
        int literals = 0;
        for (int i = 0; i < template.size(); i++) {
            String t = template.get(i);
            String c = concrete.get(i);
            if (t.startsWith("{") && t.endsWith("}")) {
                if (c.isEmpty()) {
                    return -1;
                }
            } else if (t.equals(c)) {
                literals++;
            } else {
                return -1;
            }
        }
        return literals;
    }

    private static String pathOf(String pathOrUrl) {
        String raw = pathOrUrl.contains("://") ? URI.create(pathOrUrl).getRawPath() : pathOrUrl;
        int query = raw.indexOf('?');
        int fragment = raw.indexOf('#');
        int end = query >= 0 ? query : fragment >= 0 ? fragment : raw.length();
        return raw.substring(0, end);
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            segments.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        // "/a/b/" and "/a/b" are the same resource for this purpose ("/a/b//" is not); the leading "" stays.
        if (segments.size() > 1 && segments.get(segments.size() - 1).isEmpty()) {
            segments.remove(segments.size() - 1);
        }
        return segments;
    }

    private static List<Operation> operationsOf(JsonObject document) {
        List<Operation> operations = new ArrayList<>();
        JsonObject paths = document.getJsonObject("paths");
        if (paths == null) {
            return List.of();
        }
        for (Map.Entry<String, JsonValue> path : paths.entrySet()) {
            for (Map.Entry<String, JsonValue> entry : path.getValue().asJsonObject().entrySet()) {
                if (!METHODS.contains(entry.getKey())) {
                    continue; // "parameters", "summary", "$ref", ...
                }
                JsonObject operation = entry.getValue().asJsonObject();
                operations.add(new Operation(entry.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        operation.containsKey("operationId") ? operation.getString("operationId") : null,
                        operation.containsKey("security") ? operation.getJsonArray("security") : null,
                        operation));
            }
        }
        return List.copyOf(operations);
    }

    /** The path part of each server URL ("" for {@code http://host:port/} or no servers). */
    private static List<String> basePathsOf(JsonObject document) {
        List<String> bases = new ArrayList<>();
        JsonArray servers = document.getJsonArray("servers");
        if (servers != null) {
            for (JsonValue server : servers) {
                // Server variables ({scheme}://...) are not resolved: such a server counts as the root.
                String url = server.asJsonObject().getString("url", "/").replaceAll("\\{[^}]*}", "x");
                String path = url.contains("://") ? URI.create(url).getPath() : url;
                String base = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
                if (!bases.contains(base)) {
                    bases.add(base);
                }
            }
        }
        if (bases.isEmpty()) {
            bases.add("");
        }
        return List.copyOf(bases);
    }
}
