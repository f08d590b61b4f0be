package vn.lienthong.gateway.routes;

import java.io.StringReader;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.apache.camel.Exchange;

import vn.lienthong.gateway.domain.exchange.AgencyMessage;
import vn.lienthong.gateway.domain.exchange.AgencyResult;

/**
 * Residence registration (cư trú, commune police): REST/JSON, asynchronous. The request is
 * accepted with a ticket; the result comes later to {@code POST /api/v1/callbacks/residence}.
 */
@ApplicationScoped
public class ResidenceMessages {

    public String request(Exchange exchange) {
        AgencyMessage m = exchange.getProperty(DeliveryOutcomes.MESSAGE, AgencyMessage.class);
        AgencyHttp.prepare(exchange, m, "application/json; charset=utf-8");
        return Json.createObjectBuilder(Json.createReader(new StringReader(m.payload())).readObject())
                .add("requestId", m.messageId())
                .add("kind", m.operation())
                .build().toString();
    }

    public AgencyResult reply(Exchange exchange) {
        AgencyFailures.requireSuccess(exchange, "Residence");
        JsonObject json = CivilStatusMessages.parse(exchange.getMessage().getBody(String.class), "residence");
        String ticket = json.getString("ticket", "");
        if (ticket.isBlank()) {
            throw new PermanentAgencyException("Malformed residence reply: no ticket in "
                    + AgencyFailures.excerpt(json.toString()), null);
        }
        return AgencyResult.accepted(ticket);
    }
}
