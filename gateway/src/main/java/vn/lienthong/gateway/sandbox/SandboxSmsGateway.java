package vn.lienthong.gateway.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/**
 * The simulated SMS gateway behind {@code /sandbox/sms/}: records every SMS it accepts, once per
 * X-Request-Id (a retry of an accepted request is answered with the first answer and not sent
 * again), and misbehaves on request: the next {@code failNext} requests get {@code kind}
 * (503, 500, 400, or lost-reply: accepted, then answered 503), every request within
 * {@code unavailableForMs} of the plan gets 503, and a share {@code errorRate} of the rest gets
 * {@code kind}, chosen by hashing the request id and arrival so a run repeats exactly.
 */
@ApplicationScoped
public class SandboxSmsGateway {

    /** One answer of the simulated API. */
    record Reply(int status, JsonObject body) {
    }

    /** How it misbehaves. */
    record Faults(String kind, int failNext, long unavailableForMs, double errorRate) {

        static final Faults NONE = new Faults("503", 0, 0, 0);

        static Faults from(JsonObject json, Faults base) {
            return new Faults(json.getString("kind", base.kind()), json.getInt("failNext", base.failNext()),
                    json.containsKey("unavailableForMs") ? json.getJsonNumber("unavailableForMs").longValue()
                            : base.unavailableForMs(),
                    json.containsKey("errorRate") ? json.getJsonNumber("errorRate").doubleValue() : base.errorRate());
        }

        JsonObject toJson() {
            return Json.createObjectBuilder().add("kind", kind).add("failNext", failNext)
                    .add("unavailableForMs", unavailableForMs).add("errorRate", errorRate).build();
        }
    }

    @Inject
    Clock clock;

    private final Map<String, JsonObject> accepted = new LinkedHashMap<>();
    private final List<JsonObject> sent = new ArrayList<>();
    private Faults faults = Faults.NONE;
    private Instant unavailableUntil = Instant.MIN;
    private long arrivals;
    private long duplicates;
    private long faulted;

    synchronized Reply receive(String requestId, JsonObject request) {
        long arrival = ++arrivals;
        String fault = faultFor(requestId, arrival);
        if (fault != null && !fault.equals("lost-reply")) {
            faulted++;
            return error(Integer.parseInt(fault), "Simulated SMS gateway fault " + fault);
        }
        if (requestId == null || requestId.isBlank()) {
            return error(400, "X-Request-Id is required");
        }
        String to = request.getString("to", "");
        String text = request.getString("text", "");
        if (!to.matches("(\\+84|0)\\d{9,10}") || text.isBlank()) {
            return error(400, "'to' must be a Vietnamese phone number and 'text' must not be empty");
        }
        JsonObject first = accepted.get(requestId);
        if (first != null) {
            duplicates++;
        } else {
            first = Json.createObjectBuilder().add("messageId", "sms-" + (accepted.size() + 1))
                    .add("status", "ACCEPTED").add("segments", segments(text)).build();
            accepted.put(requestId, first);
            sent.add(Json.createObjectBuilder().add("requestId", requestId).add("to", to)
                    .add("from", request.getString("from", "")).add("text", text)
                    .add("messageId", first.getString("messageId")).add("at", clock.instant().toString()).build());
        }
        if ("lost-reply".equals(fault)) {
            faulted++;
            return error(503, "Simulated lost reply: the SMS was accepted");
        }
        return new Reply(200, first);
    }

    synchronized JsonObject sent(String to) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        sent.stream().filter(m -> to == null || to.equals(m.getString("to"))).forEach(list::add);
        return Json.createObjectBuilder().add("sent", list).build();
    }

    synchronized JsonObject stats() {
        return Json.createObjectBuilder().add("arrivals", arrivals).add("sent", sent.size())
                .add("duplicates", duplicates).add("faulted", faulted).add("faults", faults.toJson()).build();
    }

    synchronized JsonObject plan(JsonObject json) {
        faults = Faults.from(json, faults);
        unavailableUntil = faults.unavailableForMs() > 0 ? clock.instant().plusMillis(faults.unavailableForMs())
                : Instant.MIN;
        return faults.toJson();
    }

    synchronized JsonObject faults() {
        return faults.toJson();
    }

    synchronized void reset() {
        accepted.clear();
        sent.clear();
        faults = Faults.NONE;
        unavailableUntil = Instant.MIN;
        arrivals = 0;
        duplicates = 0;
        faulted = 0;
    }

    private String faultFor(String requestId, long arrival) {
        if (clock.instant().isBefore(unavailableUntil)) {
            return "503";
        }
        if (faults.failNext() > 0) {
            faults = new Faults(faults.kind(), faults.failNext() - 1, faults.unavailableForMs(), faults.errorRate());
            return faults.kind();
        }
        if (faults.errorRate() > 0) {
            int h = ((requestId == null ? "" : requestId) + "#" + arrival).hashCode() & 0x7fffffff;
            if ((h % 10_000) / 10_000.0 < faults.errorRate()) {
                return faults.kind();
            }
        }
        return null;
    }

    private static int segments(String text) {
        return text.length() <= 160 ? 1 : (text.length() + 152) / 153;
    }

    private static Reply error(int status, String message) {
        return new Reply(status, Json.createObjectBuilder().add("error", message).build());
    }
}
