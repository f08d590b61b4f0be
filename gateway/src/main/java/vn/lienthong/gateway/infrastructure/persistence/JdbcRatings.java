package vn.lienthong.gateway.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.lienthong.gateway.domain.StorageException;
import vn.lienthong.gateway.domain.dossier.AgencyScope;
import vn.lienthong.gateway.domain.dossier.DossierCode;
import vn.lienthong.gateway.domain.dossier.StatisticsGrouping;
import vn.lienthong.gateway.domain.rating.CitizenComment;
import vn.lienthong.gateway.domain.rating.Moderation;
import vn.lienthong.gateway.domain.rating.Rating;
import vn.lienthong.gateway.domain.rating.RatingConflictException;
import vn.lienthong.gateway.domain.rating.Ratings;
import vn.lienthong.gateway.domain.rating.SatisfactionSums;

/** Ratings and comments through plain JDBC; the SQL runs on H2 and PostgreSQL. */
@ApplicationScoped
public class JdbcRatings implements Ratings {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String COMMENT_COLUMNS = "id, source, dossier_code, agency_code, procedure_code, officer_id, "
            + "body, moderation, moderated_by, moderated_at, received_at";

    @Inject
    DataSource dataSource;

    public JdbcRatings() {
    }

    /** For tests: ratings in this database. */
    public JdbcRatings(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean rated(DossierCode code) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM dossier_rating WHERE dossier_code = ?")) {
            ps.setString(1, code.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw Rows.failure("look for the rating of " + code, e);
        }
    }

    @Override
    public void add(Rating r, String comment) {
        String sql = "INSERT INTO dossier_rating (dossier_code, agency_code, procedure_code, officer_id, attitude, "
                + "time_taken, overall, rated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, r.dossierCode().value());
                ps.setString(2, r.agencyCode());
                ps.setString(3, r.procedureCode());
                ps.setString(4, Rows.clip(r.officerId(), 100));
                ps.setInt(5, r.scores().attitude());
                ps.setInt(6, r.scores().time());
                ps.setInt(7, r.scores().overall());
                ps.setObject(8, Rows.micros(r.ratedAt()));
                ps.executeUpdate();
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw RatingConflictException.alreadyRated(r.dossierCode().value());
                }
                throw e;
            }
            if (comment != null) {
                insertComment(c, CitizenComment.Source.RATING, r.dossierCode().value(), r.agencyCode(),
                        r.procedureCode(), r.officerId(), comment, r.ratedAt());
            }
        } catch (SQLException e) {
            throw Rows.failure("keep the rating of " + r.dossierCode(), e);
        }
    }

    @Override
    public long addFeedback(String agencyCode, String procedureCode, String text, OffsetDateTime at) {
        try (Connection c = dataSource.getConnection()) {
            return insertComment(c, CitizenComment.Source.FEEDBACK, null, agencyCode, procedureCode, null, text, at);
        } catch (SQLException e) {
            throw Rows.failure("keep a feedback comment for " + agencyCode, e);
        }
    }

    private static long insertComment(Connection c, CitizenComment.Source source, String dossierCode, String agencyCode,
                                      String procedureCode, String officerId, String text, OffsetDateTime at)
            throws SQLException {
        String sql = "INSERT INTO citizen_comment (source, dossier_code, agency_code, procedure_code, officer_id, body, "
                + "moderation, received_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?)";
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, source.name());
            ps.setString(2, dossierCode);
            ps.setString(3, agencyCode);
            ps.setString(4, procedureCode);
            ps.setString(5, Rows.clip(officerId, 100));
            ps.setString(6, Rows.clip(text, CitizenComment.MAX_LENGTH));
            ps.setObject(7, Rows.micros(at));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new StorageException("The database gave no id for the new comment", null);
                }
                return keys.getLong(1);
            }
        }
    }

    @Override
    public List<CitizenComment> comments(AgencyScope scope, Moderation moderation, int limit) {
        String sql = "SELECT " + COMMENT_COLUMNS + " FROM citizen_comment WHERE agency_code LIKE ?"
                + (moderation == null ? "" : " AND moderation = ?") + " ORDER BY received_at DESC, id DESC LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, scope.likePattern());
            if (moderation != null) {
                ps.setString(i++, moderation.name());
            }
            ps.setInt(i, limit);
            List<CitizenComment> comments = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    comments.add(toComment(rs));
                }
            }
            return comments;
        } catch (SQLException e) {
            throw Rows.failure("list citizens' comments", e);
        }
    }

    @Override
    public Optional<CitizenComment> comment(long id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COMMENT_COLUMNS + " FROM citizen_comment WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(toComment(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Rows.failure("read comment " + id, e);
        }
    }

    @Override
    public void moderate(long id, Moderation decision, String by, OffsetDateTime at) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE citizen_comment SET moderation = ?, moderated_by = ?, moderated_at = ? WHERE id = ?")) {
            ps.setString(1, decision.name());
            ps.setString(2, Rows.clip(by, 100));
            ps.setObject(3, Rows.micros(at));
            ps.setLong(4, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Rows.failure("moderate comment " + id, e);
        }
    }

    @Override
    public List<SatisfactionSums> satisfaction(AgencyScope scope, LocalDate from, LocalDate to,
                                               StatisticsGrouping grouping) {
        String column = switch (grouping) {
            case AGENCY -> "agency_code";
            case PROCEDURE -> "procedure_code";
            case OFFICER -> "COALESCE(officer_id, '')";
        };
        // Sums, not AVG: what AVG of an integer column returns differs between H2 and PostgreSQL.
        String sql = "SELECT " + column + ", COUNT(*), SUM(attitude), SUM(time_taken), SUM(overall),"
                + " SUM(CASE WHEN overall >= 4 THEN 1 ELSE 0 END) FROM dossier_rating"
                + " WHERE rated_at >= ? AND rated_at < ? AND agency_code LIKE ? GROUP BY " + column + " ORDER BY " + column;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, Rows.startOf(from));
            ps.setObject(2, Rows.startOf(to.plusDays(1)));
            ps.setString(3, scope.likePattern());
            List<SatisfactionSums> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new SatisfactionSums(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw Rows.failure("compute satisfaction", e);
        }
    }

    private static CitizenComment toComment(ResultSet rs) throws SQLException {
        return new CitizenComment(rs.getLong("id"), CitizenComment.Source.valueOf(rs.getString("source")),
                rs.getString("dossier_code"), rs.getString("agency_code"), rs.getString("procedure_code"),
                rs.getString("officer_id"), rs.getString("body"), Moderation.valueOf(rs.getString("moderation")),
                rs.getString("moderated_by"), Rows.time(rs, "moderated_at"), Rows.time(rs, "received_at"));
    }
}
