package vn.lienthong.gateway.infrastructure.persistence;

import java.io.StringReader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import vn.lienthong.gateway.domain.archive.ArchiveAuditRun;
import vn.lienthong.gateway.domain.archive.ArchiveAudits;
import vn.lienthong.gateway.domain.archive.DamagedRecord;

/** The fixity audits' rows (V20, V26) through plain JDBC; the SQL runs on H2 and PostgreSQL. */
@ApplicationScoped
public class JdbcArchiveAudits extends JdbcRunHistory<ArchiveAuditRun> implements ArchiveAudits {

    /** For CDI. */
    public JdbcArchiveAudits() {
        this(null);
    }

    /** For tests: audits in this database. */
    public JdbcArchiveAudits(DataSource dataSource) {
        super(dataSource, "archive_audit", "fixity audit", "checked, total, bytes, total_bytes, ok, missing, corrupted, "
                + "signature_invalid, untrusted, trust_checked, problems", JdbcArchiveAudits::toRun);
    }

    @Override
    public Optional<ArchiveAuditRun> start(String startedBy, OffsetDateTime at, OffsetDateTime staleBefore) {
        return insertRunning(startedBy, at, staleBefore, "checked, total, bytes, total_bytes, ok, missing, corrupted, "
                + "signature_invalid", "0, 0, 0, 0, 0, 0, 0, 0");
    }

    @Override
    public void progress(long id, long checked, long total, long bytes, long totalBytes, OffsetDateTime now) {
        updateProgress(id, now, "checked = ?, total = ?, bytes = ?, total_bytes = ?", checked, total, bytes,
                totalBytes);
    }

    @Override
    public void finish(ArchiveAuditRun r, OffsetDateTime at) {
        updateResult(r.id(), at, "checked = ?, total = ?, bytes = ?, total_bytes = ?, ok = ?, missing = ?, "
                + "corrupted = ?, signature_invalid = ?, untrusted = ?, trust_checked = ?, problems = ?",
                r.checked(), r.total(), r.bytes(), r.totalBytes(), r.ok(), r.missing(), r.corrupted(),
                r.signatureInvalid(), r.untrusted(), r.trustChecked(), json(r.problems()));
    }

    private static ArchiveAuditRun toRun(ResultSet rs) throws SQLException {
        return new ArchiveAuditRun(rs.getLong("id"), ArchiveAuditRun.Status.valueOf(rs.getString("status")),
                rs.getString("started_by"), Rows.time(rs, "started_at"), Rows.time(rs, "updated_at"),
                Rows.time(rs, "finished_at"), rs.getLong("checked"), rs.getLong("total"), rs.getLong("bytes"),
                rs.getLong("total_bytes"), rs.getLong("ok"), rs.getLong("missing"), rs.getLong("corrupted"),
                rs.getLong("signature_invalid"), rs.getLong("untrusted"), rs.getBoolean("trust_checked"),
                problems(rs.getString("problems")), rs.getString("error"));
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
