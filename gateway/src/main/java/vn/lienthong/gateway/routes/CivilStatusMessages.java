package vn.lienthong.gateway.routes;

import java.io.StringReader;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.apache.camel.Exchange;

import vn.lienthong.gateway.domain.exchange.AgencyMessage;
import vn.lienthong.gateway.domain.exchange.AgencyResult;

/**
 * The electronic civil status service (hộ tịch, Ministry of Justice): a JSON registration request,
 * answered synchronously with the registration number and the 12-digit personal identification number.
 */
@ApplicationScoped
public class CivilStatusMessages {

    public String request(Exchange exchange) {
        AgencyMessage m = exchange.getProperty(DeliveryOutcomes.MESSAGE, AgencyMessage.class);
        AgencyHttp.prepare(exchange, m, "application/json; charset=utf-8");
        return Json.createObjectBuilder(Json.createReader(new StringReader(m.payload())).readObject())
                .add("requestId", m.messageId())
                .add("kind", m.operation())
                .build().toString();
    }

    public AgencyResult reply(Exchange exchange) {
        AgencyFailures.requireSuccess(exchange, "Civil status");
        JsonObject json = parse(exchange.getMessage().getBody(String.class), "civil status");
        String number = json.getString("registrationNumber", "");
        String personalId = json.getString("personalId", "");
        if (number.isBlank() || !personalId.matches("\\d{12}")) {
            throw new PermanentAgencyException("Malformed civil status reply: needs registrationNumber and a "
                    + "12-digit personalId, got " + AgencyFailures.excerpt(json.toString()), null);
        }
        return AgencyResult.done(json.toString(),
                "Hộ tịch: số đăng ký " + number + ", số định danh cá nhân " + personalId);
    }

    static JsonObject parse(String body, String agency) {
        try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new PermanentAgencyException("Malformed " + agency + " reply (not a JSON object): "
                    + AgencyFailures.excerpt(body), e);
        }
    }
}
