package vn.lienthong.gateway.infrastructure.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import vn.lienthong.gateway.domain.StorageException;
import vn.lienthong.gateway.domain.calendar.WorkingCalendar;

/**
 * What the Jdbc classes read and write the same way: times come back in Vietnam's offset whatever
 * the database stored, text is clipped to its column, and a failed statement says what it tried.
 */
final class Rows {

    private Rows() {
    }

    /** A timestamp column in Vietnam's offset, or null. */
    static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return vietnam(rs.getObject(column, OffsetDateTime.class));
    }

    /** A timestamp column, by position, in Vietnam's offset, or null. */
    static OffsetDateTime time(ResultSet rs, int column) throws SQLException {
        return vietnam(rs.getObject(column, OffsetDateTime.class));
    }

    static OffsetDateTime vietnam(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(WorkingCalendar.VIETNAM);
    }

    /** Midnight in Vietnam at the start of {@code day}: where a day's range of timestamps begins. */
    static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay().atOffset(WorkingCalendar.VIETNAM);
    }

    /**
     * A time truncated to microseconds, what H2 and PostgreSQL keep: left to the database, H2 rounds
     * nanoseconds up, and a row written "now" would not be due now.
     */
    static OffsetDateTime micros(OffsetDateTime t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    /** At most {@code max} characters, what the column holds; null stays null. */
    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    static StorageException failure(String what, SQLException e) {
        return new StorageException("Cannot " + what + ": " + e.getMessage(), e);
    }
}
