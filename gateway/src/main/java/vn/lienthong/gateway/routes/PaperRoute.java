package vn.lienthong.gateway.routes;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import vn.lienthong.gateway.infrastructure.paper.PaperMill;

/** Makes the dossiers' papers: on a timer, and when a committed change nudges it. */
@Dependent
public class PaperRoute extends RouteBuilder {

    @Inject
    PaperMill mill;

    @Override
    public void configure() {
        from("timer:papers?period={{lienthong.papers.poll-ms}}&delay={{lienthong.papers.start-delay-ms}}")
                .routeId("papers-poll")
                .bean(mill, "drain");
        from(PaperNudge.QUEUE)
                .routeId("papers-nudge")
                .bean(mill, "drain");
    }
}
