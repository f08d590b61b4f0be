package vn.lienthong.gateway.routes;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * The one error policy of agency delivery: transient failures are redelivered a few times in
 * memory with exponential backoff and jitter, then go back to the outbox to wait for a later
 * attempt (or become dead letters); permanent failures stop at once; an open circuit waits;
 * anything unexpected goes back to the outbox too.
 */
@Dependent
public class AgencyErrorPolicy extends RouteConfigurationBuilder {

    public static final String ID = "agency-delivery";

    @Inject
    DeliveryOutcomes outcomes;

    /** The outcome beans log one line per failure; Camel's own exhaustion log would add a stack trace. */
    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(CallNotPermittedException.class)
                    .handled(true).logExhausted(false).bean(outcomes, "circuitOpen").end()
                .onException(TransientAgencyException.class)
                    .maximumRedeliveries("{{lienthong.delivery.redeliveries}}")
                    .redeliveryDelay("{{lienthong.delivery.redelivery-delay-ms}}")
                    .useExponentialBackOff().useCollisionAvoidance()
                    .handled(true).logExhausted(false).bean(outcomes, "transientFailure").end()
                .onException(PermanentAgencyException.class)
                    .handled(true).logExhausted(false).bean(outcomes, "permanentFailure").end()
                .onException(Exception.class)
                    .handled(true).logExhausted(false).bean(outcomes, "unexpectedFailure").end();
    }
}
