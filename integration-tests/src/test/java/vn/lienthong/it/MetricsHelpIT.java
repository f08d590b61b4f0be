package vn.lienthong.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every {@code lienthong_*} metric on {@code /metrics} (Prometheus text) says what it counts. */
@ExtendWith(SharedGateway.class)
class MetricsHelpIT {

    private static final String UNIT = "000.00.20.H30";

    /** The metrics the gateway registers; a new one without help text fails here, a missing one too. */
    private static final Set<String> OURS = Set.of("lienthong_dossiers_received", "lienthong_dossiers_overdue",
            "lienthong_agency_exchanges");

    private final SharedGateway.Server gateway;

    MetricsHelpIT(SharedGateway.Server gateway) {
        this.gateway = gateway;
    }

    @Test
    void everyLienThongMetricHasHelpText() {
        // The birth group (3.000722) goes to residence and social insurance: the exchange counter moves too.
        GatewayHttp officer = gateway.http().as(gateway.tokens().token(DemoTokens.DESK_OFFICER, UNIT));
        assertEquals(201, officer.post("api/v1/dossiers", GatewayHttp.submission("3.000722", UNIT, "001190140001")).status());
        await().atMost(Duration.ofSeconds(60)).until(() -> families(metrics()).keySet().containsAll(OURS));

        String text = metrics();
        Map<String, String> help = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("# HELP lienthong_")) {
                String[] parts = line.substring("# HELP ".length()).split(" ", 2);
                help.put(parts[0], parts.length > 1 ? parts[1].strip() : "");
            }
        }
        List<String> without = new ArrayList<>();
        for (String sample : families(text).values().stream().flatMap(Set::stream).toList()) {
            String helpText = help.get(sample);
            if (helpText == null || helpText.isEmpty()) {
                without.add(sample);
            }
        }
        assertTrue(without.isEmpty(), () -> "lienthong_ metrics without # HELP text: " + without + "\n" + text);
    }

    /** Our metric families by base name, each with the sample names it printed (a counter's _total, ...). */
    private static Map<String, Set<String>> families(String text) {
        Map<String, Set<String>> families = new HashMap<>();
        for (String line : text.split("\n")) {
            if (!line.startsWith("lienthong_")) {
                continue;
            }
            String sample = line.split("[{ ]", 2)[0];
            String family = OURS.stream().filter(sample::startsWith).findFirst().orElse(sample);
            families.computeIfAbsent(family, f -> new TreeSet<>()).add(sample);
        }
        return families;
    }

    private String metrics() {
        GatewayHttp root = gateway.http().serverRoot();
        GatewayHttp.Reply reply = root.send(HttpRequest.newBuilder(root.resolve("metrics")).header("Accept", "text/plain").GET());
        assertEquals(200, reply.status(), reply::toString);
        return reply.body();
    }
}
