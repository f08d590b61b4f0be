package vn.lienthong.gateway.infrastructure.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import vn.lienthong.gateway.domain.archive.ArchiveRenewalRun;
import vn.lienthong.gateway.domain.archive.ArchiveRenewals;

/** The renewal job's rows (V24) through plain JDBC; the SQL runs on H2 and PostgreSQL. */
@ApplicationScoped
public class JdbcArchiveRenewals extends JdbcRunHistory<ArchiveRenewalRun> implements ArchiveRenewals {

    private static final int ACTIONS_MAX = 100_000;

    /** For CDI. */
    public JdbcArchiveRenewals() {
        this(null);
    }

    /** For tests: runs in this database. */
    public JdbcArchiveRenewals(DataSource dataSource) {
        super(dataSource, "archive_renewal", "renewal run",
                "dry_run, dossier_code, node, checked, total, extended, renewed, failed, actions", JdbcArchiveRenewals::toRun);
    }

    @Override
    public Optional<ArchiveRenewalRun> start(String startedBy, String node, boolean dryRun, String dossierCode,
                                             OffsetDateTime at, OffsetDateTime staleBefore) {
        return insertRunning(startedBy, at, staleBefore, "dry_run, dossier_code, node, checked, total, extended, "
                + "renewed, failed", "?, ?, ?, 0, 0, 0, 0, 0", dryRun, dossierCode, Rows.clip(node, 200));
    }

    @Override
    public void progress(long id, long checked, long total, long failed, OffsetDateTime now) {
        updateProgress(id, now, "checked = ?, total = ?, failed = ?", checked, total, failed);
    }

    @Override
    public void finish(ArchiveRenewalRun r, OffsetDateTime at) {
        updateResult(r.id(), at, "checked = ?, total = ?, extended = ?, renewed = ?, failed = ?, actions = ?",
                r.checked(), r.total(), r.extended(), r.renewed(), r.failed(), text(r.actions()));
    }

    private static ArchiveRenewalRun toRun(ResultSet rs) throws SQLException {
        return new ArchiveRenewalRun(rs.getLong("id"), ArchiveRenewalRun.Status.valueOf(rs.getString("status")),
                rs.getBoolean("dry_run"), rs.getString("dossier_code"), rs.getString("started_by"), rs.getString("node"),
                Rows.time(rs, "started_at"), Rows.time(rs, "updated_at"), Rows.time(rs, "finished_at"),
                rs.getLong("checked"), rs.getLong("total"), rs.getLong("extended"), rs.getLong("renewed"),
                rs.getLong("failed"), actions(rs.getString("actions")), rs.getString("error"));
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
