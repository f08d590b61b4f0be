package vn.lienthong.gateway.routes;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import vn.lienthong.gateway.infrastructure.persistence.JdbcCallbackReceipts;

/**
 * Agency callbacks: de-duplicated per agency and ticket by Camel's idempotent consumer on the
 * database, then matched to their request. The key is stored only after the result is applied
 * (not eager), so a crash never swallows a callback; a repeat answers "duplicate", no effect.
 */
@Dependent
public class CallbackRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:agency-callback";

    @Inject
    AgencyCallbacks callbacks;

    @Inject
    JdbcCallbackReceipts receipts;

    @Inject
    MessageLogSteps messageLog;

    @Override
    public void configure() {
        errorHandler(noErrorHandler());
        from(ENDPOINT).routeId("agency-callback")
                .bean(messageLog, "callback")
                .idempotentConsumer(simple("${header.agency}:${header.ticket}"), receipts)
                    .eager(false).skipDuplicate(false)
                .choice()
                    .when(exchangeProperty(Exchange.DUPLICATE_MESSAGE)).setBody(constant("duplicate"))
                    .otherwise().bean(callbacks, "apply")
                .end();
    }
}
