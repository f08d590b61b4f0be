package vn.lienthong.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tamper-evident message log on the runnable jar with the sandbox agencies: a BHYT dossier
 * (social insurance, SOAP) and a birth group (residence answers by callback) leave requests,
 * responses and callbacks in a chain that verifies; one character changed in a record's body,
 * directly in the H2 file while the gateway is stopped, makes verify fail and name that record.
 */
class MessageLogIT {

    private static final String AGENCY = "000.00.00.H30";
    private static Path work;
    private static Path data;
    private static RunnableJar gateway;

    @BeforeAll
    static void start() {
        work = Path.of(System.getProperty("it.data.dir", "target/it-data")).resolve("message-log");
        data = work.resolve("data");
        gateway = RunnableJar.start(data, work);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void verifyHoldsAndThenNamesTheRecordChangedInTheDatabase() throws SQLException {
        GatewayHttp desk = gateway.http().as(gateway.tokens().token(DemoTokens.DESK_OFFICER, AGENCY));
        String bhyt = submit(desk, "1.000240", "001190012345");
        String birth = submit(desk, "3.000722", "001190012346");
        awaitStatus(desk, bhyt, "COMPLETED");
        awaitStatus(desk, birth, "COMPLETED");

        JsonObject verified = admin().get("api/v1/admin/message-log/verify").json();
        assertTrue(verified.getBoolean("ok"), verified::toString);
        assertTrue(verified.getJsonNumber("records").longValue() >= 2, verified::toString);
        assertTrue(Files.isRegularFile(data.resolve("keys/message-log-DEMO.p12")), "the DEMO signing key was created");

        List<JsonObject> bhytRecords = records("api/v1/admin/message-log?dossier=" + bhyt + "&agency=social-insurance");
        assertEquals(List.of("RESPONSE", "REQUEST"), bhytRecords.stream().map(r -> r.getString("kind")).toList(),
                bhytRecords::toString);
        JsonObject request = bhytRecords.get(1);
        assertTrue(request.getString("body").contains("<vss:MaHoSo>" + bhyt + "</vss:MaHoSo>"), request::toString);
        assertEquals(request.getString("messageId"), request.getJsonObject("headers").getString("x-request-id"));
        assertEquals(200, bhytRecords.get(0).getInt("httpStatus"));
        List<String> birthKinds = records("api/v1/admin/message-log?dossier=" + birth).stream()
                .map(r -> r.getString("agency") + " " + r.getString("kind")).toList();
        assertTrue(birthKinds.contains("residence CALLBACK"), birthKinds::toString);

        long target = request.getJsonNumber("id").longValue();
        gateway.stop(); // SIGTERM; H2 lets go of the file
        changeOneCharacterOfTheBody(target);
        gateway = RunnableJar.start(data, work);

        JsonObject tampered = admin().get("api/v1/admin/message-log/verify").json();
        assertFalse(tampered.getBoolean("ok"), tampered::toString);
        assertEquals(target, tampered.getJsonObject("firstBadRecord").getJsonNumber("id").longValue(), tampered::toString);
    }

    private static GatewayHttp admin() {
        return gateway.http().as(gateway.tokens().token(DemoTokens.ADMIN, AGENCY));
    }

    private static String submit(GatewayHttp desk, String procedure, String citizenId) {
        GatewayHttp.Reply created = desk.post("api/v1/dossiers", GatewayHttp.submission(procedure, AGENCY, citizenId));
        assertEquals(201, created.status(), created::toString);
        return created.json().getString("code");
    }

    private static List<JsonObject> records(String path) {
        GatewayHttp.Reply page = admin().get(path);
        assertEquals(200, page.status(), page::toString);
        return page.json().getJsonArray("records").getValuesAs(JsonObject.class);
    }

    private static void awaitStatus(GatewayHttp http, String code, String status) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("api/v1/dossiers/" + code).json(), d -> status.equals(d.getString("status")));
    }

    /** What someone with the database file could do: the applicant's name in the SOAP request, one letter off. */
    private static void changeOneCharacterOfTheBody(long id) throws SQLException {
        String url = "jdbc:h2:file:" + data.toAbsolutePath() + "/db/lienthong";
        try (Connection c = DriverManager.getConnection(url, "lienthong", "lienthong")) {
            String body;
            try (PreparedStatement read = c.prepareStatement("SELECT body FROM message_log WHERE id = ?")) {
                read.setLong(1, id);
                try (ResultSet rs = read.executeQuery()) {
                    assertTrue(rs.next(), "record " + id + " is stored");
                    body = rs.getString(1);
                }
            }
            int at = body.indexOf("Diệu");
            assertTrue(at > 0, body);
            String changed = body.substring(0, at) + "Dieu" + body.substring(at + 4);
            try (PreparedStatement update = c.prepareStatement("UPDATE message_log SET body = ? WHERE id = ?")) {
                update.setString(1, changed);
                update.setLong(2, id);
                assertEquals(1, update.executeUpdate());
            }
        }
    }
}
