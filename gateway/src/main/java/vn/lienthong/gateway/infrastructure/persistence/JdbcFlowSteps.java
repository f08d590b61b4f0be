package vn.lienthong.gateway.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import vn.lienthong.gateway.domain.exchange.FlowStep;
import vn.lienthong.gateway.domain.exchange.FlowSteps;
import vn.lienthong.gateway.domain.exchange.StepStatisticsRow;

/** Flow steps in table {@code flow_step}, timeliness read against {@code agency_message}. */
@ApplicationScoped
public class JdbcFlowSteps implements FlowSteps {

    @Inject
    DataSource dataSource;

    @Override
    public void add(FlowStep step) {
        String sql = "INSERT INTO flow_step (message_id, dossier_code, operation, agency_id, started_at, deadline_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, step.messageId());
            ps.setString(2, step.dossierCode().value());
            ps.setString(3, step.operation());
            ps.setString(4, step.agencyId());
            ps.setObject(5, step.startedAt());
            ps.setObject(6, step.deadlineAt());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("Cannot record flow step " + step.messageId(), e);
        }
    }

    @Override
    public Optional<FlowStep> find(String messageId) {
        String sql = "SELECT message_id, dossier_code, operation, agency_id, started_at, deadline_at FROM flow_step "
                + "WHERE message_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new FlowStep(rs.getString(1), new DossierCode(rs.getString(2)), rs.getString(3),
                        rs.getString(4), Rows.time(rs, 5), Rows.time(rs, 6)));
            }
        } catch (SQLException e) {
            throw new StorageException("Cannot read flow step " + messageId, e);
        }
    }

    @Override
    public List<StepStatisticsRow> statistics(AgencyScope scope, LocalDate from, LocalDate to, OffsetDateTime now) {
        String sql = "SELECT s.agency_id, COUNT(*),"
                + " SUM(CASE WHEN m.status = 'DONE' AND m.updated_at <= s.deadline_at THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN m.status = 'DONE' AND m.updated_at > s.deadline_at THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN m.status IN ('HELD', 'PENDING', 'IN_FLIGHT', 'ACCEPTED') AND s.deadline_at < ?"
                + " THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN m.status IN ('FAILED', 'DEAD') THEN 1 ELSE 0 END)"
                + " FROM flow_step s JOIN agency_message m ON m.message_id = s.message_id"
                + " JOIN dossier d ON d.code = s.dossier_code"
                + " WHERE s.started_at >= ? AND s.started_at < ?"
                + (scope == null ? "" : " AND d.agency_code LIKE ?")
                + " GROUP BY s.agency_id ORDER BY s.agency_id";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, now);
            ps.setObject(2, Rows.startOf(from));
            ps.setObject(3, Rows.startOf(to.plusDays(1)));
            if (scope != null) {
                ps.setString(4, scope.likePattern());
            }
            List<StepStatisticsRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new StepStatisticsRow(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StorageException("Cannot compute flow step statistics", e);
        }
    }
}
