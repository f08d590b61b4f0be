package vn.lienthong.gateway.application;

import java.time.Duration;
import java.time.Instant;

/**
 * The demo clock's port: in demo mode an admin moves the gateway's clock forward, so that
 * deadlines, lateness and expiries can be shown without waiting, and back to real time.
 */
public interface DemoClock {

    /** Whether the gateway runs in demo mode; otherwise the clock cannot be moved. */
    boolean available();

    /** How far ahead of real time the gateway's clock is (zero: real time). */
    Duration offset();

    /** The gateway's time, as every injected clock reads it. */
    Instant now();

    /**
     * Puts the clock {@code offset} ahead of real time (not added to the previous offset).
     *
     * @throws DemoClockOffException outside demo mode
     * @throws IllegalArgumentException for a negative offset: the clock only moves forward from real time
     */
    void moveForward(Duration offset);

    /** Back to real time. @throws DemoClockOffException outside demo mode */
    void reset();
}
