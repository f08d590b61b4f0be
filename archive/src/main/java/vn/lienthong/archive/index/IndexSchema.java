package vn.lienthong.archive.index;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Pattern;
import vn.lienthong.archive.IndexUnavailableException;
import vn.lienthong.archive.IndexUnavailableException.Setting;
import vn.lienthong.archive.StorageException;

/**
 * Opens a connection to an index and brings its tables ({@code schema.sql}, one script for H2 and
 * PostgreSQL) into being in the source's schema. A failure says which setting to fix.
 */
final class IndexSchema {
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private IndexSchema() {
    }

    /** A connection in auto-commit mode, with the index's schema and tables in place. */
    static Connection open(ConnectionSource source) {
        return connect(source, true);
    }

    /** A connection to an index that exists, which creates nothing (an H2 file opened read-only stays as it was). */
    static Connection existing(ConnectionSource source) {
        return connect(source, false);
    }

    private static Connection connect(ConnectionSource source, boolean create) {
        Connection connection;
        try {
            connection = source.open();
        } catch (SQLException e) {
            // Class 28 is "invalid authorization specification": the database answered and refused the login.
            boolean login = e.getSQLState() != null && e.getSQLState().startsWith("28");
            throw new IndexUnavailableException(login ? Setting.LOGIN : Setting.URL,
                    (login ? "the login was refused by " : "cannot connect to ") + source.location() + ": "
                            + e.getMessage(), e);
        }
        try {
            connection.setAutoCommit(true);
            if (source.schema().isPresent()) {
                use(connection, source.schema().get(), create);
            }
            if (create) {
                createTables(connection);
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            if (e instanceof IndexUnavailableException unavailable) {
                throw unavailable;
            }
            throw new IndexUnavailableException(Setting.SCHEMA, "cannot create or use the index's tables in "
                    + source.schema().map(s -> "schema " + s + " of ").orElse("") + source.location() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Creates the schema unless it exists (a DBA may have made it for a user who may not create one). */
    private static void use(Connection connection, String schema, boolean create) throws SQLException {
        if (!NAME.matcher(schema).matches()) {
            throw new IndexUnavailableException(Setting.SCHEMA, "the index schema '" + schema
                    + "' is not a plain name (lower case letters, digits, underscores)", null);
        }
        DatabaseMetaData meta = connection.getMetaData();
        String stored = meta.storesUpperCaseIdentifiers() ? schema.toUpperCase(Locale.ROOT) : schema;
        boolean exists = false;
        try (ResultSet rs = meta.getSchemas()) {
            while (rs.next() && !exists) {
                exists = stored.equals(rs.getString("TABLE_SCHEM"));
            }
        }
        if (!exists && create) {
            try (Statement st = connection.createStatement()) {
                st.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            }
        }
        connection.setSchema(stored);
    }

    private static void createTables(Connection connection) throws SQLException {
        String script;
        try (InputStream in = IndexSchema.class.getResourceAsStream("schema.sql")) {
            if (in == null) {
                throw new IOException("schema.sql not on the class path");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StorageException("The index schema is missing from the archive jar", e);
        }
        try (Statement st = connection.createStatement()) {
            for (String statement : script.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    st.execute(statement);
                }
            }
        }
    }
}
