package vn.lienthong.gateway.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

import javax.sql.DataSource;

/**
 * A table of rows worked off under leases, the one implementation behind the agency outbox, the
 * notice outbox and the paper jobs: claims due rows with a lease, counts attempts, retries with
 * backoff, gives up into a dead state, and hands back claims. Expired leases need no sweep: a row
 * whose lease ran out is due again and the next claim takes it.
 *
 * <p>Attempts are counted here and only here: each claim spends one (a worker that dies mid-attempt
 * has spent it too, so a row that kills its worker ends dead instead of looping), and a claim handed
 * back untried gives it back. Claims run outside any caller transaction and commit on their own;
 * the other calls join the caller's transaction when there is one. Every call that ends a claim
 * names it by row id and the version ({@code updated_at}) the claim wrote, so a worker whose lease
 * expired and was taken over changes nothing.
 *
 * <p>On PostgreSQL the claim locks its rows with {@code FOR UPDATE SKIP LOCKED}, so concurrent
 * claimers take different rows without waiting for each other. H2 has no such lock; there each row
 * is claimed by a conditional UPDATE that only the first claimer's version check passes.
 */
final class LeasedQueue {

    /**
     * Where a queue lives. Its table has the columns {@code id}, {@code status}, {@code attempts},
     * {@code next_attempt_at}, {@code last_error} and {@code updated_at}, and a lease column.
     *
     * @param name    the table
     * @param columns the columns a row is read with, for the {@link RowReader}; {@code id} among them
     * @param lease   the column holding until when a claim holds
     * @param pending the state of a row waiting for its next attempt
     * @param claimed the state of a row claimed under a lease
     * @param dead    the state of a row whose attempts are spent
     */
    record Table(String name, String columns, String lease, String pending, String claimed, String dead) {
    }

    /** Reads one row of {@link Table#columns}. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Where a failed attempt went: due again at {@code at}, or given up into the dead state ({@code at} null). */
    record Retry(OffsetDateTime at) {
        boolean givenUp() {
            return at == null;
        }
    }

    private final DataSource dataSource;
    private final Table table;
    private volatile Boolean skipLocked;

    LeasedQueue(DataSource dataSource, Table table) {
        this.dataSource = dataSource;
        this.table = table;
    }

    /**
     * Claims up to {@code limit} rows that are due (pending and due, or claimed past their lease),
     * oldest due first, until {@code leaseUntil}; each claim spends an attempt. Answers the rows as
     * claimed. The claim commits on its own.
     */
    <T> List<T> claim(OffsetDateTime now, OffsetDateTime leaseUntil, int limit, RowReader<T> reader) {
        return claim(null, null, now, leaseUntil, limit, reader);
    }

    /** As {@link #claim(OffsetDateTime, OffsetDateTime, int, RowReader)}, among the rows whose {@code column} equals {@code value}. */
    <T> List<T> claim(String column, Object value, OffsetDateTime now, OffsetDateTime leaseUntil, int limit,
                      RowReader<T> reader) {
        OffsetDateTime at = Rows.micros(now);
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            // One transaction for the whole claim, not one commit per row: on H2 each commit writes a
            // chunk under the store's lock, and row-by-row commits held up every intake.
            c.setAutoCommit(false);
            try {
                List<T> claimed = claim(c, column, value, at, Rows.micros(leaseUntil), limit, reader);
                c.commit();
                return claimed;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw Rows.failure("claim due rows of " + table.name(), e);
        }
    }

