package vn.lienthong.gateway.routes;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

import org.apache.camel.Exchange;

import vn.lienthong.gateway.domain.exchange.AgencyResult;

/**
 * Residence registration (cư trú, commune police): REST/JSON, asynchronous. The request is
 * accepted with a ticket; the result comes later to {@code POST /api/v1/callbacks/residence}.
 */
@ApplicationScoped
public class ResidenceMessages {

    public String request(Exchange exchange) {
        return AgencyHttp.jsonRequest(exchange);
    }

    public AgencyResult reply(Exchange exchange) {
        AgencyFailures.requireSuccess(exchange, "Residence");
        JsonObject json = AgencyHttp.parseReply(exchange.getMessage().getBody(String.class), "residence");
        String ticket = json.getString("ticket", "");
        if (ticket.isBlank()) {
            throw new PermanentAgencyException("Malformed residence reply: no ticket in "
                    + AgencyFailures.excerpt(json.toString()), null);
        }
        return AgencyResult.accepted(ticket);
    }
}
