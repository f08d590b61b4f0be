package vn.lienthong.gateway.sandbox;

/** One simulated agency: how it finds the request id, what it does, and how its faults look. */
interface AgencySimulator {

    String id();

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
