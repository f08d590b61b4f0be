package vn.lienthong.gateway.routes;

import java.io.StringReader;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

import vn.lienthong.gateway.application.AgencyDeliveries;
import vn.lienthong.gateway.application.CallbackIntake;
import vn.lienthong.gateway.infrastructure.camel.CamelRuntime;

/** Applies a callback body {@code {ticket, outcome: DONE|REJECTED, result, reason}} to its request. */
@ApplicationScoped
public class AgencyCallbacks implements CallbackIntake {

    @Inject
    AgencyDeliveries deliveries;

    @Inject
    CamelRuntime camel;

    /** The HTTP request being served, whose headers go into the message log with the callback. */
    @Inject
    Instance<HttpServletRequest> httpRequest;

    private volatile ProducerTemplate template;

    /** Runs a callback through the de-duplicating callback route; answers "applied" or "duplicate". */
    @Override
    public String dispatch(String agency, String ticket, String body) {
        ProducerTemplate t = template;
        if (t == null) {
            t = camel.context().createProducerTemplate();
            template = t;
        }
        try {
            return t.requestBodyAndHeaders(CallbackRoute.ENDPOINT, body, Map.of("agency", agency, "ticket", ticket,
                    MessageLogSteps.CALLBACK_HEADERS, receivedHeaders()), String.class);
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause; // an unknown ticket (404) or a late result (409), as the interfaces answer them
            }
            throw e;
        }
    }

    /** The callback's HTTP headers as received; none when it did not arrive over HTTP. */
    private Map<String, String> receivedHeaders() {
        Map<String, String> headers = new TreeMap<>();
        try {
            HttpServletRequest request = httpRequest.get();
            for (String name : Collections.list(request.getHeaderNames())) {
                headers.put(name, String.join(", ", Collections.list(request.getHeaders(name))));
            }
        } catch (ContextNotActiveException | IllegalStateException noRequest) {
            // dispatched from elsewhere than an HTTP request: the record has the body only
        }
        return headers;
    }

    public String apply(Exchange exchange) {
        String agency = exchange.getMessage().getHeader("agency", String.class);
        String ticket = exchange.getMessage().getHeader("ticket", String.class);
        JsonObject body = Json.createReader(new StringReader(exchange.getMessage().getBody(String.class))).readObject();
        boolean success = !"REJECTED".equals(body.getString("outcome", "DONE"));
        JsonObject result = body.containsKey("result") ? body.getJsonObject("result") : Json.createObjectBuilder().build();
        String summary = success ? body.getString("summary", "Kết quả: " + result)
                : body.getString("reason", "không nêu lý do");
        deliveries.callback(agency, ticket, success, result.toString(), summary);
        return "applied";
    }
}
