package vn.lienthong.gateway.routes;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.gateway.infrastructure.agency.AgencyAddresses;
import vn.lienthong.gateway.infrastructure.agency.AgencyTls;
import vn.lienthong.gateway.infrastructure.agency.AgencyTlsSettings;
import vn.lienthong.gateway.infrastructure.agency.TestHttpsServer;
import vn.lienthong.gateway.infrastructure.agency.TestPki;
import vn.lienthong.gateway.infrastructure.agency.TlsStore;

/**
 * The BHXH adapter over real HTTPS to an agency whose certificate the truststore does not
 * vouch for: the delivery policy treats it as transient, with the short reason.
 */
class AgencyTlsRouteTest extends CamelTestSupport {

    @TempDir
    Path dir;

    private final AgencyTestFixtures.AgencyRoutes routes = new AgencyTestFixtures.AgencyRoutes();
    private final AgencyTestFixtures.RecordingOutcomes outcomes = routes.outcomes;
    private TestHttpsServer agency;

    @Override
    public void configureTest(TestExecutionConfiguration test) {
        super.configureTest(test);
        test.withUseAdviceWith(true);
    }

    @Override
    public void configureContext(CamelContextConfiguration camel) {
        super.configureContext(camel);
        camel.withUseOverridePropertiesWithPropertiesComponent(AgencyTestFixtures.properties());
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        agency = new TestHttpsServer(TestPki.issue(TestPki.ca("Agencies CA"), "bhxh", "127.0.0.1"), null);
        Path otherCa = TestPki.truststore(dir.resolve("other.p12"), "pw", TestPki.ca("Other CA").certificate());
        AgencyTls tls = new AgencyTls() {
            @Override
            public AgencyTlsSettings settings(String agencyId) {
                return new AgencyTlsSettings(agencyId, Optional.of(new TlsStore("lienthong.tls.truststore", otherCa, "pw", null)),
                        Optional.empty(), Optional.empty());
            }
        };
        routes.tls = tls;
        routes.addresses = new AgencyAddresses() {
            @Override
            public String baseUrl(String agencyId) {
                return agency.url() + "/" + agencyId;
            }
        };
        context.getRegistry().bind(AgencyTls.beanName("social-insurance"), tls.parameters("social-insurance"));
        return routes.builders(context);
    }

    @BeforeEach
    void start() throws Exception {
        context.getRouteController().stopRoute("outbox-drain");
        context.start();
    }

    @AfterEach
    void stopAgency() {
        agency.close();
    }

    @Test
    void anUntrustedAgencyCertificateIsATransientFailureWithAShortReason() {
        template.sendBody("seda:deliver-social-insurance", AgencyTestFixtures.message("social-insurance", "BHYT_CARD_REISSUE"));
        String outcome = outcomes.next();
        assertTrue(outcome.startsWith("transient: Lỗi TLS / TLS handshake failed") && outcome.contains("PKIX path building failed")
                && outcome.contains("lienthong.agency.social-insurance.truststore"), outcome);
        assertTrue(agency.lastClient().equals("none"), "the agency saw no request");
    }
}
