package vn.lienthong.gateway.routes;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import vn.lienthong.gateway.domain.exchange.Connector;
import vn.lienthong.gateway.domain.exchange.ConnectorDirectory;

/**
 * Drains the outbox: a poller, and a nudge after each commit that made a message due, claim due
 * messages and hand each to its agency's queue; per agency, a fixed pool of consumers (the
 * bulkhead) sends at most the configured rate (throttle) through the agency's circuit breaker
 * (Circuit Breaker EIP, {@link AgencyBreakers}) to its adapter route ({@link AgencyAdapters}).
 */
@Dependent
public class DeliveryRoutes extends RouteBuilder {

    @Inject
    DeliveryOutcomes outcomes;

    @Inject
    AgencyBreakers breakers;

    @Inject
    ConnectorDirectory connectors;

    @Override
    public void configure() {
        from("timer:outbox-drain?period={{lienthong.outbox.poll-ms}}&delay={{lienthong.outbox.start-delay-ms}}")
                .routeId("outbox-drain")
                .to("direct:outbox-claim");
        // A committed intake or step wakes the drain at once (the timer above is the safety net).
        from(OutboxNudge.QUEUE)
                .routeId("outbox-nudge")
                .to("direct:outbox-claim");
        from("direct:outbox-claim")
                .routeId("outbox-claim")
                .bean(outcomes, "claim")
                .split(body())
                    .toD("seda:deliver-${body.agencyId()}?blockWhenFull=true");

        for (Connector c : connectors.all().stream().filter(Connector::enabled).toList()) {
            String p = "{{lienthong.agency." + c.id() + ".";
            from("seda:deliver-" + c.id() + "?concurrentConsumers=" + p + "concurrency}}&size={{lienthong.outbox.queue-size}}")
                    .routeId("deliver-" + c.id()).routeConfigurationId(AgencyErrorPolicy.ID)
                    .setProperty(DeliveryOutcomes.MESSAGE, body())
                    .throttle(Long.parseLong(getContext().resolvePropertyPlaceholders(p + "rate-per-second}}")))
                        .totalRequestsMode().timePeriodMillis(1000)
                    // The breaker's own failure (open circuit, a failed call) goes to the agency-delivery policy.
                    .circuitBreaker().inheritErrorHandler(true)
                        .resilience4jConfiguration().circuitBreaker(breakers.bind(getContext(), c.id()))
                            .throwExceptionWhenHalfOpenOrOpenState(true).end()
                        .to("direct:adapter-" + c.id())
                    .end()
                    .bean(outcomes, "answered");
        }
    }
}
