package vn.lienthong.gateway.routes;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import vn.lienthong.gateway.domain.exchange.Connector;
import vn.lienthong.gateway.domain.exchange.ConnectorDirectory;
import vn.lienthong.gateway.infrastructure.agency.AgencyAddresses;
import vn.lienthong.gateway.infrastructure.agency.AgencyCredentials;
import vn.lienthong.gateway.infrastructure.agency.AgencyTls;
import vn.lienthong.gateway.infrastructure.camel.CamelStartupException;

/**
 * The one adapter route of every agency, {@code direct:adapter-<id>}: a route template, and a
 * route from it per connector of {@code lienthong.agencies}. What differs between agencies is
 * configuration ({@code lienthong.agency.<id>.path}, {@code .mapper}, {@code .streaming}, the
 * timeouts) and the mapper bean, which builds the request and reads the answer (REST or SOAP,
 * JSON or multipart). Failures go back to the caller typed (transient or permanent), for the
 * agency's circuit breaker and the delivery policy in {@link DeliveryRoutes}.
 */
@Dependent
public class AgencyAdapters extends RouteBuilder {

    public static final String TEMPLATE = "agency-adapter";
    /** Exchange property: the connector id of the agency being called. */
    public static final String AGENCY_ID = "lienthongAgencyId";

    @Inject
    ConnectorDirectory connectors;

    @Inject
    AgencyAddresses addresses;

    @Inject
    AgencyCredentials credentials;

    @Inject
    AgencyTls tls;

    @Inject
    MessageLogSteps messageLog;

    /** The mapper beans, by their {@code @Named} name; a test binds its mappers in Camel's registry instead. */
    @Inject
    @Any
    Instance<AgencyMapper> mappers;

    @Override
    public void configure() {
        routeTemplate(TEMPLATE)
                .templateParameter("agencyId")
                .templateParameter("path", null, "appended to the agency's base URL: /registrations, /ws, ...")
                .templateParameter("mapper", null, "name of the AgencyMapper bean in the registry")
                .templateParameter("streaming", "false", "true: the request streams from disk, no stream cache")
                .templateParameter("connectTimeout")
                .templateParameter("readTimeout")
                .from("direct:adapter-{{agencyId}}")
                // Failures go back to the caller; its circuit breaker and delivery policy decide.
                .errorHandler(noErrorHandler())
                // A streamed body is an HttpEntity over files on disk: no stream cache may copy it into memory.
                .streamCache("{{!streaming}}")
                .setProperty(AGENCY_ID, constant("{{agencyId}}"))
                .doTry()
                    .setProperty("agencyUrl", method(addresses, "baseUrl(${exchangeProperty." + AGENCY_ID + "})"))
                    .setProperty("agencyTls", method(tls, "endpointOptions(${exchangeProperty." + AGENCY_ID
                            + "}, ${exchangeProperty.agencyUrl})"))
                    .bean("{{mapper}}", "request")
                    .setHeader("Authorization", method(credentials, "authorization(${exchangeProperty." + AGENCY_ID + "})"))
                    .bean(messageLog, "request")
                    // copyHeaders=false: the answer's headers are the agency's alone, as the message log records them.
                    .toD("${exchangeProperty.agencyUrl}{{path}}?throwExceptionOnFailure=false${exchangeProperty.agencyTls}"
                            + "&connectTimeout={{connectTimeout}}&responseTimeout={{readTimeout}}&copyHeaders=false")
                    .bean(messageLog, "response")
                    .bean("{{mapper}}", "reply")
                .doCatch(Exception.class)
                    .process(AgencyFailures::rethrowTyped)
                .end();

        for (Connector c : connectors.all()) {
            String key = "lienthong.agency." + c.id() + ".";
            String mapper = getContext().getPropertiesComponent().resolveProperty(key + "mapper").orElse(c.id());
            bindMapper(mapper, key + "mapper");
            templatedRoute(TEMPLATE).routeId("adapter-" + c.id())
                    .parameter("agencyId", c.id())
                    .parameter("path", "{{" + key + "path}}")
                    .parameter("mapper", mapper)
                    // An agency whose requests carry attachments streams them unless told otherwise.
                    .parameter("streaming", "{{" + key + "streaming:" + c.carriesAttachments() + "}}")
                    .parameter("connectTimeout", "{{" + key + "connect-timeout-ms}}")
                    .parameter("readTimeout", "{{" + key + "read-timeout-ms}}");
        }
    }

    /** Puts the CDI mapper bean of that name in Camel's registry, unless the registry has one already. */
    private void bindMapper(String name, String key) {
        if (getContext().getRegistry().lookupByName(name) != null) {
            return;
        }
        Instance<AgencyMapper> named = mappers == null ? null : mappers.select(NamedLiteral.of(name));
        if (named == null || !named.isResolvable()) {
            throw new CamelStartupException("No agency mapper bean named '" + name + "' (" + key
                    + "): a class implementing AgencyMapper with @Named(\"" + name + "\")", null);
        }
        getContext().getRegistry().bind(name, named.get());
    }
}
