package vn.lienthong.gateway.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How H2 plans a claim on the gateway's own queue tables: through their status index, never a scan
 * of the whole table, whose done rows only grow (every claim read all of them before).
 */
class LeasedQueuePlanTest {

    @ParameterizedTest
    @CsvSource({"agency_message, lease_until, ", "paper_job, claimed_until, ", "citizen_notice, lease_until, channel"})
    void aClaimReadsTheDueRowsThroughTheStatusIndex(String table, String lease, String column) throws SQLException {
        DataSource db = TestDatabase.H2.fresh();
        LeasedQueue queue = new LeasedQueue(db, new LeasedQueue.Table(table, "id", lease, "PENDING", "CLAIMED", "DEAD"));
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("EXPLAIN " + queue.dueSql(column, false))) {
            for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
                ps.setObject(i, null);
            }
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                String plan = rs.getString(1);
                assertFalse(plan.contains("tableScan"), plan);
                assertTrue(plan.contains("STATUS IN"), plan);
            }
        }
    }
}
