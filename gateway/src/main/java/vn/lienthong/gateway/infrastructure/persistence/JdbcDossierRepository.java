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
import vn.lienthong.gateway.domain.dossier.Applicant;
import vn.lienthong.gateway.domain.dossier.Channel;
import vn.lienthong.gateway.domain.dossier.CitizenId;
import vn.lienthong.gateway.domain.dossier.Dossier;
import vn.lienthong.gateway.domain.dossier.DossierCode;
import vn.lienthong.gateway.domain.dossier.DossierEvent;
import vn.lienthong.gateway.domain.dossier.DossierPage;
import vn.lienthong.gateway.domain.dossier.DossierQuery;
import vn.lienthong.gateway.domain.dossier.DossierRepository;
import vn.lienthong.gateway.domain.dossier.DossierStatus;
import vn.lienthong.gateway.domain.dossier.NoticeConsent;
import vn.lienthong.gateway.domain.dossier.StatisticsGrouping;
import vn.lienthong.gateway.domain.dossier.Settlement;
import vn.lienthong.gateway.domain.dossier.StatisticsRow;
import vn.lienthong.gateway.domain.dossier.Timeliness;

/**
 * Dossiers in a relational database through plain JDBC; the SQL runs on H2 and PostgreSQL. One
 * dossier and its history here; the desks' list and the statistics report in {@link DossierListing}.
 */
@ApplicationScoped
public class JdbcDossierRepository implements DossierRepository {

    static final String COLUMNS = "id, code, procedure_code, agency_code, channel, status, applicant_name, "
            + "citizen_id, phone, email, form_data, received_by, received_at, due_at, deadline_at, paused_at, "
            + "finished_at, timeliness, notify_sms, notify_email";

    @Inject
    DataSource dataSource;

    @Inject
    SequenceRows sequenceRows;

    public JdbcDossierRepository() {
    }

