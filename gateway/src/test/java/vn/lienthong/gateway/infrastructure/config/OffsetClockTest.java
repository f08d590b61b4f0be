package vn.lienthong.gateway.infrastructure.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class OffsetClockTest {

    private static final Instant REAL = Instant.parse("2026-12-07T03:00:00Z");

    @Test
    void readsTheBaseClockPlusTheOffsetAndBackToItOnReset() {
        OffsetClock clock = new OffsetClock(Clock.fixed(REAL, ZoneOffset.UTC));
        assertEquals(REAL, clock.instant());
        clock.offsetBy(Duration.ofDays(3));
        assertEquals(REAL.plus(Duration.ofDays(3)), clock.instant());
        assertEquals(OffsetDateTime.parse("2026-12-10T03:00:00Z"), OffsetDateTime.now(clock));
        clock.offsetBy(Duration.ofHours(1));
        assertEquals(REAL.plus(Duration.ofHours(1)), clock.instant(), "an offset replaces, it does not add up");
        clock.offsetBy(Duration.ZERO);
        assertEquals(REAL, clock.instant());
    }

    @Test
    void aCopyInAnotherZoneMovesWithIt() {
        OffsetClock clock = new OffsetClock(Clock.fixed(REAL, ZoneOffset.UTC));
        Clock hanoi = clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh"));
        clock.offsetBy(Duration.ofDays(1));
        assertEquals(REAL.plus(Duration.ofDays(1)), hanoi.instant());
        assertEquals(ZoneId.of("Asia/Ho_Chi_Minh"), hanoi.getZone());
        assertEquals(clock, clock.withZone(ZoneOffset.UTC));
    }
}
