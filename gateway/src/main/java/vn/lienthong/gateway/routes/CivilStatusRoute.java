package vn.lienthong.gateway.routes;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import vn.lienthong.gateway.infrastructure.agency.AgencyAddresses;
import vn.lienthong.gateway.infrastructure.agency.AgencyCredentials;
import vn.lienthong.gateway.infrastructure.agency.AgencyTls;

/** Civil status (hộ tịch): REST/JSON, synchronous. */
@Dependent
public class CivilStatusRoute extends RouteBuilder {

    @Inject
    CivilStatusMessages messages;

    @Inject
    AgencyAddresses addresses;

    @Inject
    AgencyCredentials credentials;

    @Inject
    AgencyTls tls;

    @Inject
    MessageLogSteps messageLog;

    @Override
    public void configure() {
        // Failures go back typed to the caller (AgencyCircuitBreakers); the delivery route's policy decides.
        errorHandler(noErrorHandler());
        from("direct:adapter-civil-status").routeId("adapter-civil-status")
                .setProperty("agencyUrl", method(addresses, "baseUrl('civil-status')"))
                .setProperty("agencyTls", method(tls, "endpointOptions('civil-status', ${exchangeProperty.agencyUrl})"))
                .setBody(method(messages, "request"))
                .setHeader("Authorization", method(credentials, "authorization('civil-status')"))
                .bean(messageLog, "request")
                // copyHeaders=false: the answer's headers are the agency's alone, as the message log records them.
                .toD("${exchangeProperty.agencyUrl}/registrations?throwExceptionOnFailure=false${exchangeProperty.agencyTls}"
                        + "&connectTimeout={{lienthong.agency.civil-status.connect-timeout-ms}}"
                        + "&responseTimeout={{lienthong.agency.civil-status.read-timeout-ms}}"
                        + "&copyHeaders=false").id("call-civil-status")
                .bean(messageLog, "response")
                .setBody(method(messages, "reply"));
    }
}