    /** For tests: dossiers in this database (reads and updates; numbering needs the container's sequence rows). */
    public JdbcDossierRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public int nextSequence(String agencyCode, LocalDate day) {
        if (!sequenceRows.exists(agencyCode, day)) {
            sequenceRows.ensure(agencyCode, day);
        }
        try (Connection c = dataSource.getConnection()) {
            // The UPDATE locks the row until this transaction ends: concurrent desks queue here.
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE agency_day_sequence SET next_number = next_number + 1 WHERE agency_code = ? AND seq_day = ?")) {
                update.setString(1, agencyCode);
                update.setObject(2, day);
                if (update.executeUpdate() != 1) {
                    throw new StorageException("Dossier sequence of " + agencyCode + " for " + day + " is missing", null);
                }
            }
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT next_number FROM agency_day_sequence WHERE agency_code = ? AND seq_day = ?")) {
                select.setString(1, agencyCode);
                select.setObject(2, day);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        } catch (SQLException e) {
            throw Rows.failure("take the next dossier number of " + agencyCode, e);
        }
    }

    @Override
    public void add(Dossier d, DossierEvent received) {
        String sql = "INSERT INTO dossier (code, procedure_code, agency_code, channel, status, applicant_name, "
                + "citizen_id, phone, email, form_data, received_by, received_at, due_at, deadline_at, paused_at, "
                + "finished_at, timeliness, updated_at, notify_sms, notify_email) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, d.code().value());
            ps.setString(2, d.procedureCode());
            ps.setString(3, d.agencyCode());
            ps.setString(4, d.channel().name());
            ps.setString(5, d.status().name());
            ps.setString(6, d.applicant().fullName());
            ps.setString(7, d.applicant().citizenId().value());
            ps.setString(8, d.applicant().phone());
            ps.setString(9, d.applicant().email());
            ps.setString(10, d.formData());
            ps.setString(11, d.receivedBy());
            ps.setObject(12, d.receivedAt());
            ps.setObject(13, d.dueAt());
            ps.setObject(14, d.deadlineAt());
            ps.setObject(15, d.pausedAt());
            ps.setObject(16, d.finishedAt());
            ps.setString(17, d.timeliness() == null ? null : d.timeliness().name());
            ps.setObject(18, received.occurredAt());
            ps.setBoolean(19, d.applicant().consent().sms());
            ps.setBoolean(20, d.applicant().consent().email());
            ps.executeUpdate();
            insertEvent(c, d.code(), received);
        } catch (SQLException e) {
            throw Rows.failure("store dossier " + d.code(), e);
        }
    }

    @Override
    public Optional<Dossier> find(DossierCode code) {
        return findBy(code, "");
    }

    @Override
    public Optional<Dossier> findForUpdate(DossierCode code) {
        return findBy(code, " FOR UPDATE");
    }

    private Optional<Dossier> findBy(DossierCode code, String lock) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM dossier WHERE code = ?" + lock)) {
            ps.setString(1, code.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(toDossier(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Rows.failure("read dossier " + code, e);
        }
    }

    @Override
    public void update(Dossier d, DossierEvent event) {
        try (Connection c = dataSource.getConnection()) {
            updateRow(c, d, event.occurredAt());
            insertEvent(c, d.code(), event);
        } catch (SQLException e) {
            throw Rows.failure("update dossier " + d.code(), e);
        }
    }

    @Override
    public void update(Dossier d, OffsetDateTime at) {
        try (Connection c = dataSource.getConnection()) {
            updateRow(c, d, at);
        } catch (SQLException e) {
            throw Rows.failure("update dossier " + d.code(), e);
        }
    }

    private static void updateRow(Connection c, Dossier d, OffsetDateTime at) throws SQLException {
        String sql = "UPDATE dossier SET status = ?, due_at = ?, deadline_at = ?, paused_at = ?, finished_at = ?, "
                + "timeliness = ?, updated_at = ? WHERE code = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, d.status().name());
            ps.setObject(2, d.dueAt());
            ps.setObject(3, d.deadlineAt());
            ps.setObject(4, d.pausedAt());
            ps.setObject(5, d.finishedAt());
            ps.setString(6, d.timeliness() == null ? null : d.timeliness().name());
            ps.setObject(7, at);
            ps.setString(8, d.code().value());
            if (ps.executeUpdate() != 1) {
                throw new StorageException("Dossier " + d.code() + " vanished during an update", null);
            }
        }
    }

    @Override
    public void record(DossierCode code, DossierEvent event) {
        try (Connection c = dataSource.getConnection()) {
            insertEvent(c, code, event);
        } catch (SQLException e) {
            throw Rows.failure("record an event of dossier " + code, e);
        }
    }

    @Override
    public List<DossierEvent> history(DossierCode code) {
        String sql = "SELECT e.kind, e.from_status, e.to_status, e.actor, e.from_unit, e.to_unit, e.step_deadline, "
                + "e.due_at, e.note, e.occurred_at FROM dossier_event e JOIN dossier d ON d.id = e.dossier_id "
                + "WHERE d.code = ? ORDER BY e.id";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, code.value());
            List<DossierEvent> events = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(new DossierEvent(
                            DossierEvent.Kind.valueOf(rs.getString(1)),
                            status(rs.getString(2)), status(rs.getString(3)),
                            rs.getString(4), rs.getString(5), rs.getString(6),
                            Rows.time(rs, 7), Rows.time(rs, 8), rs.getString(9), Rows.time(rs, 10)));
                }
            }
            return events;
        } catch (SQLException e) {
            throw Rows.failure("read the history of dossier " + code, e);
        }
    }

    @Override
    public DossierPage search(DossierQuery q, OffsetDateTime now) {
        try (Connection c = dataSource.getConnection()) {
            return DossierListing.page(c, q, now);
        } catch (SQLException e) {
            throw Rows.failure("list dossiers", e);
        }
    }

    @Override
    public List<StatisticsRow> statistics(AgencyScope scope, LocalDate from, LocalDate to, StatisticsGrouping grouping,
                                          OffsetDateTime now) {
        try (Connection c = dataSource.getConnection()) {
            return DossierListing.statistics(c, scope, from, to, grouping, now);
        } catch (SQLException e) {
            throw Rows.failure("compute statistics", e);
        }
    }

    @Override
    public List<Settlement> settlements(AgencyScope scope, LocalDate from, LocalDate to, StatisticsGrouping grouping) {
        try (Connection c = dataSource.getConnection()) {
            return DossierListing.settlements(c, scope, from, to, grouping);
        } catch (SQLException e) {
            throw Rows.failure("list settled dossiers", e);
        }
    }

    /**
     * One statement per event: the dossier's id is looked up by its code inside the INSERT rather
     * than read back first (an exchange writes four or five events, each a round through the
     * parser and the index otherwise). An unknown code gives a NULL id, which the NOT NULL column
     * refuses, so nothing is written.
     */
    private static void insertEvent(Connection c, DossierCode code, DossierEvent e) throws SQLException {
        String sql = "INSERT INTO dossier_event (dossier_id, kind, from_status, to_status, actor, from_unit, to_unit, "
                + "step_deadline, due_at, note, occurred_at) "
                + "VALUES ((SELECT id FROM dossier WHERE code = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, code.value());
            ps.setString(2, e.kind().name());
            ps.setString(3, e.fromStatus() == null ? null : e.fromStatus().name());
            ps.setString(4, e.toStatus() == null ? null : e.toStatus().name());
            ps.setString(5, e.actor());
            ps.setString(6, e.fromUnit());
            ps.setString(7, e.toUnit());
            ps.setObject(8, e.stepDeadline());
            ps.setObject(9, e.dueAt());
            ps.setString(10, e.note());
            ps.setObject(11, e.occurredAt());
            ps.executeUpdate();
        }
    }

    static Dossier toDossier(ResultSet rs) throws SQLException {
        String timeliness = rs.getString("timeliness");
        return new Dossier(
                new DossierCode(rs.getString("code")),
                rs.getString("procedure_code"),
                rs.getString("agency_code"),
                Channel.valueOf(rs.getString("channel")),
                DossierStatus.valueOf(rs.getString("status")),
                new Applicant(rs.getString("applicant_name"), new CitizenId(rs.getString("citizen_id")),
                        rs.getString("phone"), rs.getString("email"),
                        new NoticeConsent(rs.getBoolean("notify_sms"), rs.getBoolean("notify_email"))),
                rs.getString("form_data"),
                rs.getString("received_by"),
                Rows.time(rs, "received_at"), Rows.time(rs, "due_at"), Rows.time(rs, "deadline_at"),
                Rows.time(rs, "paused_at"), Rows.time(rs, "finished_at"),
                timeliness == null ? null : Timeliness.valueOf(timeliness));
    }

    private static DossierStatus status(String s) {
        return s == null ? null : DossierStatus.valueOf(s);
    }
}
