package vn.lienthong.gateway.routes;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpHeaderFilterStrategy;
import org.apache.camel.spi.HeaderFilterStrategy;

import vn.lienthong.gateway.domain.exchange.AgencyMessage;
import vn.lienthong.gateway.domain.exchange.Outbox;
import vn.lienthong.gateway.domain.messagelog.LoggedMessage;
import vn.lienthong.gateway.domain.messagelog.MessageKind;
import vn.lienthong.gateway.domain.messagelog.MessageLog;

/**
 * Where the routes write the message log: inline, in the exchange's own thread, right before the
 * call to the agency and right after its answer (before the answer is parsed, so a malformed
 * reply is kept too), and as the first step of a callback. Inline rather than a wire tap: the
 * step returns only once the record is committed, so a crash can never leave a message sent or
 * acted upon without its record, and a failure to record fails the step as transient (the outbox
 * retries it) instead of losing the record. Bodies go to the database only, never to a log line.
 */
@ApplicationScoped
public class MessageLogSteps {

    /**
     * Exchange property with the text to record for a request whose body is a stream (the land
     * registry's multipart entity of scans, up to 100 MB): its metadata part, which names each
     * attachment by SHA-256, so the chain pins the scans without holding them.
     */
    public static final String RECORDED_BODY = "lienthongRecordedBody";
    /** Camel header carrying the callback's HTTP headers, set by {@link AgencyCallbacks#dispatch}. */
    public static final String CALLBACK_HEADERS = "lienthongCallbackHeaders";
    /** Credentials are not evidence and must not sit in the database: their values are replaced. */
    private static final Set<String> SECRETS = Set.of("authorization", "proxy-authorization", "cookie", "set-cookie",
            "x-api-key");

    @Inject
    MessageLog log;

    @Inject
    Outbox outbox;

    /** The camel-http component's own filter, so the record lists the headers it puts on the wire. */
    private final HeaderFilterStrategy wire = new HttpHeaderFilterStrategy();

    /** Before the call: the request as it is about to be sent. */
    public void request(Exchange exchange) {
        AgencyMessage m = exchange.getProperty(DeliveryOutcomes.MESSAGE, AgencyMessage.class);
        Map<String, String> headers = new TreeMap<>();
        exchange.getMessage().getHeaders().forEach((name, value) -> {
            if (value != null && !wire.applyFilterToCamelHeaders(name, value, exchange)) {
                headers.put(name, redact(name, value.toString()));
            }
        });
        // camel-http sends the content type with the entity rather than as a header; it is still on the wire.
        Optional.ofNullable(exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class))
                .ifPresent(type -> headers.put("content-type", type));
        log.append(LoggedMessage.of(MessageKind.REQUEST, m.agencyId(), m.messageId(), m.dossierCode().value(), null,
                headers, requestText(exchange)));
    }

    /** After the call: the agency's answer, whatever it is. */
    public void response(Exchange exchange) {
        AgencyMessage m = exchange.getProperty(DeliveryOutcomes.MESSAGE, AgencyMessage.class);
        // The reply may be a stream that reads once: keep the text as the body for the reply parser.
        String body = exchange.getMessage().getBody(String.class);
        exchange.getMessage().setBody(body);
        Map<String, String> headers = new TreeMap<>();
        exchange.getMessage().getHeaders().forEach((name, value) -> {
            if (value != null && !name.regionMatches(true, 0, "Camel", 0, 5)) {
                headers.put(name, redact(name, value.toString()));
            }
        });
        log.append(LoggedMessage.of(MessageKind.RESPONSE, m.agencyId(), m.messageId(), m.dossierCode().value(),
                exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class), headers, body));
    }

    /** A callback as received (after its signature was checked), before de-duplication: repeats are evidence too. */
    public void callback(Exchange exchange) {
        String agency = exchange.getMessage().getHeader("agency", String.class);
        String ticket = exchange.getMessage().getHeader("ticket", String.class);
        Map<String, String> headers = new TreeMap<>();
        Object received = exchange.getMessage().getHeader(CALLBACK_HEADERS);
        if (received instanceof Map<?, ?> map) {
            map.forEach((name, value) -> {
                if (name != null && value != null) {
                    headers.put(name.toString(), redact(name.toString(), value.toString()));
                }
            });
        }
        // The request the callback answers, for the message id and dossier; an unknown ticket is logged all the same.
        Optional<AgencyMessage> request = agency == null || ticket == null ? Optional.empty()
                : outbox.findByTicket(agency, ticket);
        log.append(LoggedMessage.of(MessageKind.CALLBACK, agency, request.map(AgencyMessage::messageId).orElse(null),
                request.map(r -> r.dossierCode().value()).orElse(null), null, headers,
                exchange.getMessage().getBody(String.class)));
    }

    /** A text body as is; a streamed one never read here (it would be consumed), but described by the adapter. */
    private static String requestText(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body == null || body instanceof String) {
            return (String) body;
        }
        String described = exchange.getProperty(RECORDED_BODY, String.class);
        return described != null ? described : "[" + body.getClass().getSimpleName() + " body, streamed, not recorded]";
    }

    private static String redact(String name, String value) {
        if (!SECRETS.contains(name.toLowerCase(Locale.ROOT))) {
            return value;
        }
        int space = value.indexOf(' ');
        return (space > 0 ? value.substring(0, space + 1) : "") + "[redacted]";
    }
}
