package vn.lienthong.gateway.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import vn.lienthong.gateway.domain.messagelog.ChainHead;
import vn.lienthong.gateway.domain.messagelog.ChainSigner;
import vn.lienthong.gateway.domain.messagelog.ChainVerifier;
import vn.lienthong.gateway.domain.messagelog.MessageLogQuery;
import vn.lienthong.gateway.domain.messagelog.MessageRecord;
import vn.lienthong.gateway.domain.messagelog.PurgeAnchor;
import vn.lienthong.gateway.domain.messagelog.SignedBatch;
import vn.lienthong.gateway.domain.messagelog.Verification;

/**
 * The message log's read path: pages of records for the admin API, and the walk over the whole
 * chain that verifies it, in one REPEATABLE READ transaction, a consistent snapshot while
 * {@link JdbcMessageLogStore} goes on writing.
 */
public final class JdbcMessageLogReader {

    private final DataSource dataSource;

    public JdbcMessageLogReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Walks the whole log in one consistent snapshot. */
    public Verification verify(ChainSigner signer) {
        return MessageLogTables.inTransaction(dataSource, "verify the message log", c -> {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            ChainHead head = MessageLogTables.readHead(c, "");
            Optional<PurgeAnchor> anchor = newestAnchor(c);
            ChainVerifier verifier = new ChainVerifier(signer, anchor, batches(c), head);
            try (PreparedStatement ps = c.prepareStatement("SELECT " + MessageLogTables.RECORD_COLUMNS
                    + " FROM message_log ORDER BY id")) {
                ps.setFetchSize(256);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String kind = rs.getString(2);
                        if (!MessageLogTables.isKind(kind)) {
                            verifier.unreadable(rs.getLong(1), "unknown kind '" + kind + "'");
                        } else {
                            verifier.record(MessageLogTables.toRecord(rs));
                        }
                    }
                }
            }
            return verifier.finish();
        });
    }

    /** A page, newest first. */
    public List<MessageRecord> find(MessageLogQuery q) {
        StringBuilder sql = new StringBuilder("SELECT " + MessageLogTables.RECORD_COLUMNS
                + " FROM message_log WHERE 1 = 1");
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
        return MessageLogTables.inTransaction(dataSource, "read the message log", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                List<MessageRecord> page = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        page.add(MessageLogTables.toRecord(rs));
                    }
                }
                return page;
            }
        });
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
}
