package vn.lienthong.gateway.infrastructure.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The gateway's own DataSource, configured through MicroProfile Config. Defined here rather
 * than using Payara's default one, whose H2 file lives in a temp dir and is lost on restart.
 */
@DataSourceDefinition(
        name = GatewayDataSource.JNDI_NAME,
        className = "${MPCONFIG=lienthong.db.datasource-class}",
        url = "${MPCONFIG=lienthong.db.url}",
        user = "${MPCONFIG=lienthong.db.user}",
        password = "${MPCONFIG=lienthong.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=meta-data",
            "fish.payara.fail-all-connections=true"
        })
@ApplicationScoped
public class GatewayDataSource {

    public static final String JNDI_NAME = "java:app/jdbc/lienthong";
}
