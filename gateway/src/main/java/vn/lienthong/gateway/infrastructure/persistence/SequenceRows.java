package vn.lienthong.gateway.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import vn.lienthong.gateway.domain.StorageException;

/**
 * Makes sure an agency's daily sequence row exists, in its own transaction. Creating it inside
 * the intake transaction would make concurrent first submissions of a day fail on the primary
 * key, and on PostgreSQL a failed statement aborts the whole transaction. A row once seen is
 * remembered (the latest day per agency), so only the first intake of an agency's day pays for
 * that extra transaction: it was one of three commits per intake (docs/benchmark.md).
 */
@ApplicationScoped
public class SequenceRows {

    private static final String UNIQUE_VIOLATION = "23505";

    @Inject
    DataSource dataSource;

    @Resource
    TransactionSynchronizationRegistry transaction;

    /** Agency code to the latest day whose row is known to exist; rows are never deleted. */
    private final Map<String, LocalDate> known = new ConcurrentHashMap<>();

    /** Whether the row is known to exist already; no database call, no transaction. */
    public boolean exists(String agencyCode, LocalDate day) {
        return day.equals(known.get(agencyCode));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void ensure(String agencyCode, LocalDate day) {
        create(agencyCode, day);
        known.merge(agencyCode, day, (a, b) -> a.isAfter(b) ? a : b);
    }

    private void create(String agencyCode, LocalDate day) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT 1 FROM agency_day_sequence WHERE agency_code = ? AND seq_day = ?")) {
                select.setString(1, agencyCode);
                select.setObject(2, day);
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO agency_day_sequence (agency_code, seq_day, next_number) VALUES (?, ?, 0)")) {
                insert.setString(1, agencyCode);
                insert.setObject(2, day);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new StorageException("Cannot create the dossier sequence of " + agencyCode + " for " + day, e);
            }
            // Another desk created the row at the same moment: exactly what we wanted. PostgreSQL
            // has aborted this transaction, so end it by rolling back rather than committing.
            transaction.setRollbackOnly();
        }
    }
}
