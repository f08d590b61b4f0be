package vn.lienthong.gateway.infrastructure.persistence;

import java.util.Optional;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.annotation.sql.DataSourceDefinitions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.lienthong.gateway.domain.StorageException;

/**
 * The gateway's pooled, JTA-enlisted DataSource: the embedded H2 file under the data dir by
 * default (Payara's own default H2 lives in a temp dir and is lost on restart), or an external
 * database, PostgreSQL in production, when {@code lienthong.db.url} is set.
 *
 * <p>Payara resolves {@code ${MPCONFIG=key:default}} while deploying, before the application's
 * microprofile-config.properties is readable, and does not nest expressions; hence two
 * definitions, each with its defaults here, and the choice made at run time. The JNDI lookup
 * is deferred to first use because the definitions are bound after CDI validates the deployment.
 *
 * <p>The embedded H2 is named by its {@code java.sql.Driver}, so Payara pools it with local
 * transactions (one resource, nothing for two-phase commit to coordinate). Named by
 * {@code JdbcDataSource}, an XADataSource, each checkout and each return of a pooled connection
 * ran a rollback, and with {@code WRITE_DELAY=0} every H2 transaction end writes a store chunk:
 * 850 instead of 420 microseconds of CPU per transaction in a stand-alone measurement.
 *
 * <p>{@code QUERY_CACHE_SIZE=128}: H2 keeps the parsed form of a statement per connection, 8 by
 * default. An exchange runs some twenty different statements on whichever pooled connection it
 * gets, so with 8 nearly every statement was parsed again (the parser was 3 to 4 % of the
 * gateway's CPU in the exchange profile); 128 holds every statement the gateway issues
 * repeatedly. Statements with {@code FOR UPDATE} are never cached by H2 and are parsed each time.
 *
 * <p>{@code fish.payara.statement-cache-size}: the pool keeps each connection's prepared
 * statements, so a statement used again is not prepared again. That covers what H2's cache does
 * not: the three {@code SELECT … FOR UPDATE} of an exchange (the outbox message, the dossier, the
 * message log's chain head), each parsed anew otherwise, about 3 % of an exchange's CPU. The
 * blank {@code statement-cache-type} means LRU (Payara issue 6647: left out, it names no type).
 *
 * <p>The repositories get the pool through {@link TransactionConnections}: one connection per JTA
 * transaction instead of a checkout and a return per repository call.
 */
@DataSourceDefinitions({
    @DataSourceDefinition(
            name = GatewayDataSource.EMBEDDED,
            className = "org.h2.Driver",
            url = "jdbc:h2:file:${MPCONFIG=lienthong.data.dir:./data}/db/lienthong;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;QUERY_CACHE_SIZE=128",
            user = "lienthong",
            password = "lienthong",
            minPoolSize = 2,
            maxPoolSize = 32,
            properties = {"fish.payara.statement-cache-size=128", "fish.payara.statement-cache-type= "}),
    @DataSourceDefinition(
            name = GatewayDataSource.EXTERNAL,
            className = "${MPCONFIG=lienthong.db.datasource-class:org.postgresql.ds.PGSimpleDataSource}",
            url = "${MPCONFIG=lienthong.db.url:jdbc:postgresql://localhost:5432/lienthong}",
            user = "${MPCONFIG=lienthong.db.user:lienthong}",
            password = "${MPCONFIG=lienthong.db.password:lienthong}",
            minPoolSize = 0,
            maxPoolSize = 32,
            properties = {"fish.payara.statement-cache-size=128", "fish.payara.statement-cache-type= "})
})
@ApplicationScoped
public class GatewayDataSource {

    public static final String EMBEDDED = "java:app/jdbc/lienthong-embedded";
    public static final String EXTERNAL = "java:app/jdbc/lienthong-external";

    private static final Logger LOG = Logger.getLogger(GatewayDataSource.class.getName());

    @Inject
    @ConfigProperty(name = "lienthong.db.url")
    Optional<String> externalUrl;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Produces
    @ApplicationScoped
    DataSource dataSource() {
        String name = externalUrl.isPresent() ? EXTERNAL : EMBEDDED;
        LOG.info(() -> "Database: " + (externalUrl.isPresent() ? externalUrl.get() : "embedded H2 under the data dir"));
        try {
            return new TransactionConnections((DataSource) new InitialContext().lookup(name), transactions);
        } catch (NamingException e) {
            throw new StorageException("The DataSource " + name + " is not bound: " + e.getMessage(), null);
        }
    }
}
