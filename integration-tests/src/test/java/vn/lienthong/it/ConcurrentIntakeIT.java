package vn.lienthong.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Fifty desks submit at the same moment: fifty distinct codes, one gap-free run of the agency's daily sequence. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConcurrentIntakeIT {

    private static final String AGENCY = "000.20.20.H30";
    private static final int DESKS = 50;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.gatewayWar();
    }

    @ArquillianResource
    URL base;

    @Test
    void fiftySimultaneousSubmissionsGetFiftyConsecutiveCodes()
            throws InterruptedException, ExecutionException, TimeoutException {
        GatewayHttp http = new GatewayHttp(URI.create(base.toString()))
                .as(DemoTokens.ofArquillian().token(DemoTokens.DESK_OFFICER, AGENCY));
        CountDownLatch ready = new CountDownLatch(DESKS);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService desks = Executors.newFixedThreadPool(DESKS);
        List<Future<GatewayHttp.Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < DESKS; i++) {
                String citizenId = String.format("0011900%05d", i);
                replies.add(desks.submit(() -> {
                    ready.countDown();
                    go.await();
                    return http.post("api/v1/dossiers", GatewayHttp.submission("2.000815", AGENCY, citizenId));
                }));
            }
            ready.await(30, TimeUnit.SECONDS);
            go.countDown();
            Set<String> codes = new TreeSet<>();
            Set<Integer> sequences = new TreeSet<>();
            for (Future<GatewayHttp.Reply> f : replies) {
                GatewayHttp.Reply r = f.get(120, TimeUnit.SECONDS);
                assertEquals(201, r.status(), r::toString);
                String code = r.json().getString("code");
                codes.add(code);
                sequences.add(Integer.parseInt(code.substring(code.lastIndexOf('-') + 1)));
            }
            assertEquals(DESKS, codes.size(), "duplicate codes: " + codes);
            int first = sequences.iterator().next();
            int last = ((TreeSet<Integer>) sequences).last();
            assertEquals(DESKS - 1, last - first, "gaps in " + sequences);
            // Nothing else was stored: the agency's listing holds exactly these.
            assertEquals(DESKS, http.get("api/v1/dossiers?agency=" + AGENCY + "&size=1").json().getInt("total"));
        } finally {
            desks.shutdownNow();
        }
    }
}
