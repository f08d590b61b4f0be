package vn.lienthong.gateway.routes;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.lienthong.gateway.infrastructure.paper.PaperMill;

/**
 * Makes the dossiers' papers: on a timer, and when a committed change nudges it. A node started with
 * {@code lienthong.papers.enabled=false} takes no paper jobs: they wait as rows for a node that does
 * (a paper worker apart from the exchange nodes, or the same node restarted), since a job is a row
 * any node may claim.
 */
@Dependent
public class PaperRoute extends RouteBuilder {

    @Inject
    PaperMill mill;

    @Inject
    @ConfigProperty(name = "lienthong.papers.enabled", defaultValue = "true")
    boolean enabled;

    @Override
    public void configure() {
        if (!enabled) {
            return;
        }
        from("timer:papers?period={{lienthong.papers.poll-ms}}&delay={{lienthong.papers.start-delay-ms}}")
                .routeId("papers-poll")
                .bean(mill, "drain");
        from(PaperNudge.QUEUE)
                .routeId("papers-nudge")
                .bean(mill, "drain");
    }
}
