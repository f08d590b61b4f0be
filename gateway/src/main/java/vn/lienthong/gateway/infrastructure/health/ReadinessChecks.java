package vn.lienthong.gateway.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

import vn.lienthong.gateway.application.DemoClock;
import vn.lienthong.gateway.infrastructure.camel.CamelRuntime;
import vn.lienthong.gateway.infrastructure.config.DemoMode;

/**
 * Readiness: the Camel context runs (the database's own check is {@code persistence.DatabaseReadiness}).
 * Liveness: the application is deployed; its data say whether this gateway is a demo
 * ({@code "demo": true}) and, then, how far the demo clock is ahead of real time.
 */
@ApplicationScoped
public class ReadinessChecks {

    @Inject
    CamelRuntime camel;

    @Inject
    DemoMode demo;

    @Inject
    DemoClock demoClock;

    @Produces
    @Readiness
    HealthCheck camelContext() {
        return () -> HealthCheckResponse.named("camel")
                .status(camel.isStarted())
                .withData("status", camel.context() == null ? "NotCreated" : camel.context().getStatus().name())
                .withData("routes", camel.context() == null ? 0 : camel.context().getRoutesSize())
                .build();
    }

    @Produces
    @Liveness
    HealthCheck deployed() {
        return () -> {
            var response = HealthCheckResponse.named("deployed").up().withData("demo", demo.enabled());
            if (demo.enabled()) {
                response.withData("demoClockOffset", demoClock.offset().toString());
            }
            return response.build();
        };
    }
}
