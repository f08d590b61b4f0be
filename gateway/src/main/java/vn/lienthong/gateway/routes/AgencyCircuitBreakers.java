package vn.lienthong.gateway.routes;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/**
 * One MicroProfile Fault Tolerance circuit breaker per agency adapter (the state belongs to the
 * method). Only transient failures count; while a circuit is open, calls fail at once with
 * CircuitBreakerOpenException and the message waits in the outbox. Tune with MP Config keys
 * {@code vn.lienthong.gateway.routes.AgencyCircuitBreakers/CircuitBreaker/delay} and the like.
 */
@ApplicationScoped
@CircuitBreaker(failOn = TransientAgencyException.class, requestVolumeThreshold = 4, failureRatio = 0.75,
        delay = 3000, successThreshold = 1)
public class AgencyCircuitBreakers {

    private volatile ProducerTemplate template;

    public void civilStatus(Exchange exchange) {
        call("civil-status", exchange);
    }

    public void residence(Exchange exchange) {
        call("residence", exchange);
    }

    public void socialInsurance(Exchange exchange) {
        call("social-insurance", exchange);
    }

    public void landRegistry(Exchange exchange) {
        call("land-registry", exchange);
    }

    /** Runs the adapter route on a copy; its failure comes back typed, its reply becomes the body. */
    void call(String agencyId, Exchange exchange) {
        Exchange call = exchange.copy();
        template(exchange).send("direct:adapter-" + agencyId, call);
        if (call.getException() != null) {
            throw AgencyFailures.classify(call.getException(), agencyId);
        }
        exchange.getMessage().setBody(call.getMessage().getBody());
    }

    /** The breaker method for an agency id: civil-status → civilStatus. */
    public static String methodFor(String agencyId) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : agencyId.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    private ProducerTemplate template(Exchange exchange) {
        ProducerTemplate t = template;
        if (t == null) {
            t = exchange.getContext().createProducerTemplate();
            template = t;
        }
        return t;
    }
}
