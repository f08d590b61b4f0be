package vn.lienthong.gateway.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.json.JsonArray;
import jakarta.json.JsonValue;

/** One simulated agency: how it finds the request id, what it does, and how its faults look. */
interface AgencySimulator {

    String id();

    /**
     * Reads the request body into what {@link #act} works on: the text itself for small JSON and
     * SOAP bodies; an agency taking large uploads reads them streaming and hands on what it found.
     */
    default String read(InputStream body, String contentType) throws IOException {
        return new String(body.readAllBytes(), StandardCharsets.UTF_8);
    }

    /** A refusal of what was read, before it is acted on (no effect, not de-duplicated); null to go on. */
    default SandboxReply refusal(String body) {
        return null;
    }

    /** What the agency keeps of its last requests for {@code GET _received}; empty for most. */
    default JsonArray received() {
        return JsonValue.EMPTY_JSON_ARRAY;
    }

    /** Forgets what {@link #received} lists. */
    default void reset() {
    }

    /** The request id the agency de-duplicates on, or null when the request has none. */
    String requestId(String requestIdHeader, String body);

    SandboxReply act(String path, String body, String requestId);

    /** The reply for an injected fault that stops the request before it is acted on. */
    default SandboxReply fault(String kind) {
        return switch (kind) {
            case "400" -> new SandboxReply(400, "application/json", "{\"error\":\"invalid request (simulated)\"}");
            case "500" -> new SandboxReply(500, "application/json", "{\"error\":\"internal error (simulated)\"}");
            case "502" -> new SandboxReply(502, "text/plain", "Bad gateway (simulated)");
            default -> new SandboxReply(503, "text/plain", "Service unavailable (simulated)");
        };
    }

    /** For asynchronous agencies: the callback body sent after acting; null for synchronous ones. */
    default String callbackBody(String requestId) {
        return null;
    }

    default SandboxReply malformed() {
        return new SandboxReply(200, "application/json", "{\"registrationNumber\": \"KS-00");
    }
}
