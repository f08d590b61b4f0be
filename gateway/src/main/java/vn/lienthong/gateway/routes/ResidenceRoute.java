package vn.lienthong.gateway.routes;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import vn.lienthong.gateway.infrastructure.agency.AgencyAddresses;
import vn.lienthong.gateway.infrastructure.agency.AgencyCredentials;
import vn.lienthong.gateway.infrastructure.agency.AgencyTls;

/** Residence (cư trú): REST/JSON, asynchronous; the result arrives by callback. */
@Dependent
public class ResidenceRoute extends RouteBuilder {

    @Inject
    ResidenceMessages messages;

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
        from("direct:adapter-residence").routeId("adapter-residence")
                .setProperty("agencyUrl", method(addresses, "baseUrl('residence')"))
                .setProperty("agencyTls", method(tls, "endpointOptions('residence', ${exchangeProperty.agencyUrl})"))
                .setBody(method(messages, "request"))
                .setHeader("Authorization", method(credentials, "authorization('residence')"))
                .bean(messageLog, "request")
                // copyHeaders=false: the answer's headers are the agency's alone, as the message log records them.
                .toD("${exchangeProperty.agencyUrl}/requests?throwExceptionOnFailure=false${exchangeProperty.agencyTls}"
                        + "&connectTimeout={{lienthong.agency.residence.connect-timeout-ms}}"
                        + "&responseTimeout={{lienthong.agency.residence.read-timeout-ms}}"
                        + "&copyHeaders=false").id("call-residence")
                .bean(messageLog, "response")
                .setBody(method(messages, "reply"));
    }
}
