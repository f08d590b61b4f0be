package vn.lienthong.gateway.infrastructure.messagelog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import vn.lienthong.gateway.domain.messagelog.ChainHash;
import vn.lienthong.gateway.domain.messagelog.ChainHead;
import vn.lienthong.gateway.domain.messagelog.ChainSigner;
import vn.lienthong.gateway.domain.messagelog.ChainVerifier;
import vn.lienthong.gateway.domain.messagelog.LoggedMessage;
import vn.lienthong.gateway.domain.messagelog.MessageKind;
import vn.lienthong.gateway.domain.messagelog.MessageLogQuery;
import vn.lienthong.gateway.domain.messagelog.MessageRecord;
import vn.lienthong.gateway.domain.messagelog.PurgeAnchor;
import vn.lienthong.gateway.domain.messagelog.SignedBatch;
import vn.lienthong.gateway.domain.messagelog.Verification;

/**
 * The message log's tables (V4__message_log.sql). Every write runs in its own local transaction
 * that first locks the single chain-head row, so the chain stays linear whoever writes; reads for
 * verification run in one REPEATABLE READ transaction, a consistent snapshot while writes go on.
 * Plain JDBC on any DataSource: the same code runs in the container and in unit tests on H2.
 */
public final class JdbcMessageLogStore {

    private static final String RECORD_COLUMNS = "id, kind, agency_id, message_id, dossier_code, http_status, "
            + "headers, body, logged_at, previous_hash, record_hash";

    private final DataSource dataSource;

    public JdbcMessageLogStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Chains the messages after the current head, in one transaction; all or none are stored. */
    public List<MessageRecord> append(List<LoggedMessage> messages, Instant at) {
        return inTransaction("store " + messages.size() + " message log records", c -> {
            ChainHead head = lockHead(c);
            List<MessageRecord> records = new ArrayList<>(messages.size());
            for (LoggedMessage m : messages) {
                MessageRecord r = MessageRecord.chain(head.lastId() + 1, m, at, head.lastHash());
                records.add(r);
                head = new ChainHead(r.id(), r.hash());
            }
            insert(c, records);
            moveHead(c, head);
            return records;
        });
    }