    private <T> List<T> claim(Connection c, String column, Object value, OffsetDateTime now, OffsetDateTime leaseUntil,
                              int limit, RowReader<T> reader) throws SQLException {
        List<Long> ids = new ArrayList<>();
        List<String> states = new ArrayList<>();
        List<OffsetDateTime> versions = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(dueSql(column, skipLocked(c)))) {
            int i = 1;
            if (column != null) {
                ps.setObject(i++, value);
            }
            ps.setString(i++, table.pending());
            ps.setString(i++, table.claimed());
            ps.setString(i++, table.pending());
            ps.setObject(i++, now);
            ps.setString(i++, table.claimed());
            ps.setObject(i++, now);
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    states.add(rs.getString(2));
                    versions.add(rs.getObject(3, OffsetDateTime.class));
                }
            }
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        // Conditional on the state and version read: on H2 whoever changes the row first owns it; on
        // PostgreSQL the rows are locked already and the condition always holds.
        String take = "UPDATE " + table.name() + " SET status = ?, " + table.lease() + " = ?, attempts = attempts + 1, "
                + "updated_at = ? WHERE id = ? AND status = ? AND updated_at = ?";
        List<Long> taken = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(take)) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setString(1, table.claimed());
                ps.setObject(2, leaseUntil);
                ps.setObject(3, now);
                ps.setLong(4, ids.get(i));
                ps.setString(5, states.get(i));
                ps.setObject(6, versions.get(i));
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 1) {
                    taken.add(ids.get(i));
                }
            }
        }
        return read(c, taken, reader);
    }

    /**
     * The due rows, oldest due first. The {@code status IN} is implied by the two cases and is there
     * for the index on {@code status}: H2 plans the OR of the two cases alone as a scan of the whole
     * table, done rows included, so every claim read every row the queue ever held.
     */
    String dueSql(String column, boolean skipLocked) {
        return "SELECT id, status, updated_at FROM " + table.name() + " WHERE "
                + (column == null ? "" : column + " = ? AND ") + "status IN (?, ?)"
                + " AND ((status = ? AND next_attempt_at <= ?) OR (status = ? AND " + table.lease() + " < ?))"
                + " ORDER BY next_attempt_at, id LIMIT ?" + (skipLocked ? " FOR UPDATE SKIP LOCKED" : "");
    }

    /** The rows with these ids as they are now, in the order of the ids. */
    private <T> List<T> read(Connection c, List<Long> ids, RowReader<T> reader) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT " + table.columns() + " FROM " + table.name() + " WHERE id IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")";
        Map<Long, T> rows = new LinkedHashMap<>();
        ids.forEach(id -> rows.put(id, null));
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setLong(i + 1, ids.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getLong("id"), reader.read(rs));
                }
            }
        }
        return List.copyOf(rows.values());
    }

    /**
     * Ends the claim {@code (id, version)} after a failed attempt, the {@code attempts}-th: given up
     * into the dead state when {@code attempts} reached {@code maxAttempts}, else due again after
     * {@code backoff} of the attempts. Empty when the claim is not held any more.
     */
    Optional<Retry> failed(long id, OffsetDateTime version, int attempts, int maxAttempts,
                           IntFunction<Duration> backoff, String error, OffsetDateTime now) {
        OffsetDateTime at = Rows.micros(now);
        Retry retry = new Retry(attempts >= maxAttempts ? null : at.plus(backoff.apply(attempts)));
        String sql = "UPDATE " + table.name() + " SET status = ?, last_error = ?, " + table.lease() + " = NULL, "
                + "updated_at = ?" + (retry.givenUp() ? "" : ", next_attempt_at = ?")
                + " WHERE id = ? AND status = ? AND updated_at = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, retry.givenUp() ? table.dead() : table.pending());
            ps.setString(i++, Rows.clip(error, 2000));
            ps.setObject(i++, at);
            if (!retry.givenUp()) {
                ps.setObject(i++, retry.at());
            }
            ps.setLong(i++, id);
            ps.setString(i++, table.claimed());
            ps.setObject(i, version);
            return ps.executeUpdate() == 1 ? Optional.of(retry) : Optional.empty();
        } catch (SQLException e) {
            throw Rows.failure("record a failed attempt of " + table.name() + " " + id, e);
        }
    }

    /**
     * Ends the claim {@code (id, version)} untried (the agency's circuit is open, its connector off):
     * pending again at {@code until} with {@code reason}, and the claim's attempt given back. False
     * when the claim is not held any more.
     */
    boolean handBack(long id, OffsetDateTime version, OffsetDateTime until, String reason, OffsetDateTime now) {
        String sql = "UPDATE " + table.name() + " SET status = ?, attempts = GREATEST(attempts - 1, 0), "
                + "next_attempt_at = ?, last_error = ?, " + table.lease() + " = NULL, updated_at = ? "
                + "WHERE id = ? AND status = ? AND updated_at = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, table.pending());
            ps.setObject(2, Rows.micros(until));
            ps.setString(3, Rows.clip(reason, 2000));
            ps.setObject(4, Rows.micros(now));
            ps.setLong(5, id);
            ps.setString(6, table.claimed());
            ps.setObject(7, version);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Rows.failure("hand back " + table.name() + " " + id, e);
        }
    }

    /** Ends the claim {@code (id, version)} in {@code state}, its error cleared. False when the claim is not held any more. */
    boolean finish(long id, OffsetDateTime version, String state, OffsetDateTime now) {
        String sql = "UPDATE " + table.name() + " SET status = ?, last_error = NULL, " + table.lease() + " = NULL, "
                + "updated_at = ? WHERE id = ? AND status = ? AND updated_at = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, state);
            ps.setObject(2, Rows.micros(now));
            ps.setLong(3, id);
            ps.setString(4, table.claimed());
            ps.setObject(5, version);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Rows.failure("finish " + table.name() + " " + id, e);
        }
    }

    /** Whether the claim can skip rows another claimer has locked: PostgreSQL, asked once. */
    private boolean skipLocked(Connection c) throws SQLException {
        Boolean known = skipLocked;
        if (known == null) {
            known = "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
            skipLocked = known;
        }
        return known;
    }
}
