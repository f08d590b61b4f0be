package vn.lienthong.gateway.routes;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import vn.lienthong.gateway.application.ArchiveRenewal;

/**
 * The archive's LTA step and time-stamp renewal on a timer, on the node that holds the run-once lease
 * ({@link RunOnce}) only; the first run one period after the start.
 */
@Dependent
public class ArchiveRenewalRoute extends RouteBuilder {

    @Inject
    ArchiveRenewal renewal;

    @Inject
    RunOnce runOnce;

    @Override
    public void configure() {
        from("timer:archive-renewal?period={{lienthong.archive.renewal.period-ms}}"
                + "&delay={{lienthong.archive.renewal.period-ms}}")
                .routeId("archive-renewal")
                .filter().method(runOnce, "holds")
                .bean(renewal, "scheduled");
    }
}
