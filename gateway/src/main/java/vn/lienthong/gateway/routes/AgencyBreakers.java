package vn.lienthong.gateway.routes;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * One resilience4j circuit breaker per agency, used by the Circuit Breaker EIP of its delivery
 * route and tuned by {@code lienthong.agency.<id>.circuit-*} (else {@code lienthong.circuit.*}).
 * Only transient failures count against an agency: a refusal (4xx, soap:Client) means it is up.
 * While a circuit is open, deliveries fail at once with CallNotPermittedException and the
 * message waits in the outbox. The state and each opening are metrics, per agency.
 */
@ApplicationScoped
public class AgencyBreakers {

    /** Gauge: 0 closed, 1 open, 2 half open (resilience4j's state order). */
    public static final String STATE_METRIC = "lienthong_agency_circuit_state";
    /** Counter: how often the agency's circuit opened. */
    public static final String OPENED_METRIC = "lienthong_agency_circuit_opened";
    private static final Metadata STATE = Metadata.builder().withName(STATE_METRIC)
            .withDescription("State of the agency's circuit breaker: 0 closed, 1 open, 2 half open").build();
    private static final Metadata OPENED = Metadata.builder().withName(OPENED_METRIC)
            .withDescription("How often the agency's circuit breaker opened since start").build();
    private static final Logger LOG = Logger.getLogger(AgencyBreakers.class.getName());

    /** Absent in route tests, which run without a container. */
    @Inject
    MetricRegistry metrics;

    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    /**
     * The agency's breaker, created on first use from the context's properties and bound in its
     * registry; returns the registry name the Circuit Breaker EIP refers to.
     */
    public String bind(CamelContext camel, String agencyId) {
        CircuitBreaker breaker = breakers.computeIfAbsent(agencyId, id -> create(camel.getPropertiesComponent(), id));
        String name = "circuit-breaker-" + agencyId;
        camel.getRegistry().bind(name, breaker);
        return name;
    }

    /** The agency's breaker state (CLOSED, OPEN, HALF_OPEN, ...), absent before its delivery route bound one. */
    public Optional<String> state(String agencyId) {
        return Optional.ofNullable(breakers.get(agencyId)).map(b -> b.getState().name());
    }

    private CircuitBreaker create(PropertiesComponent properties, String agencyId) {
        int window = Integer.parseInt(setting(properties, agencyId, "window", "4"));
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(window)
                .minimumNumberOfCalls(window)
                .failureRateThreshold(Float.parseFloat(setting(properties, agencyId, "failure-rate", "75")))
                .waitDurationInOpenState(Duration.ofMillis(Long.parseLong(setting(properties, agencyId, "open-ms", "3000"))))
                .permittedNumberOfCallsInHalfOpenState(Integer.parseInt(setting(properties, agencyId, "half-open-calls", "1")))
                .recordException(TransientAgencyException.class::isInstance)
                .writableStackTraceEnabled(false)
                .build();
        CircuitBreaker breaker = CircuitBreaker.of(agencyId, config);
        breaker.getEventPublisher().onStateTransition(e -> LOG.info(() -> "Circuit of agency " + agencyId + ": "
                + e.getStateTransition().getFromState() + " → " + e.getStateTransition().getToState()));
        if (metrics != null) {
            Tag agency = new Tag("agency", agencyId);
            metrics.gauge(STATE, () -> breaker.getState().getOrder(), agency);
            var opened = metrics.counter(OPENED, agency);
            breaker.getEventPublisher().onStateTransition(e -> {
                if (e.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                    opened.inc();
                }
            });
        }
        return breaker;
    }

    private static String setting(PropertiesComponent properties, String agencyId, String name, String fallback) {
        return properties.resolveProperty("lienthong.agency." + agencyId + ".circuit-" + name)
                .or(() -> properties.resolveProperty("lienthong.circuit." + name))
                .orElse(fallback);
    }
}
