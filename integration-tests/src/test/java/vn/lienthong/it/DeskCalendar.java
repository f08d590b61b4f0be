package vn.lienthong.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;

/**
 * The shared gateway's working calendar and demo clock as the browser tests of the desk drive them:
 * days off by name from {@code GET /api/v1/calendar/{year}}, and the clock moved forward by an admin
 * ({@code PUT /api/v1/admin/demo-clock}), put back with {@link #reset()} after each test.
 */
final class DeskCalendar {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String CLOCK = "api/v1/admin/demo-clock";

    private final GatewayHttp admin;

    /** admin: the gateway called with an admin's token. */
    DeskCalendar(GatewayHttp admin) {
        this.admin = admin;
    }

    /** The first day of the next Tết holiday at least two weeks away. */
    LocalDate nextTet() {
        return nextDayOff(d -> d.getString("name").contains("Tết Nguyên đán"), true);
    }

    /**
     * The first day off at least two weeks away that matches and, when {@code firstOfItsHoliday},
     * has no day off of the same name just before it.
     */
    LocalDate nextDayOff(Predicate<JsonObject> matching, boolean firstOfItsHoliday) {
        LocalDate today = LocalDate.now(VIETNAM);
        for (int year = today.getYear(); year <= today.getYear() + 2; year++) {
            List<JsonObject> days = yearDaysOff(year).stream().filter(matching).toList();
            Set<LocalDate> dates = days.stream().map(d -> LocalDate.parse(d.getString("date"))).collect(Collectors.toSet());
            LocalDate first = dates.stream().filter(d -> d.isAfter(today.plusDays(14)))
                    .filter(d -> !firstOfItsHoliday || !dates.contains(d.minusDays(1))).sorted().findFirst().orElse(null);
            if (first != null) {
                return first;
            }
        }
        throw new AssertionError("No such day off in the gateway's calendar for the next two years");
    }

    /** A year's days off, optionally only those whose name contains {@code named}. */
    List<LocalDate> daysOff(int year, String named) {
        return yearDaysOff(year).stream().filter(d -> named == null || d.getString("name").contains(named))
                .map(d -> LocalDate.parse(d.getString("date"))).sorted().toList();
    }

    private List<JsonObject> yearDaysOff(int year) {
        GatewayHttp.Reply reply = admin.get("api/v1/calendar/" + year);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getJsonArray("daysOff").getValuesAs(JsonObject.class);
    }

    /** The last working day on or before day (no weekend, no day off). */
    LocalDate workingDayBefore(LocalDate day) {
        Set<LocalDate> off = Set.copyOf(daysOff(day.getYear(), null));
        LocalDate d = day;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY || off.contains(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** The gateway's clock put at that moment (the demo clock only moves forward from real time). */
    void moveClockTo(Instant moment) {
        Duration ahead = Duration.between(Instant.now(), moment);
        assertFalse(ahead.isNegative(), "the demo clock moves forward only: " + moment);
        GatewayHttp.Reply moved = admin.put(CLOCK, "{\"offset\": \"" + Duration.ofSeconds(ahead.getSeconds()) + "\"}");
        assertEquals(200, moved.status(), moved::toString);
    }

    /** The gateway back on real time. */
    void reset() {
        GatewayHttp.Reply reset = admin.delete(CLOCK);
        assertEquals(200, reset.status(), reset::toString);
    }
}
