package vn.lienthong.gateway.infrastructure.health;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

import vn.lienthong.gateway.infrastructure.camel.CamelRuntime;
import vn.lienthong.gateway.infrastructure.persistence.DatabaseMigration;

/** Readiness: the database answers and the Camel context runs. Liveness: the application is deployed. */
@ApplicationScoped
public class ReadinessChecks {

    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    @Inject
    DataSource dataSource;

    @Inject
    DatabaseMigration migration;

    @Inject
    CamelRuntime camel;

    @Produces
    @Readiness
    HealthCheck database() {
        return () -> {
            try (Connection c = dataSource.getConnection()) {
                boolean valid = c.isValid(VALIDATION_TIMEOUT_SECONDS);
                return HealthCheckResponse.named("database")
                        .status(valid)
                        .withData("product", c.getMetaData().getDatabaseProductName())
                        .withData("schemaVersion", migration.schemaVersion())
                        .build();
            } catch (SQLException e) {
                return HealthCheckResponse.named("database").down().withData("error", e.getMessage()).build();
            }
        };
    }

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
        return () -> HealthCheckResponse.up("deployed");
    }
}
