package vn.lienthong.archive.index;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Where the index gets its JDBC connection (a URL for the CLI, a DataSource or a URL for the gateway)
 * and the schema its tables live in.
 */
@FunctionalInterface
public interface ConnectionSource {
    Connection open() throws SQLException;

    /** The schema of the index's tables; empty means the connection's own (PUBLIC in the archive's H2 file). */
    default Optional<String> schema() {
        return Optional.empty();
    }

    /** Where this source connects, for messages: its URL without credentials, or what it is. */
    default String location() {
        return "the archive index's DataSource";
    }

    /**
     * The same connections with the index's tables in {@code name}, created on first use (lower case
     * letters, digits and underscores, as both H2 and PostgreSQL take it unquoted).
     */
    default ConnectionSource inSchema(String name) {
        ConnectionSource connections = this;
        return new ConnectionSource() {
            @Override
            public Connection open() throws SQLException {
                return connections.open();
            }

            @Override
            public Optional<String> schema() {
                return Optional.of(name);
            }

            @Override
            public String location() {
                return connections.location();
            }
        };
    }

    /** Connections by JDBC URL, through the driver on this library's class path that takes it. */
    static ConnectionSource url(String jdbcUrl, String user, String password) {
        return new JdbcUrlSource(jdbcUrl, user, password);
    }

    static ConnectionSource of(DataSource dataSource) {
        return dataSource::getConnection;
    }
}
