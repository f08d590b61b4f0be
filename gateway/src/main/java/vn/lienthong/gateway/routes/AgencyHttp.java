package vn.lienthong.gateway.routes;

import java.io.StringReader;
import java.util.Locale;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.apache.camel.Exchange;

import vn.lienthong.gateway.domain.exchange.AgencyMessage;
import vn.lienthong.gateway.domain.exchange.AgencyResult;

/** What every outbound agency request shares: the headers (nothing from earlier steps leaks out), and JSON bodies. */
final class AgencyHttp {

    static final String REQUEST_ID = "X-Request-Id";

    private AgencyHttp() {
    }

    static void prepare(Exchange exchange, AgencyMessage m, String contentType) {
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, contentType);
        exchange.getMessage().setHeader(REQUEST_ID, m.messageId());
        exchange.getMessage().setHeader("X-Dossier-Code", m.dossierCode().value());
    }

    /** The JSON body of a REST agency request: the message's payload with its request id and kind. */
    static String jsonRequest(Exchange exchange) {
        AgencyMessage m = exchange.getProperty(DeliveryOutcomes.MESSAGE, AgencyMessage.class);
        prepare(exchange, m, "application/json; charset=utf-8");
        return Json.createObjectBuilder(Json.createReader(new StringReader(m.payload())).readObject())
                .add("requestId", m.messageId())
                .add("kind", m.operation())
                .build().toString();
    }

    /**
     * A REST agency's successful answer as a JSON object: another status fails as
     * {@link AgencyFailures#requireSuccess} says, any other body permanently. {@code agency} names it
     * in those messages ("Civil status").
     */
    static JsonObject jsonReply(Exchange exchange, String agency) {
        AgencyFailures.requireSuccess(exchange, agency);
        return parseReply(exchange.getMessage().getBody(String.class), agency.toLowerCase(Locale.ROOT));
    }

    /** An asynchronous REST agency's answer: accepted with its {@code ticket}; the result comes by callback. */
    static AgencyResult ticket(Exchange exchange, String agency) {
        JsonObject json = jsonReply(exchange, agency);
        return AgencyResult.accepted(required(json, "ticket", agency));
    }

    /** A text field the agency's answer must have; without it the answer is malformed (permanent). */
    static String required(JsonObject json, String field, String agency) {
        String value = json.getString(field, "");
        if (value.isBlank()) {
            throw new PermanentAgencyException("Malformed " + agency.toLowerCase(Locale.ROOT) + " reply: no " + field
                    + " in " + AgencyFailures.excerpt(json.toString()), null);
        }
        return value;
    }

    /** A REST agency's reply as a JSON object; anything else is a permanent failure. */
    static JsonObject parseReply(String body, String agency) {
        try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new PermanentAgencyException("Malformed " + agency + " reply (not a JSON object): "
                    + AgencyFailures.excerpt(body), e);
        }
    }
}
