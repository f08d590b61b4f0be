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
import vn.lienthong.gateway.domain.exchange.RetrySchedule;
import vn.lienthong.gateway.domain.notice.CitizenNotice;
import vn.lienthong.gateway.domain.notice.NoticeChannel;
import vn.lienthong.gateway.domain.notice.NoticeOutbox;
import vn.lienthong.gateway.domain.notice.NoticeStatus;

/**
 * The citizen notice outbox through plain JDBC; the SQL runs on H2 and PostgreSQL. Claims, attempts
 * and retries are the {@link LeasedQueue}'s.
 */
@ApplicationScoped
public class JdbcNoticeOutbox implements NoticeOutbox {

    private static final String COLUMNS = "id, notice_id, dossier_code, event_key, channel, recipient, subject, body, "
            + "status, attempts, last_error, next_attempt_at, created_at, updated_at";
    private static final LeasedQueue.Table TABLE = new LeasedQueue.Table("citizen_notice", COLUMNS, "lease_until",
            NoticeStatus.PENDING.name(), NoticeStatus.IN_FLIGHT.name(), NoticeStatus.DEAD.name());

    @Inject
    DataSource dataSource;

    private LeasedQueue queue;

    /** For CDI. */
    public JdbcNoticeOutbox() {
    }

    /** Outside a container, on a given data source. */
    public JdbcNoticeOutbox(DataSource dataSource) {
        this.dataSource = dataSource;
        init();
    }

    @PostConstruct
    void init() {
        queue = new LeasedQueue(dataSource, TABLE);
    }

    @Override
    public boolean add(CitizenNotice n) {
        // INSERT ... WHERE NOT EXISTS rather than catching the unique violation: on PostgreSQL a
        // failed statement aborts the whole transaction, and this one is the dossier change's.
        // The dossier row is locked by that change, so two writers of one event cannot race here.
        String sql = "INSERT INTO citizen_notice (notice_id, dossier_code, event_key, channel, recipient, subject, body, "
                + "status, attempts, next_attempt_at, created_at, updated_at) "
                + "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM (VALUES (1)) AS one(x) WHERE NOT EXISTS "
                + "(SELECT 1 FROM citizen_notice WHERE dossier_code = ? AND event_key = ? AND channel = ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, n.noticeId());
            ps.setString(2, n.dossierCode().value());
            ps.setString(3, n.eventKey());
            ps.setString(4, n.channel().name());
            ps.setString(5, n.recipient());
            ps.setString(6, n.subject());
            ps.setString(7, n.body());
            ps.setString(8, n.status().name());
            ps.setInt(9, n.attempts());
            ps.setObject(10, n.nextAttemptAt());
            ps.setObject(11, n.createdAt());
            ps.setObject(12, n.updatedAt());
            ps.setString(13, n.dossierCode().value());
            ps.setString(14, n.eventKey());
            ps.setString(15, n.channel().name());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Rows.failure("put notice " + n.eventKey() + " of " + n.dossierCode() + " in the outbox", e);
        }
    }

    @Override
    public List<CitizenNotice> claimDue(NoticeChannel channel, OffsetDateTime now, OffsetDateTime leaseUntil,
                                        int limit) {
        return queue.claim("channel", channel.name(), now, leaseUntil, limit, JdbcNoticeOutbox::toNotice);
    }

    @Override
    public CitizenNotice retryLater(CitizenNotice n, RetrySchedule retries, DoubleSupplier random, String error,
                                    OffsetDateTime now) {
        queue.failed(n.id(), n.updatedAt(), n.attempts(), retries.maxAttempts(), a -> retries.delayAfter(a, random),
                error, now);
        return find(n.noticeId()).orElseThrow();
    }

    @Override
    public Optional<CitizenNotice> find(String noticeId) {
        List<CitizenNotice> found = many("notice_id = ?", noticeId, "", 1);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public void update(CitizenNotice n) {
        String sql = "UPDATE citizen_notice SET status = ?, attempts = ?, last_error = ?, next_attempt_at = ?, "
                + "lease_until = NULL, updated_at = ? WHERE id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, n.status().name());
            ps.setInt(2, n.attempts());
            ps.setString(3, Rows.clip(n.lastError(), 2000));
            ps.setObject(4, n.nextAttemptAt());
            ps.setObject(5, n.updatedAt());
            ps.setLong(6, n.id());
            if (ps.executeUpdate() != 1) {
                throw new StorageException("Notice " + n.noticeId() + " vanished during an update", null);
            }
        } catch (SQLException e) {
            throw Rows.failure("update notice " + n.noticeId(), e);
        }
    }

    @Override
    public List<CitizenNotice> list(NoticeStatus status, int limit) {
        return status == null ? many("1 = 1", null, " ORDER BY updated_at DESC, id DESC", limit)
                : many("status = ?", status.name(), " ORDER BY updated_at DESC, id DESC", limit);
    }

    @Override
    public List<CitizenNotice> ofDossier(DossierCode code) {
        return many("dossier_code = ?", code.value(), " ORDER BY id", Integer.MAX_VALUE);
    }

    private List<CitizenNotice> many(String where, Object param, String order, int limit) {
        return Rows.list(dataSource, "SELECT " + COLUMNS + " FROM citizen_notice WHERE " + where + order + " LIMIT ?",
                param, limit, JdbcNoticeOutbox::toNotice, "list notices");
    }

    private static CitizenNotice toNotice(ResultSet rs) throws SQLException {
        return new CitizenNotice(rs.getLong("id"), rs.getString("notice_id"), new DossierCode(rs.getString("dossier_code")),
                rs.getString("event_key"), NoticeChannel.valueOf(rs.getString("channel")), rs.getString("recipient"),
                rs.getString("subject"), rs.getString("body"), NoticeStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"), rs.getString("last_error"), Rows.time(rs, "next_attempt_at"),
                Rows.time(rs, "created_at"), Rows.time(rs, "updated_at"));
    }
}
