package vn.lienthong.gateway.routes;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import vn.lienthong.gateway.application.OverdueWatch;

/**
 * Recounts overdue dossiers on a timer, so the metric stays current without anyone asking; on the node
 * that holds the run-once lease ({@link RunOnce}) only.
 */
@Dependent
public class OverdueWatchRoute extends RouteBuilder {

    @Inject
    OverdueWatch overdueWatch;

    @Inject
    RunOnce runOnce;

    @Override
    public void configure() {
        from("timer:overdue-watch?period={{lienthong.overdue.scan-period-ms}}&delay=2000")
                .routeId("overdue-watch")
                .filter().method(runOnce, "holds")
                .bean(overdueWatch, "recount");
    }
}
