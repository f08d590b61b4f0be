package vn.lienthong.gateway.routes;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import vn.lienthong.gateway.application.MessageEvidence;

/**
 * The message log's timers: the chain head is signed every batch interval (the writer also signs
 * at once when a batch reaches its record count), and the retention purge runs periodically. Both run
 * only on the node that holds the run-once lease ({@link RunOnce}).
 */
@Dependent
public class MessageLogRoute extends RouteBuilder {

    @Inject
    MessageEvidence evidence;

    @Inject
    RunOnce runOnce;

    @Override
    public void configure() {
        // A failure (database down, keystore unreadable) is one line; the next tick tries again.
        errorHandler(defaultErrorHandler().logStackTrace(false).logExhaustedMessageHistory(false));
        from("timer:message-log-seal?period={{lienthong.message-log.batch-interval-ms}}"
                + "&delay={{lienthong.message-log.batch-interval-ms}}")
                .routeId("message-log-seal")
                .filter().method(runOnce, "holds")
                .bean(evidence, "seal");
        from("timer:message-log-purge?period={{lienthong.message-log.purge-period-ms}}&delay=60000")
                .routeId("message-log-purge")
                .filter().method(runOnce, "holds")
                .bean(evidence, "purgeExpired");
    }
}
