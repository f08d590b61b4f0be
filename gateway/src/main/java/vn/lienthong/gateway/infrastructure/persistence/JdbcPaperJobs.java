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

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.lienthong.gateway.domain.document.DocumentKind;
import vn.lienthong.gateway.domain.dossier.DossierCode;
import vn.lienthong.gateway.domain.paper.DeskDecision;
import vn.lienthong.gateway.domain.paper.PaperException;
import vn.lienthong.gateway.domain.paper.PaperJob;
import vn.lienthong.gateway.domain.paper.PaperJobs;

/** The paper jobs in the gateway's database through plain JDBC; the SQL runs on H2 and PostgreSQL. */
@ApplicationScoped
public class JdbcPaperJobs implements PaperJobs {

    private static final String COLUMNS = "id, dossier_code, kind, source, status, attempts, last_error, "
            + "next_attempt_at, claimed_until, created_at, updated_at, decision";

    @Inject
    DataSource dataSource;

    public JdbcPaperJobs() {
    }

    /** For tests: jobs in this database. */
    public JdbcPaperJobs(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean request(DossierCode code, DocumentKind kind, String source, DeskDecision decision,
                           OffsetDateTime at) {
        OffsetDateTime now = Rows.micros(at);
        // Looked up first rather than caught as a duplicate key: on PostgreSQL a failed INSERT would
        // abort the dossier change's whole transaction.
        if (find(code, source).isPresent()) {
            return false;
        }
        String sql = "INSERT INTO paper_job (dossier_code, kind, source, status, attempts, next_attempt_at, "
                + "created_at, updated_at, decision) VALUES (?, ?, ?, 'PENDING', 0, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, code.value());
            ps.setString(2, kind.name());
            ps.setString(3, source);
            ps.setObject(4, now);
            ps.setObject(5, now);
            ps.setObject(6, now);
            ps.setString(7, decision == null ? null : json(decision));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure("add the paper job " + source + " of " + code, e);
        }
    }

    @Override
    public List<PaperJob> claimDue(OffsetDateTime at, OffsetDateTime claimUntil, int limit) {
        // The claim's time is its version, so it is compared at the precision the database keeps.
        OffsetDateTime now = Rows.micros(at);
        String due = "SELECT " + COLUMNS + " FROM paper_job WHERE (status = 'PENDING' AND next_attempt_at <= ?)"
                + " OR (status = 'CLAIMED' AND claimed_until < ?) ORDER BY next_attempt_at, id LIMIT ?";
        // A conditional UPDATE per job: whoever changes the row first owns it, on any database.
        String claim = "UPDATE paper_job SET status = 'CLAIMED', claimed_until = ?, attempts = attempts + 1, "
                + "updated_at = ? WHERE id = ? AND status = ? AND updated_at = ?";
        try (Connection c = dataSource.getConnection()) {
            List<PaperJob> candidates = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(due)) {
                ps.setObject(1, now);
                ps.setObject(2, now);
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(toJob(rs));
                    }
                }
            }
            List<PaperJob> claimed = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(claim)) {
                for (PaperJob j : candidates) {
                    ps.setObject(1, claimUntil);
                    ps.setObject(2, now);
                    ps.setLong(3, j.id());
                    ps.setString(4, j.status().name());
                    ps.setObject(5, j.updatedAt());
                    if (ps.executeUpdate() == 1) {
                        claimed.add(new PaperJob(j.id(), j.dossierCode(), j.kind(), j.source(), PaperJob.Status.CLAIMED,
                                j.attempts() + 1, j.lastError(), j.nextAttemptAt(), claimUntil, j.createdAt(), now,
                                j.decision()));
                    }
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw failure("claim due paper jobs", e);
        }
    }

    @Override
    public void done(PaperJob job, OffsetDateTime now) {
        finish(job, "DONE", null, job.nextAttemptAt(), Rows.micros(now));
    }

    @Override
    public void failed(PaperJob job, String error, OffsetDateTime retryAt, OffsetDateTime now) {
        finish(job, retryAt == null ? "FAILED" : "PENDING", error,
                retryAt == null ? job.nextAttemptAt() : Rows.micros(retryAt), Rows.micros(now));
    }

    /** Only the claim's holder may finish: a worker whose lease expired and was re-claimed changes nothing. */
    private void finish(PaperJob job, String status, String error, OffsetDateTime next, OffsetDateTime now) {
        String sql = "UPDATE paper_job SET status = ?, last_error = ?, next_attempt_at = ?, claimed_until = NULL, "
                + "updated_at = ? WHERE id = ? AND status = 'CLAIMED' AND updated_at = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, status);
            ps.setString(2, Rows.clip(error, 2000));
            ps.setObject(3, next);
            ps.setObject(4, now);
            ps.setLong(5, job.id());
            ps.setObject(6, job.updatedAt());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("finish the paper job " + job.source() + " of " + job.dossierCode(), e);
        }
    }

    @Override
    public boolean pending(DossierCode code) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM paper_job WHERE dossier_code = ? AND status <> 'DONE'")) {
            ps.setString(1, code.value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw failure("count the pending papers of " + code, e);
        }
    }

    @Override
    public Optional<PaperJob> find(DossierCode code, String source) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM paper_job WHERE dossier_code = ? AND source = ?")) {
            ps.setString(1, code.value());
            ps.setString(2, source);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(toJob(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("find the paper job " + source + " of " + code, e);
        }
    }

    private static PaperJob toJob(ResultSet rs) throws SQLException {
        return new PaperJob(rs.getLong("id"), new DossierCode(rs.getString("dossier_code")),
                DocumentKind.valueOf(rs.getString("kind")), rs.getString("source"),
                PaperJob.Status.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("last_error"),
                rs.getObject("next_attempt_at", OffsetDateTime.class), rs.getObject("claimed_until", OffsetDateTime.class),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
                decision(rs.getString("decision")));
    }

    /** A desk decision as the JSON the decision column keeps; times keep their offset. */
    static String json(DeskDecision d) {
        JsonObjectBuilder o = Json.createObjectBuilder().add("reason", d.reason() == null ? "" : d.reason());
        JsonArrayBuilder documents = Json.createArrayBuilder();
        d.documentsToAdd().forEach(documents::add);
        o.add("documentsToAdd", documents);
        put(o, "previousDueAt", d.previousDueAt());
        put(o, "newDueAt", d.newDueAt());
        if (d.officer() != null) {
            o.add("officer", d.officer());
        }
        put(o, "at", d.at());
        return o.build().toString();
    }

    static DeskDecision decision(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            return new DeskDecision(o.getString("reason", ""),
                    o.containsKey("documentsToAdd") ? o.getJsonArray("documentsToAdd").getValuesAs(JsonString.class)
                            .stream().map(JsonString::getString).toList() : List.of(),
                    time(o, "previousDueAt"), time(o, "newDueAt"), o.getString("officer", null), time(o, "at"));
        }
    }

    private static void put(JsonObjectBuilder o, String name, OffsetDateTime t) {
        if (t != null) {
            o.add(name, t.toString());
        }
    }

    private static OffsetDateTime time(JsonObject o, String name) {
        return o.containsKey(name) && !o.isNull(name) ? OffsetDateTime.parse(o.getString(name)) : null;
    }

    private static PaperException failure(String what, SQLException e) {
        return new PaperException("Cannot " + what + ": " + e.getMessage(), e);
    }
}
