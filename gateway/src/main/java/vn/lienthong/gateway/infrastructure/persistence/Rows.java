package vn.lienthong.gateway.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

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

    /** Reads the row a result set stands on. */
    @FunctionalInterface
    interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /**
     * The rows of {@code sql} (which ends in {@code LIMIT ?}) with its one optional parameter
     * (none when null) and the limit bound, each read by reader; a failure says it could not
     * {@code what}.
     */
    static <T> List<T> list(DataSource dataSource, String sql, Object param, int limit, Reader<T> reader, String what) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (param != null) {
                ps.setObject(i++, param);
            }
            ps.setInt(i, limit);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    static StorageException failure(String what, SQLException e) {
        return new StorageException("Cannot " + what + ": " + e.getMessage(), e);
    }
}
