package vn.lienthong.gateway.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.lienthong.gateway.domain.StorageException;
import vn.lienthong.gateway.domain.dossier.DossierCode;
import vn.lienthong.gateway.domain.dossier.DuplicateSubmissionException;
import vn.lienthong.gateway.domain.dossier.IntakeKeys;

/** Idempotency keys of desk submissions in the gateway's database. */
@ApplicationScoped
public class JdbcIntakeKeys implements IntakeKeys {

    private static final String UNIQUE_VIOLATION = "23505";

    @Inject
    DataSource dataSource;

    @Override
    public Optional<DossierCode> find(String agencyCode, String key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT dossier_code FROM intake_key WHERE agency_code = ? AND idem_key = ?")) {
            ps.setString(1, agencyCode);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new DossierCode(rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StorageException("Cannot read idempotency key: " + e.getMessage(), e);
        }
    }

    @Override
    public void remember(String agencyCode, String key, DossierCode code, OffsetDateTime at) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO intake_key (agency_code, idem_key, dossier_code, created_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, agencyCode);
            ps.setString(2, key);
            ps.setString(3, code.value());
            ps.setObject(4, at);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                // A concurrent submission with this key committed first; this transaction rolls back.
                throw new DuplicateSubmissionException(key);
            }
            throw new StorageException("Cannot store idempotency key: " + e.getMessage(), e);
        }
    }
}
