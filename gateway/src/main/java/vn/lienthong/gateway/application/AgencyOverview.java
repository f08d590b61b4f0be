package vn.lienthong.gateway.application;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.lienthong.gateway.domain.exchange.AgencyQueues;
import vn.lienthong.gateway.domain.exchange.Connector;
import vn.lienthong.gateway.domain.exchange.ConnectorDirectory;
import vn.lienthong.gateway.domain.exchange.UnknownExchangeException;

/**
 * The administrator's view of the configured agencies: health from the circuit breaker, the
 * outbox's queue and last error, and a test call.
 */
@ApplicationScoped
public class AgencyOverview {

    @Inject
    ConnectorDirectory connectors;

    @Inject
    AgencyQueues queues;

    @Inject
    AgencyLinks links;

    /**
     * How one agency stands. Health: DISABLED when switched off, UNREACHABLE while its circuit is
     * open, RECOVERING while half open, else REACHABLE (its recent calls mostly succeeded).
     */
    public record AgencyStatus(String id, String name, String agencyCode, boolean enabled, String health,
                               String breaker, int pending, int inFlight, String lastError, OffsetDateTime lastErrorAt) {
    }

    /** Every configured agency, in configuration order. */
    public List<AgencyStatus> list() {
        Map<String, AgencyQueues.Depth> depths = queues.all().stream()
                .collect(Collectors.toMap(AgencyQueues.Depth::agencyId, Function.identity()));
        return connectors.all().stream().map(c -> status(c, depths.getOrDefault(c.id(), AgencyQueues.Depth.empty(c.id()))))
                .toList();
    }

    /** A test call to a configured agency; 404 for an unknown one. */
    public AgencyLinks.TestCall test(String agencyId) {
        Connector c = connectors.byId(agencyId).orElseThrow(() -> new UnknownExchangeException(
                "Không có cơ quan " + agencyId, "No agency " + agencyId));
        return links.test(c.id());
    }

    private AgencyStatus status(Connector c, AgencyQueues.Depth depth) {
        String breaker = links.breakerState(c.id());
        String health = !c.enabled() ? "DISABLED" : switch (breaker) {
            case "OPEN", "FORCED_OPEN" -> "UNREACHABLE";
            case "HALF_OPEN" -> "RECOVERING";
            default -> "REACHABLE";
        };
        return new AgencyStatus(c.id(), c.name(), c.agencyCode(), c.enabled(), health, breaker, depth.pending(),
                depth.inFlight(), depth.lastError(), depth.lastErrorAt());
    }
}
