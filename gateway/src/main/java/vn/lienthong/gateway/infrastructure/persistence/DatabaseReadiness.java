package vn.lienthong.gateway.infrastructure.persistence;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness of the database: a connection answers, and at which schema version Flyway left it. */
@ApplicationScoped
public class DatabaseReadiness {

    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    @Inject
    DataSource dataSource;

    @Inject
    DatabaseMigration migration;

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
}
