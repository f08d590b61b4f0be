package vn.lienthong.gateway.infrastructure.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock some duration ahead of another (the system clock): the gateway's one {@link Clock}, so
 * that the demo clock moves every reader at once. Copies in another zone share the offset.
 */
public final class OffsetClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    public OffsetClock(Clock base) {
        this(base, new AtomicReference<>(Duration.ZERO));
    }

    private OffsetClock(Clock base, AtomicReference<Duration> offset) {
        this.base = Objects.requireNonNull(base, "base");
        this.offset = offset;
    }

    /** How far ahead of the base clock this one is. */
    public Duration offset() {
        return offset.get();
    }

    /** From now on, {@code ahead} ahead of the base clock (zero: the base clock's time). */
    public void offsetBy(Duration ahead) {
        offset.set(Objects.requireNonNull(ahead, "ahead"));
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(getZone()) ? this : new OffsetClock(base.withZone(zone), offset);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OffsetClock o && o.base.equals(base) && o.offset == offset;
    }

    @Override
    public int hashCode() {
        return base.hashCode();
    }

    @Override
    public String toString() {
        return "OffsetClock[" + base + " + " + offset.get() + "]";
    }
}
