package vn.lienthong.gateway.routes;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import vn.lienthong.gateway.infrastructure.agency.AgencyAddresses;
import vn.lienthong.gateway.infrastructure.agency.AgencyCredentials;
import vn.lienthong.gateway.infrastructure.agency.AgencyTls;

/**
 * Land registry (Văn phòng đăng ký đất đai): REST, asynchronous (ticket now, result by callback to
 * /api/v1/callbacks/land-registry), with the dossier's scans streamed from the blob store.
 */
@Dependent
public class LandRegistryRoute extends RouteBuilder {

    @Inject
    LandRegistryMessages messages;

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
        // Failures go back typed to the caller (AgencyCircuitBreakers); deliver-land-registry's policy decides.
        errorHandler(noErrorHandler());
        from("direct:adapter-land-registry").routeId("adapter-land-registry")
                // The body is an HttpEntity over files on disk: no stream cache may copy it into memory.
                .streamCache("false")
                .setProperty("agencyUrl", method(addresses, "baseUrl('land-registry')"))
                .setProperty("agencyTls", method(tls, "endpointOptions('land-registry', ${exchangeProperty.agencyUrl})"))
                .setBody(method(messages, "request"))
                .setHeader("Authorization", method(credentials, "authorization('land-registry')"))
                .bean(messageLog, "request")
                // copyHeaders=false: the answer's headers are the agency's alone, as the message log records them.
                .toD("${exchangeProperty.agencyUrl}/registrations?throwExceptionOnFailure=false${exchangeProperty.agencyTls}"
                        + "&connectTimeout={{lienthong.agency.land-registry.connect-timeout-ms}}"
                        + "&responseTimeout={{lienthong.agency.land-registry.read-timeout-ms}}"
                        + "&copyHeaders=false").id("call-land-registry")
                .bean(messageLog, "response")
                .setBody(method(messages, "reply"));
    }
}
