package vn.lienthong.gateway.routes;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;

import vn.lienthong.gateway.domain.exchange.AgencyResult;

/**
 * Residence registration (cư trú, commune police): REST/JSON, asynchronous. The request is
 * accepted with a ticket; the result comes later to {@code POST /api/v1/callbacks/residence}.
 */
@ApplicationScoped
@Named("residence")
public class ResidenceMessages implements AgencyMapper {

    @Override
    public String request(Exchange exchange) {
        return AgencyHttp.jsonRequest(exchange);
    }

    @Override
    public AgencyResult reply(Exchange exchange) {
        return AgencyHttp.ticket(exchange, "Residence");
    }
}
