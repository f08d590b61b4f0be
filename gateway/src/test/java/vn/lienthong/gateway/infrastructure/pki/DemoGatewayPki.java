package vn.lienthong.gateway.infrastructure.pki;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import vn.lienthong.gateway.domain.procedure.Agency;
import vn.lienthong.gateway.domain.procedure.ProcedureCatalogue;
import vn.lienthong.gateway.infrastructure.agency.MapConfig;
import vn.lienthong.gateway.infrastructure.config.DemoMode;
import vn.lienthong.gateway.infrastructure.persistence.JdbcPkiCertificates;

/** The gateway's DEMO PKI outside the container, for tests and benchmarks of other packages. */
public final class DemoGatewayPki {

    private DemoGatewayPki() {
    }

    /** A node of the DEMO PKI on {@code database}, its keys directory under {@code dataDir}, knowing one agency. */
    public static GatewayPki open(DataSource database, Path dataDir, String agencyCode, String agencyName) {
        GatewayPki pki = new GatewayPki();
        pki.config = new MapConfig(Map.of("lienthong.data.dir", dataDir.toString(),
                "lienthong.public-base-url", "https://dichvucong.example.vn"));
        pki.demo = new DemoMode() {
            @Override
            public boolean enabled() {
                return true;
            }
        };
        pki.clock = Clock.systemUTC();
        pki.store = new JdbcPkiCertificates(database);
        pki.catalogue = new ProcedureCatalogue("test", List.of(), List.of(new Agency(agencyCode, agencyName, "Cấp xã", null)));
        return pki;
    }
}
