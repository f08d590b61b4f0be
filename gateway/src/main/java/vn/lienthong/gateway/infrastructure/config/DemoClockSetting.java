package vn.lienthong.gateway.infrastructure.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.lienthong.gateway.application.DemoClock;
import vn.lienthong.gateway.application.DemoClockOffException;

/** The demo clock over the gateway's one {@link OffsetClock}, which {@link DomainProducers} hands to every reader. */
@ApplicationScoped
public class DemoClockSetting implements DemoClock {

    private static final Logger LOG = Logger.getLogger(DemoClockSetting.class.getName());

    private final OffsetClock clock = new OffsetClock(Clock.systemUTC());

    @Inject
    DemoMode demo;

    /** The gateway's clock (public: called through the CDI proxy). */
    public OffsetClock clock() {
        return clock;
    }

    @Override
    public boolean available() {
        return demo.demoClock();
    }

    @Override
    public Duration offset() {
        return clock.offset();
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public void moveForward(Duration offset) {
        requireDemo();
        if (offset.isNegative()) {
            throw new IllegalArgumentException("The demo clock only moves forward from real time, not by " + offset);
        }
        clock.offsetBy(offset);
        LOG.warning(() -> "DEMO clock: now " + offset + " ahead of real time (" + clock.instant() + ")");
    }

    @Override
    public void reset() {
        requireDemo();
        clock.offsetBy(Duration.ZERO);
        LOG.warning("DEMO clock: back to real time");
    }

    private void requireDemo() {
        if (!available()) {
            throw new DemoClockOffException();
        }
    }
}
