package vn.lienthong.gateway.infrastructure.persistence;

import java.io.StringReader;
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
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import vn.lienthong.gateway.domain.archive.ArchiveAuditRun;
import vn.lienthong.gateway.domain.archive.ArchiveAudits;
import vn.lienthong.gateway.domain.archive.DamagedRecord;

/** The fixity audits' rows (V20, V26) through plain JDBC; the SQL runs on H2 and PostgreSQL. */
@ApplicationScoped
public class JdbcArchiveAudits implements ArchiveAudits {

    private static final String COLUMNS = "id, status, started_by, started_at, updated_at, finished_at, checked, total, "
            + "bytes, total_bytes, ok, missing, corrupted, signature_invalid, untrusted, trust_checked, problems, error";

    @Inject
    DataSource dataSource;

    /** For CDI. */
    public JdbcArchiveAudits() {
    }

    /** For tests: audits in this database. */
    public JdbcArchiveAudits(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<ArchiveAuditRun> start(String startedBy, OffsetDateTime at, OffsetDateTime staleBefore) {
        OffsetDateTime now = Rows.micros(at);
        // One statement, so the check and the insert see the same rows.
        String sql = "INSERT INTO archive_audit (status, started_by, started_at, updated_at, checked, total, bytes, "
                + "total_bytes, ok, missing, corrupted, signature_invalid) SELECT 'RUNNING', ?, ?, ?, 0, 0, 0, 0, 0, 0, 0, 0 "
                + "WHERE NOT EXISTS (SELECT 1 FROM archive_audit WHERE status = 'RUNNING' AND updated_at > ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
            ps.setString(1, Rows.clip(startedBy, 100));
            ps.setObject(2, now);
            ps.setObject(3, now);
            ps.setObject(4, staleBefore);
            if (ps.executeUpdate() == 0) {
                return Optional.empty();
            }
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return find(keys.getLong(1));
            }
        } catch (SQLException e) {
            throw Rows.failure("start a fixity audit", e);
        }
    }

    @Override
    public void progress(long id, long checked, long total, long bytes, long totalBytes, OffsetDateTime now) {
        update("record the progress of fixity audit " + id, "UPDATE archive_audit SET checked = ?, total = ?, bytes = ?, "
                + "total_bytes = ?, updated_at = ? WHERE id = ? AND status = 'RUNNING'",
                checked, total, bytes, totalBytes, Rows.micros(now), id);
    }

    @Override
    public void finish(ArchiveAuditRun r, OffsetDateTime at) {
        OffsetDateTime now = Rows.micros(at);
        update("record the result of fixity audit " + r.id(), "UPDATE archive_audit SET status = 'DONE', checked = ?, "
                + "total = ?, bytes = ?, total_bytes = ?, ok = ?, missing = ?, corrupted = ?, signature_invalid = ?, "
                + "untrusted = ?, trust_checked = ?, problems = ?, updated_at = ?, finished_at = ? WHERE id = ?",
                r.checked(), r.total(), r.bytes(), r.totalBytes(), r.ok(), r.missing(), r.corrupted(),
                r.signatureInvalid(), r.untrusted(), r.trustChecked(), json(r.problems()), now, now, r.id());
    }

    @Override
    public void fail(long id, String error, OffsetDateTime at) {
        OffsetDateTime now = Rows.micros(at);
        update("record the failure of fixity audit " + id, "UPDATE archive_audit SET status = 'FAILED', error = ?, "
                + "updated_at = ?, finished_at = ? WHERE id = ?", Rows.clip(error, 2000), now, now, id);
    }

    @Override
    public Optional<ArchiveAuditRun> find(long id) {
        List<ArchiveAuditRun> found = query("SELECT " + COLUMNS + " FROM archive_audit WHERE id = ?", id, 1);
        return found.stream().findFirst();
    }

    @Override
    public List<ArchiveAuditRun> latest(int limit) {
        return query("SELECT " + COLUMNS + " FROM archive_audit ORDER BY id DESC", null, limit);
    }

    private List<ArchiveAuditRun> query(String sql, Long id, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (id != null) {
                ps.setLong(1, id);
            }
            ps.setMaxRows(limit);
            List<ArchiveAuditRun> runs = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    runs.add(toRun(rs));
                }
            }
            return runs;
        } catch (SQLException e) {
            throw Rows.failure("read the fixity audits", e);
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

    private static ArchiveAuditRun toRun(ResultSet rs) throws SQLException {
        return new ArchiveAuditRun(rs.getLong("id"), ArchiveAuditRun.Status.valueOf(rs.getString("status")),
                rs.getString("started_by"), Rows.time(rs, "started_at"), Rows.time(rs, "updated_at"),
                Rows.time(rs, "finished_at"), rs.getLong("checked"), rs.getLong("total"), rs.getLong("bytes"),
                rs.getLong("total_bytes"), rs.getLong("ok"), rs.getLong("missing"), rs.getLong("corrupted"),
                rs.getLong("signature_invalid"), rs.getLong("untrusted"), rs.getBoolean("trust_checked"), problems(rs.getString("problems")), rs.getString("error"));
    }

    static String json(List<DamagedRecord> problems) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (DamagedRecord p : problems) {
            list.add(Json.createObjectBuilder().add("recordId", p.recordId()).add("dossierCode", p.dossierCode())
                    .add("documentType", p.documentType()).add("outcome", p.outcome()).add("detail", p.detail()));
        }
        return list.build().toString();
    }

    static List<DamagedRecord> problems(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readArray().getValuesAs(JsonObject.class).stream()
                    .map(o -> new DamagedRecord(o.getString("recordId"), o.getString("dossierCode", ""),
                            o.getString("documentType", ""), o.getString("outcome"), o.getString("detail", "")))
                    .toList();
        }
    }
}
