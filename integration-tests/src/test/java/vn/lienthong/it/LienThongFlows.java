package vn.lienthong.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;

/**
 * The desk and the sandbox agencies of one running gateway, as the liên thông flow ITs drive them
 * ({@link LienThongFlowsIT}, {@link LienThongFlowKillIT}): the two groups' intake bodies, an
 * officer submitting and watching a dossier, the sandbox's reset, faults and counts.
 */
final class LienThongFlows {

    static final String COMMUNE = "000.20.20.H30";
    static final List<String> AGENCIES = List.of("civil-status", "residence", "social-insurance");
    private static final String BIRTH = "3.000722";
    private static final String DEATH = "2.002913";

    private final RunnableJar gateway;

    LienThongFlows(RunnableJar gateway) {
        this.gateway = gateway;
    }

    /** Intake of 3.000722 (birth, then residence and BHYT) by a parent; the phone ends with the ID's last 5 digits. */
    static String birth(String parentId) {
        return """
                {"procedureCode": "%s", "agencyCode": "%s", "channel": "COUNTER",
                 "applicant": {"fullName": "Trần Thị Hồng", "citizenId": "%s", "phone": "09123%s",
                               "notify": {"sms": true}},
                 "formData": {"child": {"fullName": "Lê Minh Khôi", "birthDate": "2026-11-10", "sex": "Nam",
                              "birthPlace": "Bệnh viện Phụ sản Hà Nội"},
                              "mother": {"fullName": "Trần Thị Hồng"}, "father": {"fullName": "Lê Văn Đức"}}}
                """.formatted(BIRTH, COMMUNE, parentId, parentId.substring(parentId.length() - 5));
    }

    /** Intake of 2.002913 (death, residence removal, survivor benefits) by a relative. */
    static String death(String relativeId) {
        return """
                {"procedureCode": "%s", "agencyCode": "%s", "channel": "COUNTER",
                 "applicant": {"fullName": "Phạm Văn Bình", "citizenId": "%s", "phone": "09876%s",
                               "notify": {"sms": true}},
                 "formData": {"deceased": {"fullName": "Phạm Văn Sơn", "deathDate": "2026-11-15",
                              "deathPlace": "Trạm y tế phường"}, "relationship": "con"}}
                """.formatted(DEATH, COMMUNE, relativeId, relativeId.substring(relativeId.length() - 5));
    }

    static String submit(GatewayHttp desk, String body) {
        GatewayHttp.Reply reply = desk.post("api/v1/dossiers", body);
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().getString("code");
    }

    /** The dossier's agency steps by operation. */
    static Map<String, JsonObject> steps(JsonObject dossier) {
        return dossier.getJsonArray("exchanges").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(e -> e.getString("operation"), e -> e));
    }

    static List<JsonObject> history(GatewayHttp http, String code) {
        return http.get("api/v1/dossiers/" + code + "/history").json().getJsonArray("steps").getValuesAs(JsonObject.class);
    }

    static JsonObject awaitStatus(GatewayHttp http, String code, String status, int seconds) {
        return await().atMost(Duration.ofSeconds(seconds)).pollInterval(Duration.ofMillis(250))
                .until(() -> http.get("api/v1/dossiers/" + code).json(), d -> status.equals(d.getString("status")));
    }

    GatewayHttp officer() {
        return gateway.http().as(gateway.tokens().token(DemoTokens.DESK_OFFICER, COMMUNE));
    }

    /** Forgets what the sandbox agencies counted, their faults and the callbacks they owe. */
    void resetSandbox() {
        for (String agency : AGENCIES) {
            assertEquals(200, gateway.http().post("sandbox/" + agency + "/_reset", "").status());
        }
    }

    void sandboxFaults(String agency, String faults) {
        GatewayHttp.Reply set = gateway.http().put("sandbox/" + agency + "/_faults", faults);
        assertEquals(200, set.status(), set::toString);
    }

    /** What the sandbox agency received and acted on since its last reset. */
    JsonObject stats(String agency) {
        return gateway.http().get("sandbox/" + agency + "/_stats").json();
    }
}
