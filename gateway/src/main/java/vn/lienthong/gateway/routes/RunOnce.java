package vn.lienthong.gateway.routes;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.lienthong.gateway.domain.StorageException;
import vn.lienthong.gateway.infrastructure.persistence.JdbcRunOnceLeases;

/**
 * Whether this node is the one that does the cluster's run-once work (message-log sealing and purge,
 * the overdue watch): it holds the lease row {@value #LEASE} in the shared database. Every node tries
 * to take or renew the lease every renew interval; the holder stops believing it holds when its own
 * lease runs out, before any other node can take it. So two nodes never both hold it, and when the
 * holder dies another takes it within lease + renew interval (docs/cluster.md).
 *
 * <p>Times are the machine's clock, never the demo clock: a lease is about real seconds between nodes.
 */
@ApplicationScoped
public class RunOnce {

    /** The lease the gateway's run-once routes share. */
    static final String LEASE = "gateway-run-once";

    private static final Logger LOG = Logger.getLogger(RunOnce.class.getName());

    @Inject
    JdbcRunOnceLeases leases;

    @Inject
    @ConfigProperty(name = "lienthong.run-once.lease-seconds", defaultValue = "20")
    long leaseSeconds;

    private Clock clock = Clock.systemUTC();
    private String holder;
    private volatile Instant heldUntil;
    private volatile boolean failing;

    /** For CDI. */
    public RunOnce() {
    }

    /** For tests: a node named {@code holder} on these leases and this clock. */
    RunOnce(JdbcRunOnceLeases leases, Duration lease, Clock clock, String holder) {
        this.leases = leases;
        this.leaseSeconds = lease.toSeconds();
        this.clock = clock;
        this.holder = holder;
    }

    @PostConstruct
    void name() {
        // Host and process, to find the node in logs; the random part tells a restarted process apart.
        holder = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Takes or renews the lease; called every renew interval by the run-once-lease route on every node. */
    public void renew() {
        Instant now = clock.instant();
        Instant until = now.plusSeconds(leaseSeconds);
        boolean held;
        try {
            held = leases.hold(LEASE, holder, at(now), at(until));
        } catch (StorageException e) {
            // Database down: keep what we hold until it runs out on its own, and say so once.
            if (!failing) {
                LOG.warning(() -> "Cannot renew the run-once lease: " + e.getMessage());
            }
            failing = true;
            return;
        }
        failing = false;
        boolean before = holds(now);
        heldUntil = held ? until : null;
        if (held != before) {
            LOG.info(() -> held ? "This node (" + holder + ") now does the run-once work, lease " + leaseSeconds + " s"
                    : "This node (" + holder + ") no longer does the run-once work");
        }
    }

    /** Whether this node does the run-once work now: its lease has not run out. */
    public boolean holds() {
        return holds(clock.instant());
    }

    private boolean holds(Instant now) {
        Instant until = heldUntil;
        return until != null && now.isBefore(until);
    }

    /** This node's name in the lease row and the logs. */
    public String holder() {
        return holder;
    }

    @PreDestroy
    void release() {
        if (holds()) {
            heldUntil = null;
            leases.release(LEASE, holder, at(clock.instant()));
        }
    }

    private static OffsetDateTime at(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
