package vn.lienthong.gateway.routes;

import java.time.Duration;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.lienthong.gateway.application.AgencyDeliveries;

/**
 * Turns accepted requests whose callback never came into dead letters, so none waits forever:
 * after {@code lienthong.outbox.callback-wait-minutes}, on the node that does the run-once work.
 */
@Dependent
public class CallbackWatchRoute extends RouteBuilder {

    private static final int BATCH = 100;

    @Inject
    AgencyDeliveries deliveries;

    @Inject
    RunOnce runOnce;

    @Inject
    @ConfigProperty(name = "lienthong.outbox.callback-wait-minutes", defaultValue = "4320")
    long waitMinutes;

    @Override
    public void configure() {
        // A failure (database down) is one line; the next tick tries again.
        errorHandler(defaultErrorHandler().logStackTrace(false).logExhaustedMessageHistory(false));
        from("timer:callback-watch?period={{lienthong.outbox.callback-check-ms}}&delay=5000")
                .routeId("callback-watch")
                .filter().method(runOnce, "holds")
                .bean(this, "escalate");
    }

    /** Each silent request becomes a dead letter in a transaction of its own; answers how many. */
    public int escalate() {
        Duration wait = Duration.ofMinutes(waitMinutes);
        int escalated = 0;
        for (String messageId : deliveries.silentSince(wait, BATCH)) {
            escalated += deliveries.noCallback(messageId, wait) ? 1 : 0;
        }
        return escalated;
    }
}
