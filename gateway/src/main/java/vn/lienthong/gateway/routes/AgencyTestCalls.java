package vn.lienthong.gateway.routes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

import vn.lienthong.gateway.application.AgencyLinks;
import vn.lienthong.gateway.infrastructure.agency.AgencyAddresses;
import vn.lienthong.gateway.infrastructure.agency.AgencyCredentials;
import vn.lienthong.gateway.infrastructure.agency.AgencyTls;
import vn.lienthong.gateway.infrastructure.camel.CamelRuntime;

/**
 * The agencies' breakers as {@link AgencyBreakers} holds them, and a test call: a GET to the
 * agency's base URL with the adapter route's address, TLS, credentials and timeouts (camel-http,
 * as {@link AgencyAdapters} calls), outside the breaker and the outbox, so it creates nothing and
 * counts against nothing. Any answer below 500 means the agency's server is there.
 */
@ApplicationScoped
public class AgencyTestCalls implements AgencyLinks {

    @Inject
    CamelRuntime camel;

    @Inject
    AgencyBreakers breakers;

    @Inject
    AgencyAddresses addresses;

    @Inject
    AgencyCredentials credentials;

    @Inject
    AgencyTls tls;

    @Override
    public String breakerState(String agencyId) {
        return breakers.state(agencyId).orElse("NONE");
    }

    @Override
    public TestCall test(String agencyId) {
        return call(camel.context(), agencyId);
    }

    TestCall call(CamelContext context, String agencyId) {
        long start = System.nanoTime();
        try (ProducerTemplate template = context.createProducerTemplate()) {
            String url = addresses.baseUrl(agencyId);
            String key = "lienthong.agency." + agencyId + ".";
            String uri = url + "?throwExceptionOnFailure=false" + tls.endpointOptions(agencyId, url)
                    + "&connectTimeout=" + setting(context, key + "connect-timeout-ms")
                    + "&responseTimeout=" + setting(context, key + "read-timeout-ms") + "&copyHeaders=false";
            String authorization = credentials.authorization(agencyId);
            Exchange answer = template.request(uri, e -> {
                e.getMessage().setHeader(Exchange.HTTP_METHOD, "GET");
                if (authorization != null) {
                    e.getMessage().setHeader("Authorization", authorization);
                }
            });
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (answer.getException() != null) {
                return failed(answer.getException(), millis);
            }
            int status = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
            return status > 0 && status < 500 ? new TestCall(true, status, millis, null)
                    : new TestCall(false, status, millis, "HTTP " + status);
        } catch (RuntimeException | java.io.IOException e) {
            return failed(e, (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static TestCall failed(Throwable e, long millis) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return new TestCall(false, 0, millis, AgencyFailures.excerpt(root.getClass().getSimpleName() + message));
    }

    private static String setting(CamelContext context, String key) {
        return context.getPropertiesComponent().resolveProperty(key).orElse("5000");
    }
}
