package vn.lienthong.gateway.domain.procedure;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;

import vn.lienthong.gateway.domain.calendar.WorkingCalendar;

/**
 * How long a procedure may take by law: working days (1.5 allowed), working hours, or "within
 * the day" (trong ngày) for procedures settled on the day of receipt.
 */
public record ProcessingTime(BigDecimal value, Unit unit) {

    /** The unit a legal processing time is stated in. */
    public enum Unit {
        WORKING_DAYS,
        WORKING_HOURS,
        SAME_DAY
    }

    public ProcessingTime {
        if (unit == null) {
            throw new IllegalArgumentException("Processing time needs a unit");
        }
        if (value == null) {
            value = BigDecimal.ZERO;
        }
        if (value.signum() < 0) {
            throw new IllegalArgumentException("Processing time must not be negative: " + value);
        }
        if (unit != Unit.SAME_DAY && value.signum() == 0) {
            throw new IllegalArgumentException("Processing time in " + unit + " must be positive");
        }
    }

    public static ProcessingTime workingDays(String days) {
        return new ProcessingTime(new BigDecimal(days), Unit.WORKING_DAYS);
    }

    public static ProcessingTime workingHours(String hours) {
        return new ProcessingTime(new BigDecimal(hours), Unit.WORKING_HOURS);
    }

    /** Working time this stands for, given the office's length of a working day (8 h by default). */
    public Duration workingTime(Duration workingDay) {
        return switch (unit) {
            case WORKING_DAYS -> minutes(value.multiply(BigDecimal.valueOf(workingDay.toMinutes())));
            case WORKING_HOURS -> minutes(value.multiply(BigDecimal.valueOf(60)));
            case SAME_DAY -> Duration.ZERO;
        };
    }

    /** The appointment date (ngày hẹn trả) for a dossier received at {@code receivedAt}. */
    public OffsetDateTime dueAt(WorkingCalendar calendar, OffsetDateTime receivedAt) {
        if (unit == Unit.SAME_DAY) {
            return calendar.closeOfCountingDay(receivedAt);
        }
        return calendar.dueAt(receivedAt, workingTime(calendar.officeHours().workingDay()));
    }

    private static Duration minutes(BigDecimal minutes) {
        return Duration.ofSeconds(minutes.multiply(BigDecimal.valueOf(60)).longValueExact());
    }
}
