package vn.lienthong.gateway.routes;

import org.apache.camel.Exchange;

import vn.lienthong.gateway.domain.exchange.AgencyMessage;

/** The HTTP headers every outbound request carries; nothing from earlier steps leaks out. */
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
}
