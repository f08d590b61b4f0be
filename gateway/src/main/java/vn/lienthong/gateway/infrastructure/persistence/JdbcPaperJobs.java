package vn.lienthong.gateway.infrastructure.persistence;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import vn.lienthong.gateway.domain.document.DocumentKind;
import vn.lienthong.gateway.domain.dossier.DossierCode;
import vn.lienthong.gateway.domain.paper.DeskDecision;
import vn.lienthong.gateway.domain.paper.PaperException;
import vn.lienthong.gateway.domain.paper.PaperJob;
import vn.lienthong.gateway.domain.paper.PaperJobs;

/**
 * The paper jobs in the gateway's database through plain JDBC; the SQL runs on H2 and PostgreSQL.
 * Claims, attempts, retries and giving up are the {@link LeasedQueue}'s.
 */
@ApplicationScoped
public class JdbcPaperJobs implements PaperJobs {

    private static final String COLUMNS = "id, dossier_code, kind, source, status, attempts, last_error, "
            + "next_attempt_at, claimed_until, created_at, updated_at, decision";
    private static final LeasedQueue.Table TABLE = new LeasedQueue.Table("paper_job", COLUMNS, "claimed_until",
            PaperJob.Status.PENDING.name(), PaperJob.Status.CLAIMED.name(), PaperJob.Status.FAILED.name());

    @Inject
    DataSource dataSource;

    private LeasedQueue queue;

    /** For CDI. */
    public JdbcPaperJobs() {
    }

    /** For tests: jobs in this database. */
    public JdbcPaperJobs(DataSource dataSource) {
        this.dataSource = dataSource;
        init();
    }

    @PostConstruct
    void init() {
        queue = new LeasedQueue(dataSource, TABLE);
    }

    @Override
    public boolean request(DossierCode code, DocumentKind kind, String source, DeskDecision decision,
                           OffsetDateTime at) {
        OffsetDateTime now = Rows.micros(at);
        // One statement that inserts only when the (dossier, source) is new, rather than a look-up
        // first (three orders per exchange) or a caught duplicate key (on PostgreSQL a failed INSERT
        // aborts the dossier change's whole transaction). Two orders racing for the same source is
        // still the unique key's to refuse.
        String sql = "INSERT INTO paper_job (dossier_code, kind, source, status, attempts, next_attempt_at, "
                + "created_at, updated_at, decision) SELECT ?, ?, ?, 'PENDING', 0, ?, ?, ?, ? "
                + "WHERE NOT EXISTS (SELECT 1 FROM paper_job WHERE dossier_code = ? AND source = ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, code.value());
            ps.setString(2, kind.name());
            ps.setString(3, source);
            ps.setObject(4, now);
            ps.setObject(5, now);
            ps.setObject(6, now);
            ps.setString(7, decision == null ? null : json(decision));
            ps.setString(8, code.value());
            ps.setString(9, source);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure("add the paper job " + source + " of " + code, e);
        }
    }

    @Override
    public List<PaperJob> claimDue(OffsetDateTime at, OffsetDateTime claimUntil, int limit) {
        return queue.claim(at, claimUntil, limit, JdbcPaperJobs::toJob);
    }

    @Override
    public void done(PaperJob job, OffsetDateTime now) {
        // Only the claim's holder may finish: a worker whose lease expired and was re-claimed changes nothing.
        queue.finish(job.id(), job.updatedAt(), PaperJob.Status.DONE.name(), now);
    }

    @Override
    public PaperJob failed(PaperJob job, String error, int maxAttempts, IntFunction<Duration> backoff,
                           OffsetDateTime now) {
        return queue.failed(job.id(), job.updatedAt(), job.attempts(), maxAttempts, backoff, error, now)
                .flatMap(retry -> find(job.dossierCode(), job.source())).orElse(job);
    }

    @Override
    public boolean pending(DossierCode code) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM paper_job WHERE dossier_code = ? AND status <> 'DONE' AND source NOT LIKE ?")) {
            ps.setString(1, code.value());
            ps.setString(2, PaperJob.longTermSource("%"));
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
