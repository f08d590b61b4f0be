package vn.lienthong.gateway.sandbox;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * How a simulated agency misbehaves. {@code failNext} requests get the fault {@code kind}, then
 * a share {@code errorRate} of the rest (chosen by hashing the request id and its arrival count,
 * so a run repeats exactly). Kinds: 503, 500, 502, 400, timeout (acts, then answers after
 * {@code timeoutMs}), malformed (acts, then answers garbage), soap-server, soap-client.
 */
public record SandboxFaults(String kind, int failNext, double errorRate, long latencyMs, long timeoutMs,
                            long callbackDelayMs, boolean duplicateCallbacks) {

    public static SandboxFaults none(long callbackDelayMs) {
        return new SandboxFaults("503", 0, 0, 0, 10_000, callbackDelayMs, false);
    }

    public static SandboxFaults from(JsonObject json, SandboxFaults base) {
        return new SandboxFaults(json.getString("kind", base.kind()),
                json.getInt("failNext", base.failNext()),
                json.containsKey("errorRate") ? json.getJsonNumber("errorRate").doubleValue() : base.errorRate(),
                json.containsKey("latencyMs") ? json.getJsonNumber("latencyMs").longValue() : base.latencyMs(),
                json.containsKey("timeoutMs") ? json.getJsonNumber("timeoutMs").longValue() : base.timeoutMs(),
                json.containsKey("callbackDelayMs") ? json.getJsonNumber("callbackDelayMs").longValue() : base.callbackDelayMs(),
                json.getBoolean("duplicateCallbacks", base.duplicateCallbacks()));
    }

    public SandboxFaults afterOneFailure() {
        return new SandboxFaults(kind, Math.max(0, failNext - 1), errorRate, latencyMs, timeoutMs, callbackDelayMs,
                duplicateCallbacks);
    }

    public JsonObject toJson() {
        return Json.createObjectBuilder().add("kind", kind).add("failNext", failNext).add("errorRate", errorRate)
                .add("latencyMs", latencyMs).add("timeoutMs", timeoutMs).add("callbackDelayMs", callbackDelayMs)
                .add("duplicateCallbacks", duplicateCallbacks).build();
    }
}
