package vn.lienthong.archive.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.lienthong.archive.ArchiveRecord;
import vn.lienthong.archive.RecordVersion;
import vn.lienthong.archive.PdfAPart;
import vn.lienthong.archive.StorageException;
import vn.lienthong.archive.ledger.HeadAnchor;
import vn.lienthong.archive.ledger.LedgerHead;
import vn.lienthong.archive.store.Sha256;

/**
 * The JDBC index of archive records (H2 or PostgreSQL, the same SQL on both), which also anchors the
 * ledger head. It holds one connection of its own, in auto-commit mode: an index row is written
 * when the blob is stored, whatever the caller's transaction does. A connection the server dropped
 * (a PostgreSQL restart) is found so before it is used, by the driver's own check when it has been
 * idle a while, and replaced: the first archive call after a restart works like every other.
 */
public final class RecordIndex implements HeadAnchor, AutoCloseable {
    private static final String COLUMNS = "id, dossier_code, document_type, procedure_code, agency_code, blob_hash, "
            + "size_bytes, pages, created_at, retain_until, legal_hold, signer, pdfa_part, status";

    private final ConnectionSource source;
    private final CitizenIdHasher citizenIds;
    /** After this long unused the connection is asked whether it still answers before it is used. */
    private static final Duration IDLE_CHECK = Duration.ofSeconds(1);
    private static final int VALID_TIMEOUT_SECONDS = 2;

    private Connection connection;
    private final long idleCheckNanos;
    private long lastUsed = System.nanoTime();

    /** Connects and creates the tables if needed; an {@code IndexUnavailableException} names the setting to fix. */
    public RecordIndex(ConnectionSource source, CitizenIdHasher citizenIds) {
        this(source, citizenIds, IDLE_CHECK);
    }

    RecordIndex(ConnectionSource source, CitizenIdHasher citizenIds, Duration idleCheck) {
        this.source = source;
        this.citizenIds = citizenIds;
        this.idleCheckNanos = idleCheck.toNanos();
        this.connection = IndexSchema.open(source);
    }

    public synchronized void insert(ArchiveRecord r, Optional<String> citizenId) {
        String sql = "INSERT INTO archive_record (" + COLUMNS + ", citizen_id_hash) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = live().prepareStatement(sql)) {
            ps.setString(1, r.id());
            ps.setString(2, r.dossierCode());
            ps.setString(3, r.documentType());
            ps.setString(4, r.procedureCode());
            ps.setString(5, r.agencyCode());
            ps.setString(6, r.blobHash().hex());
            ps.setLong(7, r.size());
            ps.setInt(8, r.pages());
            ps.setObject(9, OffsetDateTime.ofInstant(r.createdAt(), ZoneOffset.UTC));
            ps.setObject(10, r.retainUntil());
            ps.setBoolean(11, r.legalHold());
            ps.setString(12, r.signer());
            ps.setString(13, r.pdfaPart().name());
            ps.setString(14, r.status().name());
            if (citizenId.isPresent()) {
                ps.setString(15, citizenIds.hash(citizenId.get()));
            } else {
                ps.setNull(15, Types.VARCHAR);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("Cannot index record " + r.id() + ": " + e.getMessage(), e);
        }
    }

    public synchronized Optional<ArchiveRecord> find(String id) {
        List<ArchiveRecord> found = query("SELECT " + COLUMNS + " FROM archive_record WHERE id = ?", List.of(id), 1);
        return found.stream().findFirst();
    }

