package vn.lienthong.gateway.domain.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Vietnam's administrative working calendar: Monday–Friday office sessions, public holidays
 * and swapped Saturdays, and the afternoon cut-off after which a dossier counts from the
 * next working day. Deadlines are counted in working time.
 */
public final class WorkingCalendar {

    /** Vietnam has one time zone and no daylight saving. */
    public static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    /** Bounds the search for a working day, so a misconfigured calendar fails instead of looping. */
    private static final int MAX_DAYS_SEARCHED = 366 * 5;

    private final PublicHolidays holidays;
    private final OfficeHours hours;
    private final LocalTime cutOff;

    public WorkingCalendar(PublicHolidays holidays, OfficeHours hours, LocalTime cutOff) {
        this.holidays = holidays;
        this.hours = hours;
        this.cutOff = cutOff;
    }

    public OfficeHours officeHours() {
        return hours;
    }

    public LocalTime cutOff() {
        return cutOff;
    }

    public PublicHolidays holidays() {
        return holidays;
    }

    public boolean isWorkingDay(LocalDate date) {
        if (holidays.isSwappedWorkingDay(date)) {
            return true;
        }
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !holidays.isDayOff(date);
    }

    public LocalDate nextWorkingDay(LocalDate after) {
        LocalDate day = after.plusDays(1);
        for (int i = 0; i < MAX_DAYS_SEARCHED; i++, day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                return day;
            }
        }
        throw new IllegalStateException("No working day within " + MAX_DAYS_SEARCHED + " days after " + after);
    }

    /**
     * The moment counting starts for a dossier received at {@code receivedAt}: then, if the office
     * is open and it is before the cut-off; otherwise the next opening.
     */
    public OffsetDateTime countingStart(OffsetDateTime receivedAt) {
        LocalDateTime local = toLocal(receivedAt);
        LocalDate day = local.toLocalDate();
        if (isWorkingDay(day) && local.toLocalTime().isBefore(cutOff)) {
            return toOffset(alignForward(local));
        }
        return toOffset(nextWorkingDay(day).atTime(hours.opening()));
    }

    /** The appointment date for a dossier received at {@code receivedAt} that needs {@code workingTime}. */
    public OffsetDateTime dueAt(OffsetDateTime receivedAt, Duration workingTime) {
        return addWorkingTime(countingStart(receivedAt), workingTime);
    }

    /** The close of the counting day: the deadline of a procedure settled "within the day" (trong ngày). */
    public OffsetDateTime closeOfCountingDay(OffsetDateTime receivedAt) {
        LocalDate day = toLocal(countingStart(receivedAt)).toLocalDate();
        return toOffset(day.atTime(hours.closing()));
    }

    /** Adds working time from a moment, without the cut-off rule (for resuming a paused clock). */
    public OffsetDateTime addWorkingTime(OffsetDateTime from, Duration workingTime) {
        if (workingTime.isNegative()) {
            throw new IllegalArgumentException("Working time must not be negative: " + workingTime);
        }
        LocalDateTime cursor = alignForward(toLocal(from));
        Duration remaining = workingTime;
        for (int i = 0; i < MAX_DAYS_SEARCHED * 200; i++) {
            if (remaining.isZero()) {
                return toOffset(cursor);
            }
            LocalDate day = cursor.toLocalDate();
            OfficeHours.Session session = sessionAt(cursor.toLocalTime());
            Duration available = Duration.between(cursor.toLocalTime(), session.end());
            if (remaining.compareTo(available) <= 0) {
                return toOffset(cursor.plus(remaining));
            }
            remaining = remaining.minus(available);
            cursor = alignForward(day.atTime(session.end()));
        }
        throw new IllegalStateException("Working time too long to count: " + workingTime);
    }

    /** Working time between two moments (zero if {@code to} is not after {@code from}). */
    public Duration workingTimeBetween(OffsetDateTime from, OffsetDateTime to) {
        LocalDateTime start = toLocal(from);
        LocalDateTime end = toLocal(to);
        Duration total = Duration.ZERO;
        for (LocalDate day = start.toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (OfficeHours.Session s : hours.sessions()) {
                LocalDateTime sStart = max(day.atTime(s.start()), start);
                LocalDateTime sEnd = min(day.atTime(s.end()), end);
                if (sStart.isBefore(sEnd)) {
                    total = total.plus(Duration.between(sStart, sEnd));
                }
            }
        }
        return total;
    }

    /** Moves a moment to the next instant at which the office is working (itself, if it is). */
    private LocalDateTime alignForward(LocalDateTime moment) {
        LocalDate day = moment.toLocalDate();
        if (isWorkingDay(day)) {
            for (OfficeHours.Session s : hours.sessions()) {
                if (moment.toLocalTime().isBefore(s.end())) {
                    return moment.toLocalTime().isBefore(s.start()) ? day.atTime(s.start()) : moment;
                }
            }
        }
        return nextWorkingDay(day).atTime(hours.opening());
    }

    private OfficeHours.Session sessionAt(LocalTime time) {
        for (OfficeHours.Session s : hours.sessions()) {
            if (!time.isBefore(s.start()) && time.isBefore(s.end())) {
                return s;
            }
        }
        throw new IllegalStateException("Not within office hours: " + time);
    }

    private static LocalDateTime toLocal(OffsetDateTime t) {
        return t.withOffsetSameInstant(VIETNAM).toLocalDateTime();
    }

    private static OffsetDateTime toOffset(LocalDateTime t) {
        return t.atOffset(VIETNAM);
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
