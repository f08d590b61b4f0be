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

/**
 * Named leases in the shared database, one row each: whoever holds a name until a time is the one
 * node that does that name's work. Taken and renewed by one conditional UPDATE, so of two nodes asking
 * at once exactly one gets it; the row is added by the first node that asks. The SQL runs on H2 and
 * PostgreSQL.
 */
@ApplicationScoped
public class JdbcRunOnceLeases {

    /** Who holds a lease and until when. */
    public record Lease(String name, String holder, OffsetDateTime heldUntil, OffsetDateTime takenAt) {
    }

    private static final String UNIQUE_VIOLATION = "23505";

    @Inject
    DataSource dataSource;

    /** For CDI. */
    public JdbcRunOnceLeases() {
    }

    /** For tests: leases in this database. */
    public JdbcRunOnceLeases(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Takes or renews {@code name} for {@code holder} until {@code until}: succeeds when the lease is
     * free, {@code holder}'s already, or its holder's time ran out before {@code now}. False when another
     * holder's lease still runs.
     */
    public boolean hold(String name, String holder, OffsetDateTime now, OffsetDateTime until) {
        OffsetDateTime at = Rows.micros(now);
        String renew = "UPDATE run_once_lease SET holder = ?, held_until = ?, "
                + "taken_at = CASE WHEN holder = ? THEN taken_at ELSE ? END "
                + "WHERE name = ? AND (holder = ? OR held_until < ?)";
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(renew)) {
                ps.setString(1, holder);
                ps.setObject(2, Rows.micros(until));
                ps.setString(3, holder);
                ps.setObject(4, at);
                ps.setString(5, name);
                ps.setString(6, holder);
                ps.setObject(7, at);
                if (ps.executeUpdate() == 1) {
                    return true;
                }
            }
            return add(c, name, holder, at, Rows.micros(until));
        } catch (SQLException e) {
            throw Rows.failure("hold the lease " + name, e);
        }
    }

    /** Adds the lease held by {@code holder}; false when it exists (another node holds it or just added it). */
    private static boolean add(Connection c, String name, String holder, OffsetDateTime now, OffsetDateTime until)
            throws SQLException {
        String sql = "INSERT INTO run_once_lease (name, holder, held_until, taken_at) "
                + "SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM run_once_lease WHERE name = ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            ps.setString(2, holder);
            ps.setObject(3, until);
            ps.setObject(4, now);
            ps.setString(5, name);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            // Two first askers at once: the other one's row won.
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /** Gives {@code name} up at {@code now} if {@code holder} holds it, so another node takes it at its next try. */
    public boolean release(String name, String holder, OffsetDateTime now) {
        String sql = "UPDATE run_once_lease SET held_until = ? WHERE name = ? AND holder = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, Rows.micros(now).minusNanos(1000));
            ps.setString(2, name);
            ps.setString(3, holder);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Rows.failure("release the lease " + name, e);
        }
    }

    /** The lease {@code name} as it stands, whether or not its time ran out; empty when nobody ever took it. */
    public Optional<Lease> find(String name) {
        String sql = "SELECT name, holder, held_until, taken_at FROM run_once_lease WHERE name = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Lease(rs.getString(1), rs.getString(2), Rows.time(rs, 3),
                        Rows.time(rs, 4))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Rows.failure("read the lease " + name, e);
        }
    }
}
