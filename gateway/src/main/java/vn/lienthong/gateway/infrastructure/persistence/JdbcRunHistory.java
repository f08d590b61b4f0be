package vn.lienthong.gateway.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import vn.lienthong.gateway.domain.run.BackgroundRun;
import vn.lienthong.gateway.domain.run.RunHistory;

/**
 * A table of one background job's runs, a row a run: id, status (RUNNING, DONE, FAILED), started_by,
 * started_at, updated_at, finished_at, error, and the job's own columns. Keeps the rules every such
 * table shares: one RUNNING row at a time across nodes unless it stopped moving (stale), progress
 * only on a running row, the result or the failure closing it. The job's class says how its run
 * opens, moves and ends in its own columns. The SQL runs on H2 and PostgreSQL.
 */
abstract class JdbcRunHistory<R extends BackgroundRun> implements RunHistory<R> {

    private static final String COLUMNS = "id, status, started_by, started_at, updated_at, finished_at, error, ";

    @Inject
    DataSource dataSource;

    private final String table;
    private final String noun;
    private final String ownColumns;
    private final Rows.Reader<R> reader;

    /**
     * @param dataSource null when CDI injects it
     * @param table      the table's name
     * @param noun       what one row is, in errors ("fixity audit")
     * @param ownColumns the job's own columns a read selects
     * @param reader     a row as the job's run
     */
    JdbcRunHistory(DataSource dataSource, String table, String noun, String ownColumns, Rows.Reader<R> reader) {
        this.dataSource = dataSource;
        this.table = table;
        this.noun = noun;
        this.ownColumns = ownColumns;
        this.reader = reader;
    }

    /**
     * Adds a RUNNING row, {@code columns} set to {@code values} (SQL with a ? a value of {@code params}),
     * unless another row is RUNNING and was updated after {@code staleBefore}; the new run or empty.
     */
    Optional<R> insertRunning(String startedBy, OffsetDateTime at, OffsetDateTime staleBefore, String columns,
                              String values, Object... params) {
        OffsetDateTime now = Rows.micros(at);
        // One statement, so the check and the insert see the same rows.
        String sql = "INSERT INTO " + table + " (status, started_by, started_at, updated_at, " + columns
                + ") SELECT 'RUNNING', ?, ?, ?, " + values + " WHERE NOT EXISTS (SELECT 1 FROM " + table
                + " WHERE status = 'RUNNING' AND updated_at > ?)";
        List<Object> bound = new ArrayList<>(Arrays.asList(Rows.clip(startedBy, 100), now, now));
        bound.addAll(Arrays.asList(params));
        bound.add(staleBefore);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
            bind(ps, bound.toArray());
            if (ps.executeUpdate() == 0) {
                return Optional.empty();
            }
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return find(keys.getLong(1));
            }
        } catch (SQLException e) {
            throw Rows.failure("start a " + noun, e);
        }
    }

    /** Sets {@code assignments} (SQL with a ? a value) on a row still RUNNING, and moves its updated_at. */
    void updateProgress(long id, OffsetDateTime at, String assignments, Object... values) {
        update("record the progress of " + noun + " " + id, "UPDATE " + table + " SET " + assignments
                + ", updated_at = ? WHERE id = ? AND status = 'RUNNING'", values, Rows.micros(at), id);
    }

    /** Closes the row as DONE with {@code assignments} (SQL with a ? a value), its result. */
    void updateResult(long id, OffsetDateTime at, String assignments, Object... values) {
        OffsetDateTime now = Rows.micros(at);
        update("record the result of " + noun + " " + id, "UPDATE " + table + " SET status = 'DONE', " + assignments
                + ", updated_at = ?, finished_at = ? WHERE id = ?", values, now, now, id);
    }

    @Override
    public void fail(long id, String error, OffsetDateTime at) {
        OffsetDateTime now = Rows.micros(at);
        update("record the failure of " + noun + " " + id, "UPDATE " + table + " SET status = 'FAILED', error = ?, "
                + "updated_at = ?, finished_at = ? WHERE id = ?", new Object[] {Rows.clip(error, 2000)}, now, now, id);
    }

    @Override
    public Optional<R> find(long id) {
        return read("WHERE id = ?", id, 1).stream().findFirst();
    }

    @Override
    public List<R> latest(int limit) {
        return read("ORDER BY id DESC", null, limit);
    }

    private List<R> read(String where, Object param, int limit) {
        return Rows.list(dataSource, "SELECT " + COLUMNS + ownColumns + " FROM " + table + " " + where + " LIMIT ?",
                param, limit, reader, "read the " + noun + "s");
    }

    private void update(String what, String sql, Object[] values, Object... tail) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, values);
            for (int i = 0; i < tail.length; i++) {
                ps.setObject(values.length + i + 1, tail[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Rows.failure(what, e);
        }
    }

    /** A null is a text column's: typed, so that PostgreSQL need not guess it in INSERT … SELECT. */
    private static void bind(PreparedStatement ps, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                ps.setNull(i + 1, Types.VARCHAR);
            } else {
                ps.setObject(i + 1, values[i]);
            }
        }
    }
}
