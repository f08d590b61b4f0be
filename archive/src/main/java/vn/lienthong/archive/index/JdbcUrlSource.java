package vn.lienthong.archive.index;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.ServiceLoader;

/**
 * Connections by JDBC URL. The driver is looked up through this library's own class loader first:
 * inside an application server that is the application's, which {@link DriverManager} alone would
 * not search for a driver nobody has loaded yet.
 */
record JdbcUrlSource(String url, String user, String password) implements ConnectionSource {
    @Override
    public Connection open() throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", user);
        login.setProperty("password", password);
        for (Driver driver : ServiceLoader.load(Driver.class, JdbcUrlSource.class.getClassLoader())) {
            if (driver.acceptsURL(url)) {
                Connection connection = driver.connect(url, login);
                if (connection != null) {
                    return connection;
                }
            }
        }
        return DriverManager.getConnection(url, login);
    }

    @Override
    public String location() {
        return url;
    }

    @Override
    public String toString() {
        return "JdbcUrlSource[" + url + ", user " + user + "]";
    }
}
