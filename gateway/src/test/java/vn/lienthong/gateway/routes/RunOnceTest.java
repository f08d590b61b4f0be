package vn.lienthong.gateway.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import vn.lienthong.gateway.infrastructure.persistence.JdbcRunOnceLeases;
import vn.lienthong.gateway.infrastructure.persistence.TestDatabase;

/**
 * Two nodes on one database: never both hold the run-once lease, and when the holder stops renewing
 * the other takes it within lease + renew interval, the bound docs/cluster.md states.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class RunOnceTest {

    static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");
    static final Duration LEASE = Duration.ofSeconds(20);
    static final Duration RENEW = Duration.ofSeconds(5);
    static final Duration STEP = Duration.ofMillis(250);

    @Parameter
    TestDatabase engine;

    private final MovableClock clock = new MovableClock(T0);
    private JdbcRunOnceLeases leases;
    private RunOnce a;
    private RunOnce b;

    @BeforeEach
    void twoNodes() {
        DataSource db = engine.fresh();
        leases = new JdbcRunOnceLeases(db);
        a = new RunOnce(leases, LEASE, clock, "node-a");
        b = new RunOnce(leases, LEASE, clock, "node-b");
    }

    @Test
    void theFirstToAskHoldsAndTheOtherWaitsWhileItRenews() {
        a.renew();
        // b renews half a period later, as two nodes' timers do; a keeps renewing for two minutes.
        Instant bNext = T0.plus(RENEW.dividedBy(2));
        Instant aNext = T0.plus(RENEW);
        for (Instant t = T0; t.isBefore(T0.plusSeconds(120)); t = t.plus(STEP)) {
            clock.at(t);
            if (!t.isBefore(aNext)) {
                a.renew();
                aNext = aNext.plus(RENEW);
            }
            if (!t.isBefore(bNext)) {
                b.renew();
                bNext = bNext.plus(RENEW);
            }
            assertTrue(a.holds(), "the renewing holder keeps the lease at " + t);
            assertFalse(b.holds(), "the other node never holds it too at " + t);
        }
        assertEquals("node-a", leases.find(RunOnce.LEASE).orElseThrow().holder());
    }

    @Test
    void whenTheHolderStopsRenewingTheOtherTakesOverWithinLeasePlusRenewAndNeverBefore() {
        a.renew();
        Instant lastRenewal = T0.plusSeconds(30);
        Instant aNext = T0.plus(RENEW);
        Instant bNext = T0.plusMillis(1_750);
        Instant takenAt = null;
        for (Instant t = T0; takenAt == null && t.isBefore(T0.plusSeconds(300)); t = t.plus(STEP)) {
            clock.at(t);
            if (!t.isBefore(aNext) && !t.isAfter(lastRenewal)) {
                a.renew();
                aNext = aNext.plus(RENEW);
            }
            if (!t.isBefore(bNext)) {
                b.renew();
                bNext = bNext.plus(RENEW);
            }
            assertFalse(a.holds() && b.holds(), "two holders at " + t);
            if (b.holds()) {
                takenAt = t;
            }
        }
        assertTrue(takenAt != null, "the other node took the lease");
        assertTrue(takenAt.isAfter(lastRenewal.plus(LEASE)), "not before the dead holder's lease ran out: " + takenAt);
        assertTrue(!takenAt.isAfter(lastRenewal.plus(LEASE).plus(RENEW)), "within lease + renew: " + takenAt);
        assertFalse(a.holds(), "the old holder knows its lease ran out");
        a.renew();
        assertFalse(a.holds(), "the old holder, back, does not take it back while b renews");
        assertEquals("node-b", leases.find(RunOnce.LEASE).orElseThrow().holder());
    }

    @Test
    void aReleasedLeaseIsTakenAtTheOtherNodesNextTry() {
        a.renew();
        clock.at(T0.plusSeconds(1));
        a.release();
        assertFalse(a.holds());
        b.renew();
        assertTrue(b.holds());
    }

    @Test
    void ofManyNodesAskingAtOnceForAFreeLeaseExactlyOneGetsIt() throws Exception {
        int nodes = 8;
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            for (int round = 0; round < 20; round++) {
                Instant now = T0.plus(LEASE.multipliedBy(2L * round));
                CyclicBarrier start = new CyclicBarrier(nodes);
                List<Future<Boolean>> asks = new ArrayList<>();
                for (int n = 0; n < nodes; n++) {
                    String holder = "node-" + round + "-" + n;
                    Callable<Boolean> ask = () -> {
                        start.await();
                        return leases.hold(RunOnce.LEASE, holder, now.atOffset(ZoneOffset.UTC),
                                now.plus(LEASE).atOffset(ZoneOffset.UTC));
                    };
                    asks.add(pool.submit(ask));
                }
                int holders = 0;
                for (Future<Boolean> f : asks) {
                    holders += f.get() ? 1 : 0;
                }
                assertEquals(1, holders, "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void at(Instant t) {
            now = t;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
