package vn.lienthong.gateway.sandbox;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** The civil status registry: registers a birth or death at once and numbers it. */
final class CivilStatusSimulator implements AgencySimulator {

    @Override
    public String id() {
        return "civil-status";
    }

    @Override
    public String requestId(String header, String body) {
        return header;
    }

    @Override
    public SandboxReply act(String path, String body, String requestId) {
        JsonObject request;
        try {
            request = Json.createReader(new StringReader(body)).readObject();
        } catch (RuntimeException e) {
            return new SandboxReply(400, "application/json", "{\"error\":\"body is not a JSON object\"}");
        }
        String kind = request.getString("kind", "BIRTH_REGISTRATION");
        String prefix = kind.startsWith("DEATH") ? "KT" : "KS";
        JsonObject reply = Json.createObjectBuilder()
                .add("requestId", requestId)
                .add("kind", kind)
                .add("registrationNumber", prefix + "-" + SandboxNumbers.digits("reg:" + requestId, 8))
                .add("personalId", "0" + SandboxNumbers.digits("pin:" + requestId, 11))
                .build();
        return new SandboxReply(201, "application/json", reply.toString());
    }
}
