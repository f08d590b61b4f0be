package vn.lienthong.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Fifty desks submit at the same moment: fifty distinct codes, one gap-free run of the agency's daily sequence. */
@ExtendWith(SharedGateway.class)
class ConcurrentIntakeIT {

    private static final String AGENCY = "000.20.20.H30";
    private static final int DESKS = 50;

    @Test
    void fiftySimultaneousSubmissionsGetFiftyConsecutiveCodes(SharedGateway.Server gateway)
            throws InterruptedException, ExecutionException, TimeoutException {
        GatewayHttp http = gateway.http().as(gateway.tokens().token(DemoTokens.DESK_OFFICER, AGENCY));
        // Other classes may have stored dossiers of this agency on the shared gateway: count from here.
        int storedBefore = total(http);
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
            // Nothing else was stored: the agency's listing grew by exactly these.
            assertEquals(storedBefore + DESKS, total(http));
        } finally {
            desks.shutdownNow();
        }
    }

    private static int total(GatewayHttp http) {
        return http.get("api/v1/dossiers?agency=" + AGENCY + "&size=1").json().getInt("total");
    }
}
