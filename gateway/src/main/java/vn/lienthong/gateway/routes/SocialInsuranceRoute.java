package vn.lienthong.gateway.routes;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import vn.lienthong.gateway.infrastructure.agency.AgencyAddresses;
import vn.lienthong.gateway.infrastructure.agency.AgencyCredentials;
import vn.lienthong.gateway.infrastructure.agency.AgencyTls;

/** Social insurance (BHXH/VSS): SOAP 1.1 over HTTP, synchronous. */
@Dependent
public class SocialInsuranceRoute extends RouteBuilder {

    @Inject
    SocialInsuranceMessages messages;

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
        from("direct:adapter-social-insurance").routeId("adapter-social-insurance")
                .setProperty("agencyUrl", method(addresses, "baseUrl('social-insurance')"))
                .setProperty("agencyTls", method(tls, "endpointOptions('social-insurance', ${exchangeProperty.agencyUrl})"))
                .setBody(method(messages, "request"))
                .setHeader("Authorization", method(credentials, "authorization('social-insurance')"))
                .bean(messageLog, "request")
                // copyHeaders=false: the answer's headers are the agency's alone, as the message log records them.
                .toD("${exchangeProperty.agencyUrl}/ws?throwExceptionOnFailure=false${exchangeProperty.agencyTls}"
                        + "&connectTimeout={{lienthong.agency.social-insurance.connect-timeout-ms}}"
                        + "&responseTimeout={{lienthong.agency.social-insurance.read-timeout-ms}}"
                        + "&copyHeaders=false").id("call-social-insurance")
                .bean(messageLog, "response")
                .setBody(method(messages, "reply"));
    }
}
