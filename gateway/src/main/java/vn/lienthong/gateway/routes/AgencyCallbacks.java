package vn.lienthong.gateway.routes;

import java.io.StringReader;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

import vn.lienthong.gateway.application.AgencyExchanges;
import vn.lienthong.gateway.infrastructure.camel.CamelRuntime;

/** Applies a callback body {@code {ticket, outcome: DONE|REJECTED, result, reason}} to its request. */
@ApplicationScoped
public class AgencyCallbacks {

    @Inject
    AgencyExchanges exchanges;

    @Inject
    CamelRuntime camel;

    private volatile ProducerTemplate template;

    /** Runs a callback through the de-duplicating callback route; answers "applied" or "duplicate". */
    public String dispatch(String agency, String ticket, String body) {
        ProducerTemplate t = template;
        if (t == null) {
            t = camel.context().createProducerTemplate();
            template = t;
        }
        return t.requestBodyAndHeaders(CallbackRoute.ENDPOINT, body, Map.of("agency", agency, "ticket", ticket),
                String.class);
    }

    public String apply(Exchange exchange) {
        String agency = exchange.getMessage().getHeader("agency", String.class);
        String ticket = exchange.getMessage().getHeader("ticket", String.class);
        JsonObject body = Json.createReader(new StringReader(exchange.getMessage().getBody(String.class))).readObject();
        boolean success = !"REJECTED".equals(body.getString("outcome", "DONE"));
        JsonObject result = body.containsKey("result") ? body.getJsonObject("result") : Json.createObjectBuilder().build();
        String summary = success ? body.getString("summary", "Kết quả: " + result)
                : body.getString("reason", "không nêu lý do");
        exchanges.callback(agency, ticket, success, result.toString(), summary);
        return "applied";
    }
}
