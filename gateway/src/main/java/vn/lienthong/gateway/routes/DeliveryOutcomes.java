package vn.lienthong.gateway.routes;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

import org.apache.camel.Exchange;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.lienthong.gateway.application.AgencyDeliveries;
import vn.lienthong.gateway.domain.exchange.AgencyMessage;
import vn.lienthong.gateway.domain.exchange.AgencyResult;
import vn.lienthong.gateway.domain.exchange.Connector;
import vn.lienthong.gateway.domain.exchange.ConnectorDirectory;
import vn.lienthong.gateway.infrastructure.agency.AgencyAddresses;

/** Between the delivery routes and the agency deliveries use case: claims work and reports each outcome. */
@ApplicationScoped
public class DeliveryOutcomes {

    /** Exchange property holding the AgencyMessage being delivered. */
    public static final String MESSAGE = "lienthongAgencyMessage";
    private static final Logger LOG = Logger.getLogger(DeliveryOutcomes.class.getName());

    @Inject
    AgencyDeliveries deliveries;

    @Inject
    ConnectorDirectory connectors;

    @Inject
    AgencyAddresses addresses;

    @Inject
    @ConfigProperty(name = "lienthong.outbox.batch-size", defaultValue = "200")
    int batchSize;

    @Inject
    @ConfigProperty(name = "lienthong.outbox.lease-seconds", defaultValue = "120")
    long leaseSeconds;

    @Inject
    @ConfigProperty(name = "lienthong.outbox.circuit-open-wait-ms", defaultValue = "2000")
    long circuitOpenWaitMs;

    /**
     * Due messages of enabled connectors; messages for a switched-off agency wait. What a stopped or
     * killed gateway left in flight is claimed again when its lease runs out, by whichever gateway on
     * the database polls first: nothing is handed back at start, since another gateway may hold it.
     * The poller and the after-commit nudge take turns, so that they do not race for the same rows.
     */
    public synchronized List<AgencyMessage> claim() {
        Set<String> enabled = connectors.all().stream().filter(Connector::enabled).map(Connector::id)
                .collect(Collectors.toSet());
        List<AgencyMessage> claimed = deliveries.claimDue(batchSize, Duration.ofSeconds(leaseSeconds));
        claimed.stream().filter(m -> !enabled.contains(m.agencyId())).forEach(m -> deliveries.postpone(
                m.messageId(), Duration.ofMinutes(5), "Kết nối " + m.agencyId() + " đang tắt / connector disabled"));
        // Right after a restart the sandbox's address is not known until the first request arrives:
        // those messages wait, without spending an attempt or tripping the agency's circuit.
        claimed.stream().filter(m -> enabled.contains(m.agencyId()) && !addresses.addressable(m.agencyId()))
                .forEach(m -> deliveries.postpone(m.messageId(), Duration.ofMillis(circuitOpenWaitMs),
                        "Chưa biết địa chỉ sandbox / sandbox address not known yet"));
        return claimed.stream().filter(m -> enabled.contains(m.agencyId()) && addresses.addressable(m.agencyId())).toList();
    }

    public void answered(Exchange exchange) {
        deliveries.answered(message(exchange).messageId(), exchange.getMessage().getBody(AgencyResult.class));
    }

    public void transientFailure(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (cause instanceof CallNotPermittedException) {
            circuitOpen(exchange);
            return;
        }
        AgencyMessage m = message(exchange);
        String reason = AgencyFailures.describe(cause);
        LOG.warning(() -> "Agency " + m.agencyId() + " unavailable for message " + m.messageId() + ", retrying later: "
                + abbreviate(reason));
        deliveries.retryLater(m.messageId(), reason);
    }

    /**
     * Anything else (the database refusing to record an answer, a bug): the message goes back to the
     * outbox with backoff rather than sitting on its claim until the lease runs out. Sending it
     * again is safe: the agency de-duplicates by message id.
     */
    public void unexpectedFailure(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        AgencyMessage m = message(exchange);
        String reason = "Lỗi nội bộ / internal error: " + AgencyFailures.describe(cause);
        LOG.log(Level.WARNING, cause, () -> "Message " + m.messageId() + " to " + m.agencyId()
                + " goes back to the outbox: " + abbreviate(reason));
        deliveries.retryLater(m.messageId(), reason);
    }

    public void permanentFailure(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        AgencyMessage m = message(exchange);
        LOG.warning(() -> "Agency " + m.agencyId() + " refused message " + m.messageId() + " for good: "
                + abbreviate(cause.getMessage()));
        deliveries.failed(m.messageId(), cause.getMessage());
    }

    /** Agency replies can be long HTML pages; a log line keeps their start. */
    private static String abbreviate(String text) {
        return text == null || text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    public void circuitOpen(Exchange exchange) {
        AgencyMessage m = message(exchange);
        deliveries.postpone(m.messageId(), Duration.ofMillis(circuitOpenWaitMs),
                "Mạch ngắt của " + m.agencyId() + " đang mở / circuit open");
    }

    private static AgencyMessage message(Exchange exchange) {
        return exchange.getProperty(MESSAGE, AgencyMessage.class);
    }
}
