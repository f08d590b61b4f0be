package vn.lienthong.gateway.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.lienthong.gateway.domain.archive.ArchiveRenewalRun;
import vn.lienthong.gateway.domain.archive.ArchiveRenewals;

/** The renewal job's rows (V24) through plain JDBC; the SQL runs on H2 and PostgreSQL. */
@ApplicationScoped
public class JdbcArchiveRenewals implements ArchiveRenewals {

    private static final String COLUMNS = "id, status, dry_run, dossier_code, started_by, node, started_at, updated_at, finished_at, "
            + "checked, total, extended, renewed, failed, actions, error";
    private static final int ACTIONS_MAX = 100_000;

    @Inject
    DataSource dataSource;

    /** For CDI. */
    public JdbcArchiveRenewals() {
    }

    /** For tests: runs in this database. */
    public JdbcArchiveRenewals(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<ArchiveRenewalRun> start(String startedBy, String node, boolean dryRun, String dossierCode,
                                             OffsetDateTime at, OffsetDateTime staleBefore) {
        OffsetDateTime now = Rows.micros(at);
        // One statement, so the check and the insert see the same rows.
        String sql = "INSERT INTO archive_renewal (status, dry_run, dossier_code, started_by, node, started_at, "
                + "updated_at, checked, total, extended, renewed, failed) SELECT 'RUNNING', ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0 "
                + "WHERE NOT EXISTS (SELECT 1 FROM archive_renewal WHERE status = 'RUNNING' AND updated_at > ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
            ps.setBoolean(1, dryRun);
            ps.setString(2, dossierCode);
            ps.setString(3, Rows.clip(startedBy, 100));
            ps.setString(4, Rows.clip(node, 200));
            ps.setObject(5, now);
            ps.setObject(6, now);
            ps.setObject(7, staleBefore);
            if (ps.executeUpdate() == 0) {
                return Optional.empty();
            }
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return find(keys.getLong(1));
            }
        } catch (SQLException e) {
            throw Rows.failure("start a renewal run", e);
        }
    }

    @Override
    public void progress(long id, long checked, long total, long failed, OffsetDateTime now) {
        update("record the progress of renewal run " + id, "UPDATE archive_renewal SET checked = ?, total = ?, "
                + "failed = ?, updated_at = ? WHERE id = ? AND status = 'RUNNING'", checked, total, failed,
                Rows.micros(now), id);
    }

    @Override
    public void finish(ArchiveRenewalRun r, OffsetDateTime at) {
        OffsetDateTime now = Rows.micros(at);
        update("record the result of renewal run " + r.id(), "UPDATE archive_renewal SET status = 'DONE', checked = ?, "
                + "total = ?, extended = ?, renewed = ?, failed = ?, actions = ?, updated_at = ?, finished_at = ? "
                + "WHERE id = ?", r.checked(), r.total(), r.extended(), r.renewed(), r.failed(), text(r.actions()),
                now, now, r.id());
    }

    @Override
    public void fail(long id, String error, OffsetDateTime at) {
        OffsetDateTime now = Rows.micros(at);
        update("record the failure of renewal run " + id, "UPDATE archive_renewal SET status = 'FAILED', error = ?, "
                + "updated_at = ?, finished_at = ? WHERE id = ?", Rows.clip(error, 2000), now, now, id);
    }

    @Override
    public Optional<ArchiveRenewalRun> find(long id) {
        return query("SELECT " + COLUMNS + " FROM archive_renewal WHERE id = ?", id, 1).stream().findFirst();
    }

    @Override
    public List<ArchiveRenewalRun> latest(int limit) {
        return query("SELECT " + COLUMNS + " FROM archive_renewal ORDER BY id DESC", null, limit);
    }

    private List<ArchiveRenewalRun> query(String sql, Long id, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (id != null) {
                ps.setLong(1, id);
            }
            ps.setMaxRows(limit);
            List<ArchiveRenewalRun> runs = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    runs.add(new ArchiveRenewalRun(rs.getLong("id"),
                            ArchiveRenewalRun.Status.valueOf(rs.getString("status")), rs.getBoolean("dry_run"),
                            rs.getString("dossier_code"), rs.getString("started_by"), rs.getString("node"), Rows.time(rs, "started_at"),
                            Rows.time(rs, "updated_at"), Rows.time(rs, "finished_at"), rs.getLong("checked"),
                            rs.getLong("total"), rs.getLong("extended"), rs.getLong("renewed"), rs.getLong("failed"),
                            actions(rs.getString("actions")), rs.getString("error")));
                }
            }
            return runs;
        } catch (SQLException e) {
            throw Rows.failure("read the renewal runs", e);
        }
    }

    private void update(String what, String sql, Object... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Rows.failure(what, e);
        }
    }

    /** One action a line, tab-separated; cut at a whole line below the column's size. */
    static String text(List<ArchiveRenewalRun.Action> actions) {
        StringBuilder out = new StringBuilder();
        for (ArchiveRenewalRun.Action a : actions) {
            String line = a.kind() + "\t" + a.recordId() + "\t" + a.reason().replace('\t', ' ').replace('\n', ' ')
                    + "\n";
            if (out.length() + line.length() > ACTIONS_MAX) {
                break;
            }
            out.append(line);
        }
        return out.toString();
    }

    static List<ArchiveRenewalRun.Action> actions(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<ArchiveRenewalRun.Action> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.split("\t", 3);
            if (f.length == 3) {
                out.add(new ArchiveRenewalRun.Action(f[0], f[1], f[2]));
            }
        }
        return out;
    }
}
