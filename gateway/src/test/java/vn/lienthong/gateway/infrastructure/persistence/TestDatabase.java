package vn.lienthong.gateway.infrastructure.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The two databases the gateway runs on. {@link #fresh()} gives a database of its own at the newest
 * schema, made by the gateway's own Flyway migrations ({@code db/migration}, as {@link DatabaseMigration} runs
 * them), kept until the JVM ends. SQL tests take one of these as their class parameter
 * ({@code @ParameterizedClass @EnumSource(TestDatabase.class)}) and so run once on each.
 */
public enum TestDatabase {

    /** In-memory H2, the embedded default. */
    H2 {
        @Override
        public DataSource fresh() {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:mem:test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            ds.setUser("sa");
            ds.setPassword("");
            return migrate(ds);
        }
    },

    /**
     * A new database on the test JVM's one embedded PostgreSQL server ({@link PostgresServer}): a copy
     * ({@code CREATE DATABASE ... TEMPLATE}) of one database the migrations built on first use.
     */
    POSTGRESQL {
        private DataSource template;

        @Override
        public synchronized DataSource fresh() {
            if (template == null) {
                template = migrate(create("test_template", ""));
            }
            return create("test_" + NEXT.incrementAndGet(), " TEMPLATE test_template");
        }

        private DataSource create(String name, String options) {
            try (Connection c = PostgresServer.superuser().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name + options);
            } catch (SQLException e) {
                throw new IllegalStateException("CREATE DATABASE " + name + " on the tests' PostgreSQL server", e);
            }
            PGSimpleDataSource ds = (PGSimpleDataSource) PostgresServer.superuser();
            ds.setDatabaseName(name);
            return ds;
        }
    };

    private static final AtomicInteger NEXT = new AtomicInteger();

    /** A database of its own at the newest schema. */
    public abstract DataSource fresh();

    private static DataSource migrate(DataSource ds) {
        Flyway.configure(TestDatabase.class.getClassLoader()).dataSource(ds).locations("classpath:db/migration")
                .load().migrate();
        return ds;
    }
}
