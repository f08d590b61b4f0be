package vn.lienthong.gateway.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import vn.lienthong.gateway.domain.exchange.AgencyQueues.Depth;

/** The admin's agencies panel's figures: pending and in-flight messages per agency, and each one's newest error. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class JdbcAgencyQueuesTest {

    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-12-07T09:00:00+07:00");

    @Parameter
    TestDatabase engine;

    private DataSource database;
    private int next;

    @BeforeEach
    void freshDatabase() {
        database = engine.fresh();
    }

    private void message(String agency, String status, String lastError, OffsetDateTime updatedAt) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO agency_message (message_id, dossier_code, agency_id, operation, payload, status, attempts, "
                        + "last_error, next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, 'register', '{}', ?, 1, ?, ?, ?, ?)")) {
            next++;
            ps.setString(1, "m-" + next);
            ps.setString(2, "000.00.20.H30-261207-" + String.format("%04d", next));
            ps.setString(3, agency);
            ps.setString(4, status);
            ps.setString(5, lastError);
            ps.setObject(6, updatedAt);
            ps.setObject(7, T0);
            ps.setObject(8, updatedAt);
            ps.executeUpdate();
        }
    }

    private List<Depth> all() {
        return new JdbcAgencyQueues(database).all().stream().sorted(Comparator.comparing(Depth::agencyId)).toList();
    }

    @Test
    void anEmptyOutboxHasNoAgency() {
        assertEquals(List.of(), all());
    }

    @Test
    void depthCountsPendingAndInFlightOnlyAndTheNewestErrorWins() throws SQLException {
        message("civil-status", "PENDING", null, T0);
        message("civil-status", "PENDING", "HTTP 503 from the agency", T0.plusMinutes(1));
        message("civil-status", "IN_FLIGHT", null, T0.plusMinutes(2));
        message("civil-status", "DONE", "timed out after 10 s", T0.plusMinutes(5));
        message("civil-status", "DONE", null, T0.plusMinutes(9));
        // Only finished messages, one of them dead: no depth, but its error is still the last one it gave.
        message("social-insurance", "DONE", null, T0);
        message("social-insurance", "DEAD", "SOAP fault soap:Client", T0.plusMinutes(3));
        message("residence", "FAILED", "connection refused", T0.plusMinutes(4));
        message("residence", "IN_FLIGHT", null, T0.plusMinutes(6));

        List<Depth> depths = all();
        assertEquals(List.of("civil-status", "residence", "social-insurance"), depths.stream().map(Depth::agencyId).toList());
        assertEquals(new Depth("civil-status", 2, 1, "timed out after 10 s", null), withoutTime(depths.get(0)));
        assertEquals(T0.plusMinutes(5).toInstant(), depths.get(0).lastErrorAt().toInstant());
        assertEquals(new Depth("residence", 0, 1, "connection refused", null), withoutTime(depths.get(1)));
        assertEquals(new Depth("social-insurance", 0, 0, "SOAP fault soap:Client", null), withoutTime(depths.get(2)));
        assertEquals(T0.plusMinutes(3).toInstant(), depths.get(2).lastErrorAt().toInstant());
    }

    @Test
    void twoErrorsAtTheSameInstantGiveOneLineForTheAgency() throws SQLException {
        message("land-registry", "FAILED", "first", T0);
        message("land-registry", "FAILED", "second", T0);
        List<Depth> depths = all();
        assertEquals(1, depths.size());
        // The same instant: the later message (higher id) is the one shown.
        assertEquals("second", depths.get(0).lastError());
    }

    private static Depth withoutTime(Depth d) {
        return new Depth(d.agencyId(), d.pending(), d.inFlight(), d.lastError(), null);
    }
}
