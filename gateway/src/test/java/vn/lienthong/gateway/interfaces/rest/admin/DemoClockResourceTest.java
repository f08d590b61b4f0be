package vn.lienthong.gateway.interfaces.rest.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.application.DemoClock;
import vn.lienthong.gateway.application.DemoClockOffException;
import vn.lienthong.gateway.domain.dossier.InvalidDossierException;

class DemoClockResourceTest {

    private static final Instant REAL = Instant.parse("2026-12-07T03:00:00Z");

    /** A demo clock in memory: available or not, and its offset. */
    private static final class ClockInMemory implements DemoClock {
        private final boolean available;
        private Duration offset = Duration.ZERO;

        ClockInMemory(boolean available) {
            this.available = available;
        }

        @Override
        public boolean available() {
            return available;
        }

        @Override
        public Duration offset() {
            return offset;
        }

        @Override
        public Instant now() {
            return REAL.plus(offset);
        }

        @Override
        public void moveForward(Duration ahead) {
            offset = ahead;
        }

        @Override
        public void reset() {
            offset = Duration.ZERO;
        }
    }

    private static DemoClockResource resource(DemoClock clock) {
        DemoClockResource resource = new DemoClockResource();
        resource.clock = clock;
        return resource;
    }

    @Test
    void outsideDemoModeEveryCallIsNotFoundAndTheClockStaysPut() {
        ClockInMemory clock = new ClockInMemory(false);
        DemoClockResource resource = resource(clock);
        assertThrows(DemoClockOffException.class, resource::read);
        assertThrows(DemoClockOffException.class, () -> resource.move(new DemoClockResource.ClockOffset("P3D")));
        assertThrows(DemoClockOffException.class, resource::reset);
        assertEquals(Duration.ZERO, clock.offset());
    }

    @Test
    void inDemoModeItMovesTheClockAndPutsItBack() {
        DemoClockResource resource = resource(new ClockInMemory(true));
        DemoClockResource.ClockView moved = resource.move(new DemoClockResource.ClockOffset(" P3D "));
        assertEquals("PT72H", moved.offset());
        assertEquals(REAL.plus(Duration.ofDays(3)), moved.now());
        assertEquals("PT72H", resource.read().offset());
        assertEquals(new DemoClockResource.ClockView("PT0S", REAL), resource.reset());
    }

    @Test
    void onlyANonNegativeIsoDurationIsAnOffset() {
        assertEquals(Duration.ofHours(36), DemoClockResource.offset("PT36H"));
        for (String wrong : new String[] {"-P1D", "3 days", "", null, "P1M"}) {
            InvalidDossierException e = assertThrows(InvalidDossierException.class, () -> DemoClockResource.offset(wrong));
            assertEquals("offset", e.field());
        }
        assertThrows(InvalidDossierException.class, () -> resource(new ClockInMemory(true)).move(null));
    }
}
