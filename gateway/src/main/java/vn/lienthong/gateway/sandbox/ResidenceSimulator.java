package vn.lienthong.gateway.sandbox;

import jakarta.json.Json;

/** The commune police's residence registry: accepts with a ticket, answers later by callback. */
final class ResidenceSimulator implements AgencySimulator {

    @Override
    public String id() {
        return "residence";
    }

    @Override
    public String requestId(String header, String body) {
        return header;
    }

    @Override
    public SandboxReply act(String path, String body, String requestId) {
        return new SandboxReply(202, "application/json",
                Json.createObjectBuilder().add("ticket", ticket(requestId)).add("status", "ACCEPTED").build().toString());
    }

    @Override
    public String callbackBody(String requestId) {
        return Json.createObjectBuilder()
                .add("ticket", ticket(requestId))
                .add("outcome", "DONE")
                .add("result", Json.createObjectBuilder()
                        .add("residenceRecord", "TT-" + SandboxNumbers.digits("ct:" + requestId, 9))
                        .add("registered", true))
                .add("summary", "Cư trú: đã cập nhật, số hồ sơ cư trú TT-" + SandboxNumbers.digits("ct:" + requestId, 9))
                .build().toString();
    }

    static String ticket(String requestId) {
        return "CT-" + SandboxNumbers.digits("ticket:" + requestId, 10);
    }
}
