package vn.lienthong.gateway.infrastructure.persistence;

import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.lienthong.gateway.domain.certificate.SigningCertificate;
import vn.lienthong.signing.pki.Revocation;
import vn.lienthong.signing.pki.RevocationRegistry;

/**
 * The DEMO PKI's certificates and revocations in the gateway's database (V17), so that every node
 * publishes the same CRL and OCSP answers, and the officers' and agencies' keys, so that every node
 * signs with the same one. The SQL runs on H2 and PostgreSQL.
 */
@ApplicationScoped
public class JdbcPkiCertificates implements RevocationRegistry {

    /** A role of certificates registered without a holder: the issuing CA, the OCSP responder, the TSA. */
    public static final String SERVICE = "SERVICE";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String COLUMNS = "serial, role, holder, subject, not_before, not_after, current_key, "
            + "revoked_at, revocation_reason";

    /** A key to store: its certificate and its password-protected PKCS#12. */
    public record NewKey(X509Certificate certificate, byte[] keystore) {
    }

    /** A stored key: its certificate's row and its PKCS#12. */
    public record StoredKey(SigningCertificate certificate, byte[] keystore) {
    }

    @Inject
    DataSource dataSource;

    public JdbcPkiCertificates() {
    }

    /** For tests: certificates in this database. */
    public JdbcPkiCertificates(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void issued(X509Certificate certificate) {
        try (Connection c = dataSource.getConnection()) {
            insert(c, certificate, SERVICE, null, null, false);
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw Rows.failure("record certificate " + serial(certificate.getSerialNumber()), e);
            }
        }
    }

    @Override
    public boolean isIssued(String issuer, BigInteger serial) {
        return query("SELECT " + COLUMNS + " FROM pki_certificate WHERE serial = ? AND issuer = ?",
                serial(serial), issuer).size() == 1;
    }

