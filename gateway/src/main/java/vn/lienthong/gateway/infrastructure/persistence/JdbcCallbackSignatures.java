package vn.lienthong.gateway.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.lienthong.gateway.domain.StorageException;

/** The callback signatures already seen (callback_signature): a replayed signature collides with its first use. */
@ApplicationScoped
public class JdbcCallbackSignatures {

    private static final String UNIQUE_VIOLATION = "23505";

    @Inject
    DataSource dataSource;

    /**
     * Stores the signature unless it was seen before, first forgetting those received before
     * {@code forgetBefore} (older than any signature still accepted).
     *
     * @return false if the signature was already stored: a replay
     */
    public boolean firstUse(String agencyId, String signature, OffsetDateTime receivedAt, OffsetDateTime forgetBefore) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement purge = c.prepareStatement("DELETE FROM callback_signature WHERE received_at < ?")) {
                purge.setObject(1, forgetBefore);
                purge.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO callback_signature (agency_id, signature, received_at) VALUES (?, ?, ?)")) {
                insert.setString(1, agencyId);
                insert.setString(2, signature);
                insert.setObject(3, receivedAt);
                insert.executeUpdate();
            }
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw new StorageException("Cannot record the callback signature: " + e.getMessage(), e);
        }
    }
}
