package vn.lienthong.gateway.infrastructure.paper;

import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** A fresh in-memory H2 database with the gateway's schema, for each test that asks. */
final class PaperDatabase {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private PaperDatabase() {
    }

    static DataSource migrated() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:papers-" + NEXT.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return ds;
    }
}