    @Override
    public void revoke(Revocation revocation) {
        String sql = "UPDATE pki_certificate SET revoked_at = ?, revocation_reason = ? "
                + "WHERE serial = ? AND issuer = ? AND revoked_at IS NULL";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, Rows.micros(revocation.revokedAt().atOffset(ZoneOffset.UTC)));
            ps.setInt(2, revocation.reason());
            ps.setString(3, serial(revocation.serial()));
            ps.setString(4, revocation.issuer());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Rows.failure("revoke certificate " + serial(revocation.serial()), e);
        }
    }

    @Override
    public Optional<Revocation> find(String issuer, BigInteger serial) {
        return query("SELECT " + COLUMNS + " FROM pki_certificate WHERE serial = ? AND issuer = ? "
                + "AND revoked_at IS NOT NULL", serial(serial), issuer).stream()
                .map(row -> revocation(issuer, row)).findFirst();
    }

    @Override
    public List<Revocation> revokedBy(String issuer) {
        return query("SELECT " + COLUMNS + " FROM pki_certificate WHERE issuer = ? AND revoked_at IS NOT NULL",
                issuer).stream().map(row -> revocation(issuer, row))
                .sorted(Comparator.comparing(Revocation::serial)).toList();
    }

    /** One certificate by its serial (lower-case hexadecimal). */
    public Optional<SigningCertificate> find(String serial) {
        return query("SELECT " + COLUMNS + " FROM pki_certificate WHERE serial = ?", serial).stream().findFirst();
    }

    /** The issuer (RFC 2253) of a certificate, for its revocation. */
    public Optional<String> issuerOf(String serial) {
        String sql = "SELECT issuer FROM pki_certificate WHERE serial = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, serial);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Rows.failure("read certificate " + serial, e);
        }
    }

    /** Every certificate of a role, newest first. */
    public List<SigningCertificate> ofRole(String role) {
        return query("SELECT " + COLUMNS + " FROM pki_certificate WHERE role = ? ORDER BY issued_at DESC, serial",
                role);
    }

    /** The holder's current key, revoked or expired included: the caller decides whether it may sign. */
    public Optional<StoredKey> current(String role, String holder) {
        try (Connection c = dataSource.getConnection()) {
            return current(c, role, holder);
        } catch (SQLException e) {
            throw Rows.failure("read the key of " + role + " " + holder, e);
        }
    }

    /**
     * The holder's current key; when it has none, {@code create} makes one and it is stored as current.
     * Two nodes asking at once for a holder without a key wait for each other on the holder's row,
     * so that one key is made.
     */
    public StoredKey currentOrCreate(String role, String holder, OffsetDateTime now, Supplier<NewKey> create) {
        return locked(role, holder, now, c -> {
            Optional<StoredKey> current = current(c, role, holder);
            return current.isPresent() ? current.get() : store(c, role, holder, now, create.get());
        });
    }

    /** A new key made by {@code create} becomes the holder's current one; the old one stays, retired. */
    public StoredKey replace(String role, String holder, OffsetDateTime now, Supplier<NewKey> create) {
        return locked(role, holder, now, c -> {
            NewKey key = create.get();
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE pki_certificate SET current_key = FALSE WHERE role = ? AND holder = ? AND current_key")) {
                ps.setString(1, role);
                ps.setString(2, holder);
                ps.executeUpdate();
            }
            return store(c, role, holder, now, key);
        });
    }

    private interface LockedWork {
        StoredKey run(Connection c) throws SQLException;
    }

    private StoredKey locked(String role, String holder, OffsetDateTime now, LockedWork work) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO pki_key_holder (role, holder, created_at) VALUES (?, ?, ?)")) {
                ps.setString(1, role);
                ps.setString(2, holder);
                ps.setObject(3, Rows.micros(now));
                ps.executeUpdate();
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                // Written before, by this node or another: the lock row exists, which is all we need.
            }
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT role FROM pki_key_holder WHERE role = ? AND holder = ? FOR UPDATE")) {
                    ps.setString(1, role);
                    ps.setString(2, holder);
                    ps.executeQuery().close();
                }
                StoredKey key = work.run(c);
                c.commit();
                return key;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw Rows.failure("make or read the key of " + role + " " + holder, e);
        }
    }

    private StoredKey store(Connection c, String role, String holder, OffsetDateTime now, NewKey key)
            throws SQLException {
        insert(c, key.certificate(), role, holder, key.keystore(), true);
        return current(c, role, holder).orElseThrow(() -> new SQLException("The key just stored is not there"));
    }

    private static Optional<StoredKey> current(Connection c, String role, String holder) throws SQLException {
        String sql = "SELECT " + COLUMNS + ", keystore FROM pki_certificate WHERE role = ? AND holder = ? "
                + "AND current_key ORDER BY issued_at DESC";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, role);
            ps.setString(2, holder);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String keystore = rs.getString("keystore");
                return Optional.of(new StoredKey(row(rs), keystore == null ? null : Base64.getDecoder().decode(keystore)));
            }
        }
    }

    private static void insert(Connection c, X509Certificate certificate, String role, String holder, byte[] keystore,
                               boolean current) throws SQLException {
        String sql = "INSERT INTO pki_certificate (serial, issuer, role, holder, subject, not_before, not_after, "
                + "certificate, keystore, current_key, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, serial(certificate.getSerialNumber()));
            ps.setString(2, certificate.getIssuerX500Principal().getName());
            ps.setString(3, role);
            ps.setString(4, holder);
            ps.setString(5, certificate.getSubjectX500Principal().getName());
            ps.setObject(6, certificate.getNotBefore().toInstant().atOffset(ZoneOffset.UTC));
            ps.setObject(7, certificate.getNotAfter().toInstant().atOffset(ZoneOffset.UTC));
            ps.setString(8, Base64.getEncoder().encodeToString(certificate.getEncoded()));
            ps.setString(9, keystore == null ? null : Base64.getEncoder().encodeToString(keystore));
            ps.setBoolean(10, current);
            ps.setObject(11, Rows.micros(OffsetDateTime.now(ZoneOffset.UTC)));
            ps.executeUpdate();
        } catch (CertificateEncodingException e) {
            throw new SQLException("Cannot encode certificate " + certificate.getSerialNumber(), e);
        }
    }

    private List<SigningCertificate> query(String sql, String... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            List<SigningCertificate> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw Rows.failure("read certificates", e);
        }
    }

    private static SigningCertificate row(ResultSet rs) throws SQLException {
        int reason = rs.getInt("revocation_reason");
        Integer revocationReason = rs.wasNull() ? null : reason;
        return new SigningCertificate(rs.getString("serial"), rs.getString("role"), rs.getString("holder"),
                rs.getString("subject"), Rows.time(rs, "not_before"), Rows.time(rs, "not_after"),
                rs.getBoolean("current_key"), Rows.time(rs, "revoked_at"), revocationReason);
    }

    private static Revocation revocation(String issuer, SigningCertificate row) {
        return new Revocation(issuer, new BigInteger(row.serial(), 16), row.revokedAt().toInstant(),
                row.revocationReason() == null ? Revocation.UNSPECIFIED : row.revocationReason());
    }

    /** A serial number as stored: lower-case hexadecimal. */
    public static String serial(BigInteger serial) {
        return serial.toString(16);
    }
}
