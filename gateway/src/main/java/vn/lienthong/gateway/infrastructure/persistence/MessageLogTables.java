package vn.lienthong.gateway.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import vn.lienthong.gateway.domain.messagelog.ChainHead;
import vn.lienthong.gateway.domain.messagelog.MessageKind;
import vn.lienthong.gateway.domain.messagelog.MessageRecord;
import vn.lienthong.gateway.infrastructure.messagelog.MessageLogException;

/**
 * What the message log's write and read paths share: the record row and its mapping, the chain
 * head, and the local transaction every call runs in, whatever transaction its caller is in.
 */
final class MessageLogTables {

    static final String RECORD_COLUMNS = "id, kind, agency_id, message_id, dossier_code, http_status, "
            + "headers, body, logged_at, previous_hash, record_hash";

    private MessageLogTables() {
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in a local transaction of its own on a connection that goes back to the pool as it came. */
    static <T> T inTransaction(DataSource dataSource, String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            int isolation = c.getTransactionIsolation();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                throw e;
            } finally {
                // A pooled connection goes back as it came.
                if (c.isReadOnly()) {
                    c.setReadOnly(false);
                }
                c.setTransactionIsolation(isolation);
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new MessageLogException("Cannot " + what + ": " + e.getMessage(), e);
        }
    }

    private static void rollback(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    static ChainHead readHead(Connection c, String lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_id, last_hash FROM message_log_head WHERE id = 1" + lock);
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("The message log head row is missing (V4__message_log.sql inserts it)");
            }
            return new ChainHead(rs.getLong(1), rs.getString(2));
        }
    }

    static void insert(Connection c, List<MessageRecord> records) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO message_log (" + RECORD_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (MessageRecord r : records) {
                ps.setLong(1, r.id());
                ps.setString(2, r.kind().name());
                ps.setString(3, r.agencyId());
                ps.setString(4, r.messageId());
                ps.setString(5, r.dossierCode());
                if (r.httpStatus() == null) {
                    ps.setNull(6, Types.INTEGER);
                } else {
                    ps.setInt(6, r.httpStatus());
                }
                ps.setString(7, r.headers());
                ps.setString(8, r.body());
                ps.setObject(9, OffsetDateTime.ofInstant(r.loggedAt(), ZoneOffset.UTC));
                ps.setString(10, r.previousHash());
                ps.setString(11, r.hash());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static MessageRecord toRecord(ResultSet rs) throws SQLException {
        int status = rs.getInt(6);
        Integer httpStatus = rs.wasNull() ? null : status;
        String kind = rs.getString(2);
        return new MessageRecord(rs.getLong(1), isKind(kind) ? MessageKind.valueOf(kind) : null, rs.getString(3),
                rs.getString(4), rs.getString(5), httpStatus, rs.getString(7), rs.getString(8),
                rs.getObject(9, OffsetDateTime.class).toInstant(), rs.getString(10), rs.getString(11));
    }

    static boolean isKind(String kind) {
        for (MessageKind k : MessageKind.values()) {
            if (k.name().equals(kind)) {
                return true;
            }
        }
        return false;
    }

    static long count(Connection c, String sql, Long parameter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (parameter != null) {
                ps.setLong(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static void update(Connection c, String sql, long parameter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, parameter);
            ps.executeUpdate();
        }
    }

    /** The identity column comes first in both tables: H2 returns only it, PostgreSQL the whole row. */
    static long generatedId(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("The database returned no generated id");
            }
            return keys.getLong(1);
        }
    }
}