    /** Signs every record after the last batch, if any; the head stays locked while it signs. */
    public Optional<SignedBatch> seal(ChainSigner signer, Instant now) {
        return inTransaction("sign a message log batch", c -> {
            ChainHead head = lockHead(c);
            long signedThrough = signedThrough(c);
            if (head.lastId() <= signedThrough) {
                return Optional.empty();
            }
            long first = signedThrough + 1;
            requireIntact(c, first, head);
            byte[] signature = signer.sign(SignedBatch.content(first, head.lastId(), head.lastHash()));
            Instant at = now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO message_log_batch (first_record_id, "
                    + "last_record_id, last_hash, signed_at, signer, signature) VALUES (?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, first);
                ps.setLong(2, head.lastId());
                ps.setString(3, head.lastHash());
                ps.setObject(4, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                ps.setString(5, clip(signer.name(), 500));
                ps.setString(6, Base64.getEncoder().encodeToString(signature));
                ps.executeUpdate();
                id = generatedId(ps);
            }
            return Optional.of(new SignedBatch(id, first, head.lastId(), head.lastHash(), at, signature,
                    signer.name()));
        });
    }

    /**
     * Deletes the records of every signed batch whose last record is older than {@code cutoff},
     * leaves a signed anchor at the last deleted record, and chains a PURGE record saying so; one
     * transaction. Whole batches only, so what remains starts exactly after a signed hash.
     */
    public Optional<PurgeAnchor> purge(Instant cutoff, ChainSigner signer, Instant now, PurgeReport report) {
        return inTransaction("purge the message log", c -> {
            ChainHead head = lockHead(c);
            long lastPurged;
            String lastPurgedHash;
            try (PreparedStatement ps = c.prepareStatement("SELECT b.last_record_id, b.last_hash FROM message_log_batch b "
                    + "JOIN message_log r ON r.id = b.last_record_id WHERE r.logged_at < ? "
                    + "ORDER BY b.last_record_id DESC LIMIT 1")) {
                ps.setObject(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    lastPurged = rs.getLong(1);
                    lastPurgedHash = rs.getString(2);
                }
            }
            long count = count(c, "SELECT COUNT(*) FROM message_log WHERE id <= ?", lastPurged);
            Instant at = now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            byte[] signature = signer.sign(PurgeAnchor.content(lastPurged, lastPurgedHash, at));
            long anchorId;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO message_log_anchor (last_purged_id, "
                    + "last_purged_hash, purged_at, records_purged, signer, signature) VALUES (?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, lastPurged);
                ps.setString(2, lastPurgedHash);
                ps.setObject(3, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                ps.setLong(4, count);
                ps.setString(5, clip(signer.name(), 500));
                ps.setString(6, Base64.getEncoder().encodeToString(signature));
                ps.executeUpdate();
                anchorId = generatedId(ps);
            }
            update(c, "DELETE FROM message_log WHERE id <= ?", lastPurged);
            update(c, "DELETE FROM message_log_batch WHERE last_record_id <= ?", lastPurged);
            PurgeAnchor anchor = new PurgeAnchor(anchorId, lastPurged, lastPurgedHash, at, count, signature,
                    signer.name());
            MessageRecord purgeRecord = MessageRecord.chain(head.lastId() + 1, report.record(anchor, cutoff), at,
                    head.lastHash());
            insert(c, List.of(purgeRecord));
            moveHead(c, new ChainHead(purgeRecord.id(), purgeRecord.hash()));
            return Optional.of(anchor);
        });
    }

    /**
     * Re-checks the records about to be signed against their stored hashes and links, so that a
     * signature never vouches for a record altered in the database after it was written.
     */
    private static void requireIntact(Connection c, long first, ChainHead head) throws SQLException {
        String previous = hashBefore(c, first);
        long expected = first;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + RECORD_COLUMNS + " FROM message_log "
                + "WHERE id >= ? AND id <= ? ORDER BY id")) {
            ps.setLong(1, first);
            ps.setLong(2, head.lastId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    String problem = !isKind(rs.getString(2)) ? "has an unknown kind"
                            : id != expected ? "follows a gap (record " + expected + " is missing)"
                            : null;
                    MessageRecord r = problem == null ? toRecord(rs) : null;
                    if (problem == null && !r.recomputedHash().equals(r.hash())) {
                        problem = "no longer matches its hash";
                    } else if (problem == null && !r.previousHash().equals(previous)) {
                        problem = "does not link to the record before it";
                    }
                    if (problem != null) {
                        throw new MessageLogException("Refusing to sign records " + first + "–" + head.lastId()
                                + ": record " + id + " " + problem + "; GET /api/v1/admin/message-log/verify tells more",
                                null);
                    }
                    previous = r.hash();
                    expected = id + 1;
                }
            }
        }
        if (expected != head.lastId() + 1 || !previous.equals(head.lastHash())) {
            throw new MessageLogException("Refusing to sign records " + first + "–" + head.lastId()
                    + ": the stored records do not end at the chain head", null);
        }
    }

    /** The hash the record {@code first} must link to: the newest batch's, the purge anchor's, or genesis. */
    private static String hashBefore(Connection c, long first) throws SQLException {
        if (first == 1) {
            return ChainHash.GENESIS;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT last_hash FROM message_log_batch WHERE last_record_id = ? "
                + "UNION ALL SELECT last_purged_hash FROM message_log_anchor WHERE last_purged_id = ?")) {
            ps.setLong(1, first - 1);
            ps.setLong(2, first - 1);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("No batch or purge anchor ends at record " + (first - 1));
                }
                return rs.getString(1);
            }
        }
    }

    /** Turns a purge into the PURGE record that the chain keeps of it. */
    @FunctionalInterface
    public interface PurgeReport {
        LoggedMessage record(PurgeAnchor anchor, Instant cutoff);
    }

    /** Records not yet covered by a signed batch. */
    public long unsignedRecords() {
        return inTransaction("count unsigned message log records", c -> {
            ChainHead head = readHead(c, "");
            return Math.max(0, head.lastId() - signedThrough(c));
        });
    }

    /** Walks the whole log in one consistent snapshot. */
    public Verification verify(ChainSigner signer) {
        return inTransaction("verify the message log", c -> {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            ChainHead head = readHead(c, "");
            Optional<PurgeAnchor> anchor = newestAnchor(c);
            ChainVerifier verifier = new ChainVerifier(signer, anchor, batches(c), head);
            try (PreparedStatement ps = c.prepareStatement("SELECT " + RECORD_COLUMNS + " FROM message_log ORDER BY id")) {
                ps.setFetchSize(256);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String kind = rs.getString(2);
                        if (!isKind(kind)) {
                            verifier.unreadable(rs.getLong(1), "unknown kind '" + kind + "'");
                        } else {
                            verifier.record(toRecord(rs));
                        }
                    }
                }
            }
            return verifier.finish();
        });
    }

    /** A page, newest first. */
    public List<MessageRecord> find(MessageLogQuery q) {
        StringBuilder sql = new StringBuilder("SELECT " + RECORD_COLUMNS + " FROM message_log WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (q.dossierCode() != null) {
            sql.append(" AND dossier_code = ?");
            params.add(q.dossierCode());
        }
        if (q.agencyId() != null) {
            sql.append(" AND agency_id = ?");
            params.add(q.agencyId());
        }
        if (q.beforeId() != null) {
            sql.append(" AND id < ?");
            params.add(q.beforeId());
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        params.add(q.limit());
        return inTransaction("read the message log", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                List<MessageRecord> page = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        page.add(toRecord(rs));
                    }
                }
                return page;
            }
        });
    }

    private <T> T inTransaction(String what, Work<T> work) {
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

    private static ChainHead lockHead(Connection c) throws SQLException {
        return readHead(c, " FOR UPDATE");
    }

    private static ChainHead readHead(Connection c, String lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_id, last_hash FROM message_log_head WHERE id = 1" + lock);
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("The message log head row is missing (V4__message_log.sql inserts it)");
            }
            return new ChainHead(rs.getLong(1), rs.getString(2));
        }
    }

    private static void moveHead(Connection c, ChainHead head) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE message_log_head SET last_id = ?, last_hash = ? WHERE id = 1")) {
            ps.setLong(1, head.lastId());
            ps.setString(2, head.lastHash());
            ps.executeUpdate();
        }
    }

    /** The last record covered by a signature: the newest batch's end, or else where the chain starts after a purge. */
    private static long signedThrough(Connection c) throws SQLException {
        long batched = count(c, "SELECT COALESCE(MAX(last_record_id), 0) FROM message_log_batch", null);
        long anchored = count(c, "SELECT COALESCE(MAX(last_purged_id), 0) FROM message_log_anchor", null);
        return Math.max(batched, anchored);
    }

    private static void insert(Connection c, List<MessageRecord> records) throws SQLException {
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

    private static MessageRecord toRecord(ResultSet rs) throws SQLException {
        int status = rs.getInt(6);
        Integer httpStatus = rs.wasNull() ? null : status;
        String kind = rs.getString(2);
        return new MessageRecord(rs.getLong(1), isKind(kind) ? MessageKind.valueOf(kind) : null, rs.getString(3),
                rs.getString(4), rs.getString(5), httpStatus, rs.getString(7), rs.getString(8),
                rs.getObject(9, OffsetDateTime.class).toInstant(), rs.getString(10), rs.getString(11));
    }

    private static boolean isKind(String kind) {
        for (MessageKind k : MessageKind.values()) {
            if (k.name().equals(kind)) {
                return true;
            }
        }
        return false;
    }

    private static List<SignedBatch> batches(Connection c) throws SQLException {
        List<SignedBatch> batches = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, first_record_id, last_record_id, last_hash, signed_at, "
                + "signature, signer FROM message_log_batch ORDER BY first_record_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                batches.add(new SignedBatch(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant(), decode(rs.getString(6)), rs.getString(7)));
            }
        }
        return batches;
    }

    private static Optional<PurgeAnchor> newestAnchor(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, last_purged_id, last_purged_hash, purged_at, "
                + "records_purged, signature, signer FROM message_log_anchor ORDER BY id DESC LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new PurgeAnchor(rs.getLong(1), rs.getLong(2), rs.getString(3),
                    rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getLong(5), decode(rs.getString(6)),
                    rs.getString(7)));
        }
    }

    /** An altered signature column that is not even base64 is still "a signature that does not hold". */
    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64 == null ? "" : base64.trim());
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static long count(Connection c, String sql, Long parameter) throws SQLException {
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

    private static void update(Connection c, String sql, long parameter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, parameter);
            ps.executeUpdate();
        }
    }

    /** The identity column comes first in both tables: H2 returns only it, PostgreSQL the whole row. */
    private static long generatedId(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("The database returned no generated id");
            }
            return keys.getLong(1);
        }
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
