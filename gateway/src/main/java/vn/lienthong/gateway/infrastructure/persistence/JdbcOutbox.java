package vn.lienthong.gateway.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.lienthong.gateway.domain.StorageException;
import vn.lienthong.gateway.domain.dossier.DossierCode;
import vn.lienthong.gateway.domain.exchange.AgencyMessage;
import vn.lienthong.gateway.domain.exchange.ExchangeStatus;
import vn.lienthong.gateway.domain.exchange.Outbox;
import vn.lienthong.gateway.domain.exchange.RetrySchedule;

/**
 * The outbox in the gateway's database through plain JDBC; the SQL runs on H2 and PostgreSQL.
 * Claims, attempts, retries and hand-backs are the {@link LeasedQueue}'s.
 */
@ApplicationScoped
public class JdbcOutbox implements Outbox {


    private static final String COLUMNS = "id, message_id, dossier_code, agency_id, operation, payload, status, "
            + "attempts, ticket, result, last_error, next_attempt_at, created_at, updated_at";
    private static final LeasedQueue.Table TABLE = new LeasedQueue.Table("agency_message", COLUMNS,
            "lease_until", ExchangeStatus.PENDING.name(), ExchangeStatus.IN_FLIGHT.name(), ExchangeStatus.DEAD.name());

    @Inject
    DataSource dataSource;

    private LeasedQueue queue;

    /** For CDI. */
    public JdbcOutbox() {
    }

    /** Outside a container, on a given data source. */
    public JdbcOutbox(DataSource dataSource) {
        this.dataSource = dataSource;
        init();
    }

    @PostConstruct
    void init() {
        queue = new LeasedQueue(dataSource, TABLE);
    }

    @Override
    public void add(AgencyMessage m) {
        String sql = "INSERT INTO agency_message (message_id, dossier_code, agency_id, operation, payload, status, "
                + "attempts, next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, m.messageId());
            ps.setString(2, m.dossierCode().value());
            ps.setString(3, m.agencyId());
            ps.setString(4, m.operation());
            ps.setString(5, m.payload());
            ps.setString(6, m.status().name());
            ps.setInt(7, m.attempts());
            ps.setObject(8, m.nextAttemptAt());
            ps.setObject(9, m.createdAt());
            ps.setObject(10, m.updatedAt());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Rows.failure("put message " + m.messageId() + " in the outbox", e);
        }
    }

    @Override
    public List<AgencyMessage> claimDue(OffsetDateTime now, OffsetDateTime leaseUntil, int limit) {
        return queue.claim(now, leaseUntil, limit, JdbcOutbox::toMessage);
    }

    @Override
    public AgencyMessage retryLater(AgencyMessage m, RetrySchedule retries, DoubleSupplier random, String error,
                                    OffsetDateTime now) {
        queue.failed(m.id(), m.updatedAt(), m.attempts(), retries.maxAttempts(),
                n -> retries.delayAfter(n, random), error, now).orElseThrow(() -> new StorageException(
                        "Outbox message " + m.messageId() + " is not in flight any more", null));
        return find(m.messageId()).orElseThrow();
    }

    @Override
    public void handBack(AgencyMessage m, OffsetDateTime until, String reason, OffsetDateTime now) {
        if (!queue.handBack(m.id(), m.updatedAt(), until, reason, now)) {
            throw new StorageException("Outbox message " + m.messageId() + " is not in flight any more", null);
        }
    }

    @Override
    public Optional<AgencyMessage> find(String messageId) {
        return one("message_id = ?", messageId, "");
    }

    @Override
    public Optional<AgencyMessage> findById(long id) {
        return one("id = ?", id, "");
    }

    @Override
    public Optional<AgencyMessage> findForUpdate(String messageId) {
        return one("message_id = ?", messageId, " FOR UPDATE");
    }

    @Override
    public Optional<AgencyMessage> findByTicket(String agencyId, String ticket) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM agency_message WHERE agency_id = ? AND ticket = ? FOR UPDATE")) {
            ps.setString(1, agencyId);
            ps.setString(2, ticket);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(toMessage(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Rows.failure("find ticket " + ticket + " of " + agencyId, e);
        }
    }

    @Override
    public void update(AgencyMessage m) {
        String sql = "UPDATE agency_message SET status = ?, attempts = ?, ticket = ?, result = ?, last_error = ?, "
                + "next_attempt_at = ?, lease_until = NULL, updated_at = ?, payload = ? WHERE id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, m.status().name());
            ps.setInt(2, m.attempts());
            ps.setString(3, m.ticket());
            ps.setString(4, m.result());
            ps.setString(5, Rows.clip(m.lastError(), 2000));
            ps.setObject(6, m.nextAttemptAt());
            ps.setObject(7, m.updatedAt());
            ps.setString(8, m.payload());
            ps.setLong(9, m.id());
            if (ps.executeUpdate() != 1) {
                throw new StorageException("Outbox message " + m.messageId() + " vanished during an update", null);
            }
        } catch (SQLException e) {
            throw Rows.failure("update outbox message " + m.messageId(), e);
        }
    }

    @Override
    public List<AgencyMessage> ofDossier(DossierCode code) {
        return many("dossier_code = ?", code.value(), " ORDER BY id", Integer.MAX_VALUE);
    }

    /** Counted in the database: the answer's transaction asks this once per result, and needs no payloads. */
    @Override
    public boolean allDone(DossierCode code) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*), COUNT(CASE WHEN status <> 'DONE' THEN 1 END) FROM agency_message WHERE dossier_code = ?")) {
            ps.setString(1, code.value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0 && rs.getLong(2) == 0;
            }
        } catch (SQLException e) {
            throw Rows.failure("count the outbox messages of dossier " + code, e);
        }
    }

    @Override
    public List<AgencyMessage> deadLetters(int limit) {
        return many("status IN ('FAILED', 'DEAD')", null, " ORDER BY updated_at DESC, id DESC", limit);
    }

    @Override
    public List<AgencyMessage> acceptedBefore(OffsetDateTime cutoff, int limit) {
        // An accepted message changes only when its callback comes: updated_at is when it was accepted.
        return many("status = 'ACCEPTED' AND updated_at < ?", Rows.micros(cutoff), " ORDER BY updated_at, id", limit);
    }

    private Optional<AgencyMessage> one(String where, Object param, String lock) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM agency_message WHERE " + where + lock)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(toMessage(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Rows.failure("read outbox message " + param, e);
        }
    }

    private List<AgencyMessage> many(String where, Object param, String order, int limit) {
        return Rows.list(dataSource, "SELECT " + COLUMNS + " FROM agency_message WHERE " + where + order + " LIMIT ?",
                param, limit, JdbcOutbox::toMessage, "list outbox messages");
    }

    private static AgencyMessage toMessage(ResultSet rs) throws SQLException {
        return new AgencyMessage(rs.getLong("id"), rs.getString("message_id"),
                new DossierCode(rs.getString("dossier_code")), rs.getString("agency_id"), rs.getString("operation"),
                rs.getString("payload"), ExchangeStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getString("ticket"), rs.getString("result"), rs.getString("last_error"),
                Rows.time(rs, "next_attempt_at"), Rows.time(rs, "created_at"), Rows.time(rs, "updated_at"));
    }
}