    public synchronized List<ArchiveRecord> search(SearchQuery q) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM archive_record WHERE status = 'ACTIVE'");
        List<Object> args = new ArrayList<>();
        q.dossierCode().ifPresent(v -> {
            sql.append(" AND dossier_code = ?");
            args.add(v);
        });
        q.citizenId().ifPresent(v -> {
            sql.append(" AND citizen_id_hash = ?");
            args.add(citizenIds.hash(v));
        });
        q.procedureCode().ifPresent(v -> {
            sql.append(" AND procedure_code = ?");
            args.add(v);
        });
        q.documentType().ifPresent(v -> {
            sql.append(" AND document_type = ?");
            args.add(v);
        });
        q.from().ifPresent(v -> {
            sql.append(" AND created_at >= ?");
            args.add(OffsetDateTime.ofInstant(v, ZoneOffset.UTC));
        });
        q.to().ifPresent(v -> {
            sql.append(" AND created_at < ?");
            args.add(OffsetDateTime.ofInstant(v, ZoneOffset.UTC));
        });
        sql.append(" ORDER BY created_at, id");
        return query(sql.toString(), args, q.limit());
    }

    /** Active records whose retention ended before {@code day} and that are not on hold. */
    public synchronized List<ArchiveRecord> expiredBy(LocalDate day) {
        return query("SELECT " + COLUMNS + " FROM archive_record WHERE status = 'ACTIVE' AND legal_hold = FALSE"
                + " AND retain_until < ? ORDER BY retain_until, id", List.of(day), Integer.MAX_VALUE);
    }

    public synchronized List<ArchiveRecord> active() {
        return query("SELECT " + COLUMNS + " FROM archive_record WHERE status = 'ACTIVE' ORDER BY created_at, id",
                List.of(), Integer.MAX_VALUE);
    }

    public synchronized void setLegalHold(String id, boolean hold) {
        update("UPDATE archive_record SET legal_hold = ? WHERE id = ?", hold, id);
    }

    public synchronized void markDeleted(String id, Instant when) {
        update("UPDATE archive_record SET status = 'DELETED', deleted_at = ? WHERE id = ?",
                OffsetDateTime.ofInstant(when, ZoneOffset.UTC), id);
    }

    /** How many active records still point at a blob, at any version; identical bytes are stored once. */
    public synchronized int activeReferences(Sha256 hash) {
        try (PreparedStatement ps = live().prepareStatement(
                "SELECT (SELECT COUNT(*) FROM archive_record WHERE status = 'ACTIVE' AND blob_hash = ?)"
                        + " + (SELECT COUNT(*) FROM archive_record_version v JOIN archive_record r"
                        + " ON r.id = v.record_id WHERE r.status = 'ACTIVE' AND v.blob_hash = ?)")) {
            ps.setString(1, hash.hex());
            ps.setString(2, hash.hex());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new StorageException("Cannot count references to " + hash, e);
        }
    }

    /** Every version of a record, oldest first; the last is the record's current blob. */
    public synchronized List<RecordVersion> versions(ArchiveRecord r) {
        List<RecordVersion> out = new ArrayList<>();
        try (PreparedStatement ps = live().prepareStatement("SELECT version, blob_hash, size_bytes, superseded_at,"
                + " superseded_by FROM archive_record_version WHERE record_id = ? ORDER BY version")) {
            ps.setString(1, r.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RecordVersion(rs.getInt(1), new Sha256(rs.getString(2)), rs.getLong(3),
                            Optional.of(rs.getObject(4, OffsetDateTime.class).toInstant()),
                            Optional.of(rs.getString(5))));
                }
            }
        } catch (SQLException e) {
            throw new StorageException("Cannot read the versions of " + r.id() + ": " + e.getMessage(), e);
        }
        out.add(new RecordVersion(out.size() + 1, r.blobHash(), r.size(), Optional.empty(), Optional.empty()));
        return out;
    }

    /**
     * Makes {@code newBlob} the record's current version and keeps the one it replaces as an earlier
     * version, in one transaction; refused when the record changed since {@code current} was read.
     */
    public synchronized void supersede(ArchiveRecord current, Sha256 newBlob, long newSize, Instant when,
            String event) {
        try {
            Connection c = live();
            c.setAutoCommit(false);
            try {
                int version;
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT COUNT(*) FROM archive_record_version WHERE record_id = ?")) {
                    ps.setString(1, current.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        version = rs.getInt(1) + 1;
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO archive_record_version (record_id,"
                        + " version, blob_hash, size_bytes, superseded_at, superseded_by) VALUES (?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, current.id());
                    ps.setInt(2, version);
                    ps.setString(3, current.blobHash().hex());
                    ps.setLong(4, current.size());
                    ps.setObject(5, OffsetDateTime.ofInstant(when, ZoneOffset.UTC));
                    ps.setString(6, event);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE archive_record SET blob_hash = ?,"
                        + " size_bytes = ? WHERE id = ? AND blob_hash = ? AND status = 'ACTIVE'")) {
                    ps.setString(1, newBlob.hex());
                    ps.setLong(2, newSize);
                    ps.setString(3, current.id());
                    ps.setString(4, current.blobHash().hex());
                    if (ps.executeUpdate() != 1) {
                        throw new SQLException("record " + current.id() + " changed or was deleted meanwhile");
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException("Cannot record a new version of " + current.id() + ": " + e.getMessage(), e);
        }
    }

    public synchronized void delete(String id) {
        update("DELETE FROM archive_record WHERE id = ?", id);
    }

    @Override
    public synchronized void record(LedgerHead head) {
        try {
            int updated;
            try (PreparedStatement ps = live().prepareStatement(
                    "UPDATE ledger_head SET seq = ?, entry_hash = ? WHERE id = 1")) {
                ps.setLong(1, head.seq());
                ps.setString(2, head.hash());
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = live().prepareStatement(
                        "INSERT INTO ledger_head (id, seq, entry_hash) VALUES (1, ?, ?)")) {
                    ps.setLong(1, head.seq());
                    ps.setString(2, head.hash());
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new StorageException("Cannot record the ledger head", e);
        }
    }

    @Override
    public synchronized Optional<LedgerHead> latest() {
        try (Statement st = live().createStatement();
             ResultSet rs = st.executeQuery("SELECT seq, entry_hash FROM ledger_head WHERE id = 1")) {
            return rs.next() ? Optional.of(new LedgerHead(rs.getLong(1), rs.getString(2))) : Optional.empty();
        } catch (SQLException e) {
            throw new StorageException("Cannot read the ledger head", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StorageException("Cannot close the archive index", e);
        }
    }

    /**
     * The index's connection, opened anew if the last one was closed, or, idle for over a second,
     * no longer answers (one round trip to ask, not one per call of a busy archive).
     */
    private Connection live() throws SQLException {
        long now = System.nanoTime();
        boolean idle = now - lastUsed >= idleCheckNanos;
        lastUsed = now;
        if (connection.isClosed() || idle && !connection.isValid(VALID_TIMEOUT_SECONDS)) {
            try {
                connection.close();
            } catch (SQLException alreadyGone) {
                // The server dropped it: nothing left to close.
            }
            connection = IndexSchema.open(source);
        }
        return connection;
    }

    private void update(String sql, Object... args) {
        try (PreparedStatement ps = live().prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("Index update failed: " + e.getMessage(), e);
        }
    }

    private List<ArchiveRecord> query(String sql, List<Object> args, int limit) {
        try (PreparedStatement ps = live().prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            ps.setMaxRows(limit == Integer.MAX_VALUE ? 0 : limit);
            List<ArchiveRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ArchiveRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), new Sha256(rs.getString(6)), rs.getLong(7), rs.getInt(8),
                            rs.getObject(9, OffsetDateTime.class).toInstant(), rs.getObject(10, LocalDate.class),
                            rs.getBoolean(11), rs.getString(12), PdfAPart.valueOf(rs.getString(13)),
                            ArchiveRecord.Status.valueOf(rs.getString(14))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StorageException("Index query failed: " + e.getMessage(), e);
        }
    }
}
