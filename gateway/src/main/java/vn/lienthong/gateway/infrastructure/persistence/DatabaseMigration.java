package vn.lienthong.gateway.infrastructure.persistence;

import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.internal.exception.sqlExceptions.FlywaySqlUnableToConnectToDbException;

import vn.lienthong.gateway.domain.StorageException;
import vn.lienthong.gateway.infrastructure.config.StartRefusal;

/** Brings the schema to the newest version with Flyway when the application starts, before anything uses it. */
@ApplicationScoped
public class DatabaseMigration {

    /** Observers of application start-up run in this order. */
    public static final int PRIORITY = 100;

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Inject
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "lienthong.db.url")
    Optional<String> externalUrl;

    @Inject
    @ConfigProperty(name = "lienthong.db.user", defaultValue = "lienthong")
    String user;

    private volatile String schemaVersion = "none";

    void migrate(@Observes @Priority(PRIORITY) @Initialized(ApplicationScoped.class) Object started) {
        MigrateResult result;
        try {
            result = Flyway.configure(getClass().getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (FlywaySqlUnableToConnectToDbException e) {
            String line = unreachable(externalUrl, user, e);
            throw StartRefusal.refuse(LOG, line, new StorageException(line, e));
        }
        schemaVersion = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Database schema at version " + schemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
    }

    /** The one line naming the settings to check when the database refuses the gateway's connection. */
    static String unreachable(Optional<String> externalUrl, String user, Throwable failure) {
        String reason = deepestSqlMessage(failure)
                .replaceFirst("^.*Connection could not be allocated because: ", "");
        return externalUrl
                .map(url -> "The gateway does not start: the database LIENTHONG_DB_URL=" + url + " refuses user "
                        + "LIENTHONG_DB_USER=" + user + ": " + reason
                        + "; check LIENTHONG_DB_URL, LIENTHONG_DB_USER and LIENTHONG_DB_PASSWORD")
                .orElse("The gateway does not start: the embedded database under LIENTHONG_DATA_DIR cannot be opened: "
                        + reason + "; is another gateway using the same LIENTHONG_DATA_DIR?");
    }

    private static String deepestSqlMessage(Throwable failure) {
        String message = failure.getMessage();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message == null ? failure.getClass().getSimpleName() : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    public String schemaVersion() {
        return schemaVersion;
    }
}
