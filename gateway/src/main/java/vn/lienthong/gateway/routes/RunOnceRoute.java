package vn.lienthong.gateway.routes;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

/** Takes or renews the run-once lease on every node, every renew interval ({@link RunOnce}). */
@Dependent
public class RunOnceRoute extends RouteBuilder {

    @Inject
    RunOnce runOnce;

    @Override
    public void configure() {
        // A failure is one line from RunOnce itself; the next tick tries again.
        from("timer:run-once-lease?period={{lienthong.run-once.renew-ms}}&delay=0")
                .routeId("run-once-lease")
                .bean(runOnce, "renew");
    }
}
