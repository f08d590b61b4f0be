package vn.lienthong.archive.index;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Where the index gets its JDBC connection: a URL for the CLI, a container's DataSource for the gateway. */
@FunctionalInterface
public interface ConnectionSource {
    Connection open() throws SQLException;

    static ConnectionSource url(String jdbcUrl, String user, String password) {
        return () -> DriverManager.getConnection(jdbcUrl, user, password);
    }

    static ConnectionSource of(DataSource dataSource) {
        return dataSource::getConnection;
    }
}
