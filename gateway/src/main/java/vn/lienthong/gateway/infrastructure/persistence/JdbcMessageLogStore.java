package vn.lienthong.gateway.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
import vn.lienthong.gateway.domain.messagelog.LoggedMessage;
import vn.lienthong.gateway.domain.messagelog.MessageRecord;
import vn.lienthong.gateway.domain.messagelog.PurgeAnchor;
import vn.lienthong.gateway.domain.messagelog.SignedBatch;
import vn.lienthong.gateway.infrastructure.messagelog.MessageLogException;

/**
 * The message log's write path (V4__message_log.sql): appends, signed batches and purges. Every
 * write runs in its own local transaction that first locks the single chain-head row, so the chain
 * stays linear whoever writes. {@link JdbcMessageLogReader} is the read path. Plain JDBC on any
 * DataSource: the same code runs in the container and in unit tests on H2.
 */
public final class JdbcMessageLogStore {

    private final DataSource dataSource;

    public JdbcMessageLogStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Chains the messages after the current head, in one transaction; all or none are stored. */
    public List<MessageRecord> append(List<LoggedMessage> messages, Instant at) {
        return MessageLogTables.inTransaction(dataSource, "store " + messages.size() + " message log records", c -> {
            ChainHead head = lockHead(c);
            List<MessageRecord> records = new ArrayList<>(messages.size());
            for (LoggedMessage m : messages) {
                MessageRecord r = MessageRecord.chain(head.lastId() + 1, m, at, head.lastHash());
                records.add(r);
                head = new ChainHead(r.id(), r.hash());
            }
            MessageLogTables.insert(c, records);
            moveHead(c, head);
            return records;
        });
    }

    /** Signs every record after the last batch, if any; the head stays locked while it signs. */
    public Optional<SignedBatch> seal(ChainSigner signer, Instant now) {
        return MessageLogTables.inTransaction(dataSource, "sign a message log batch", c -> {
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
                ps.setString(5, Rows.clip(signer.name(), 500));
                ps.setString(6, Base64.getEncoder().encodeToString(signature));
                ps.executeUpdate();
                id = MessageLogTables.generatedId(ps);
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
        return MessageLogTables.inTransaction(dataSource, "purge the message log", c -> {
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
            long count = MessageLogTables.count(c, "SELECT COUNT(*) FROM message_log WHERE id <= ?", lastPurged);
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
                ps.setString(5, Rows.clip(signer.name(), 500));
                ps.setString(6, Base64.getEncoder().encodeToString(signature));
                ps.executeUpdate();
                anchorId = MessageLogTables.generatedId(ps);
            }
            MessageLogTables.update(c, "DELETE FROM message_log WHERE id <= ?", lastPurged);
            MessageLogTables.update(c, "DELETE FROM message_log_batch WHERE last_record_id <= ?", lastPurged);
            PurgeAnchor anchor = new PurgeAnchor(anchorId, lastPurged, lastPurgedHash, at, count, signature,
                    signer.name());
            MessageRecord purgeRecord = MessageRecord.chain(head.lastId() + 1, report.record(anchor, cutoff), at,
                    head.lastHash());
            MessageLogTables.insert(c, List.of(purgeRecord));
            moveHead(c, new ChainHead(purgeRecord.id(), purgeRecord.hash()));
            return Optional.of(anchor);
        });
    }

    /** Records not yet covered by a signed batch. */
    public long unsignedRecords() {
        return MessageLogTables.inTransaction(dataSource, "count unsigned message log records", c -> {
            ChainHead head = MessageLogTables.readHead(c, "");
            return Math.max(0, head.lastId() - signedThrough(c));
        });
    }

    /**
     * Re-checks the records about to be signed against their stored hashes and links, so that a
     * signature never vouches for a record altered in the database after it was written.
     */
    private static void requireIntact(Connection c, long first, ChainHead head) throws SQLException {
        String previous = hashBefore(c, first);
        long expected = first;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + MessageLogTables.RECORD_COLUMNS
                + " FROM message_log WHERE id >= ? AND id <= ? ORDER BY id")) {
            ps.setLong(1, first);
            ps.setLong(2, head.lastId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    String problem = !MessageLogTables.isKind(rs.getString(2)) ? "has an unknown kind"
                            : id != expected ? "follows a gap (record " + expected + " is missing)"
                            : null;
                    MessageRecord r = problem == null ? MessageLogTables.toRecord(rs) : null;
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

    private static ChainHead lockHead(Connection c) throws SQLException {
        return MessageLogTables.readHead(c, " FOR UPDATE");
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
        long batched = MessageLogTables.count(c, "SELECT COALESCE(MAX(last_record_id), 0) FROM message_log_batch",
                null);
        long anchored = MessageLogTables.count(c, "SELECT COALESCE(MAX(last_purged_id), 0) FROM message_log_anchor",
                null);
        return Math.max(batched, anchored);
    }
}
