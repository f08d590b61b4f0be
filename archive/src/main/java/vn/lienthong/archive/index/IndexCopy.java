package vn.lienthong.archive.index;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import vn.lienthong.archive.BadInputException;
import vn.lienthong.archive.IndexUnavailableException;
import vn.lienthong.archive.IntegrityException;
import vn.lienthong.archive.StorageException;
import vn.lienthong.archive.store.Sha256;

/**
 * Copies an archive index into another database in one transaction, and proves the copy: the
 * target's counts and digest, read back inside that transaction, must equal the source's before it
 * commits. A target that already holds exactly the source's rows is left as it is (a second run
 * changes nothing); a target holding anything else is refused.
 */
public final class IndexCopy {
    private static final int BATCH = 500;
    private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);
    private static final List<Column> RECORD = List.of(
            new Column("id", Kind.TEXT), new Column("dossier_code", Kind.TEXT),
            new Column("document_type", Kind.TEXT), new Column("procedure_code", Kind.TEXT),
            new Column("agency_code", Kind.TEXT), new Column("citizen_id_hash", Kind.TEXT),
            new Column("blob_hash", Kind.TEXT), new Column("size_bytes", Kind.NUMBER),
            new Column("pages", Kind.NUMBER), new Column("created_at", Kind.TIME),
            new Column("retain_until", Kind.DAY), new Column("legal_hold", Kind.FLAG),
            new Column("signer", Kind.TEXT), new Column("pdfa_part", Kind.TEXT),
            new Column("status", Kind.TEXT), new Column("deleted_at", Kind.TIME));
    private static final List<Column> VERSION = List.of(
            new Column("record_id", Kind.TEXT), new Column("version", Kind.NUMBER),
            new Column("blob_hash", Kind.TEXT), new Column("size_bytes", Kind.NUMBER),
            new Column("superseded_at", Kind.TIME), new Column("superseded_by", Kind.TEXT));
    private static final List<Column> HEAD = List.of(
            new Column("id", Kind.NUMBER), new Column("seq", Kind.NUMBER), new Column("entry_hash", Kind.TEXT));

    private IndexCopy() {
    }

    /**
     * What an index holds: its record rows, its ledger-anchor rows, and one SHA-256 based digest of
     * every value of every row, independent of row order (the engines sort text differently).
     */
    public record Content(long records, long heads, String digest) {
        public boolean empty() {
            return records == 0 && heads == 0;
        }

        @Override
        public String toString() {
            return records + " records, " + heads + " ledger anchor row" + (heads == 1 ? "" : "s") + ", digest "
                    + digest;
        }
    }

    /** What a copy did: {@code copied} is false when the target already held exactly these rows. */
    public record Outcome(Content content, boolean copied) {
    }

    /**
     * Copies every row of {@code from}, which is only read, into {@code to}, whose tables are created if needed.
     *
     * @throws BadInputException  the target holds other rows; nothing is written
     * @throws IntegrityException the copy read back differs from the source; it is rolled back
     */
    public static Outcome copy(ConnectionSource from, ConnectionSource to) {
        Connection opened;
        try {
            opened = IndexSchema.existing(from);
        } catch (IndexUnavailableException e) {
            // Not the target's settings: the index to copy, e.g. an H2 file a running gateway still holds.
            throw new StorageException("Cannot read the index to copy: " + e.getMessage(), e);
        }
        try (Connection source = opened; Connection target = IndexSchema.open(to)) {
            Content wanted = content(source);
            Content present = content(target);
            if (!present.empty()) {
                if (present.equals(wanted)) {
                    return new Outcome(present, false);
                }
                throw new BadInputException("The index at " + to.location() + to.schema().map(s -> " (schema " + s + ")")
                        .orElse("") + " already holds " + present + ", not this index (" + wanted
                        + "); nothing was copied. Point the move at an empty database or schema.");
            }
            target.setAutoCommit(false);
            try {
                transfer(source, target, "archive_record", RECORD);
                transfer(source, target, "ledger_head", HEAD);
                transfer(source, target, "archive_record_version", VERSION);
                Content copied = content(target);
                if (!copied.equals(wanted)) {
                    throw new IntegrityException("The copy at " + to.location() + " reads back as " + copied
                            + ", the source holds " + wanted + "; the copy was rolled back");
                }
                target.commit();
                return new Outcome(copied, true);
            } catch (SQLException | RuntimeException e) {
                target.rollback();
                throw e;
            } finally {
                target.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException("The index copy to " + to.location() + " failed: " + e.getMessage(), e);
        }
    }

    private static Content content(Connection connection) throws SQLException {
        Digest records = digest(connection, "archive_record", RECORD);
        Digest heads = digest(connection, "ledger_head", HEAD);
        // Earlier versions of records count in the digest (an index without any digests as before).
        Digest versions = digest(connection, "archive_record_version", VERSION);
        return new Content(records.rows, heads.rows, String.format("%064x",
                records.sum.add(heads.sum).add(versions.sum).mod(MODULUS)));
    }

    private static Digest digest(Connection connection, String table, List<Column> columns) throws SQLException {
        Digest digest = new Digest(table);
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + names(columns) + " FROM " + table);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                digest.add(read(rs, columns));
            }
        }
        return digest;
    }

    private static void transfer(Connection source, Connection target, String table, List<Column> columns)
            throws SQLException {
        String marks = String.join(", ", Collections.nCopies(columns.size(), "?"));
        try (PreparedStatement select = source.prepareStatement("SELECT " + names(columns) + " FROM " + table);
             ResultSet rs = select.executeQuery();
             PreparedStatement insert = target.prepareStatement(
                     "INSERT INTO " + table + " (" + names(columns) + ") VALUES (" + marks + ")")) {
            int pending = 0;
            while (rs.next()) {
                List<Object> row = read(rs, columns);
                for (int i = 0; i < row.size(); i++) {
                    if (row.get(i) == null) {
                        insert.setNull(i + 1, columns.get(i).kind.sqlType);
                    } else {
                        insert.setObject(i + 1, row.get(i));
                    }
                }
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }

    /** A row as plain Java values, the same on both engines: times in UTC, days as dates. */
    private static List<Object> read(ResultSet rs, List<Column> columns) throws SQLException {
        List<Object> row = new ArrayList<>(columns.size());
        for (int i = 1; i <= columns.size(); i++) {
            Object value = switch (columns.get(i - 1).kind) {
                case TEXT -> rs.getString(i);
                case NUMBER -> rs.getLong(i);
                case TIME -> {
                    OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                    yield t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
                }
                case DAY -> rs.getObject(i, LocalDate.class);
                case FLAG -> rs.getBoolean(i);
            };
            row.add(rs.wasNull() ? null : value);
        }
        return row;
    }

    private static String names(List<Column> columns) {
        return String.join(", ", columns.stream().map(Column::name).toList());
    }

    private enum Kind {
        TEXT(Types.VARCHAR), NUMBER(Types.BIGINT), TIME(Types.TIMESTAMP_WITH_TIMEZONE), DAY(Types.DATE),
        FLAG(Types.BOOLEAN);

        final int sqlType;

        Kind(int sqlType) {
            this.sqlType = sqlType;
        }
    }

    private record Column(String name, Kind kind) {
    }

    /** Sum modulo 2^256 of each row's SHA-256: the same for the same rows in any order. */
    private static final class Digest {
        private final String table;
        private BigInteger sum = BigInteger.ZERO;
        private long rows;

        Digest(String table) {
            this.table = table;
        }

        void add(List<Object> row) {
            MessageDigest sha256 = Sha256.newDigest();
            update(sha256, table);
            for (Object value : row) {
                update(sha256, value == null ? null : value.toString());
            }
            sum = sum.add(new BigInteger(1, sha256.digest())).mod(MODULUS);
            rows++;
        }

        /** Length-prefixed, so no two rows of different values encode alike; -1 stands for NULL. */
        private static void update(MessageDigest sha256, String value) {
            byte[] bytes = value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
            sha256.update(ByteBuffer.allocate(4).putInt(value == null ? -1 : bytes.length).array());
            sha256.update(bytes);
        }
    }
}
