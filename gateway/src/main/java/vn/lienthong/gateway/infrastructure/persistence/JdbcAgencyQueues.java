package vn.lienthong.gateway.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.lienthong.gateway.domain.exchange.AgencyQueues;

/** The outbox's depth and last error per agency, from {@code agency_message}; runs on H2 and PostgreSQL. */
@ApplicationScoped
public class JdbcAgencyQueues implements AgencyQueues {

    private static final String DEPTH = "SELECT agency_id, "
            + "SUM(CASE WHEN status = 'PENDING' THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN status = 'IN_FLIGHT' THEN 1 ELSE 0 END) "
            + "FROM agency_message GROUP BY agency_id";
    private static final String LAST_ERROR = "SELECT m.agency_id, m.last_error, m.updated_at FROM agency_message m "
            + "WHERE m.last_error IS NOT NULL AND m.updated_at = (SELECT MAX(x.updated_at) FROM agency_message x "
            + "WHERE x.agency_id = m.agency_id AND x.last_error IS NOT NULL) ORDER BY m.id DESC";

    @Inject
    DataSource dataSource;

    /** For CDI. */
    public JdbcAgencyQueues() {
    }

    /** Outside a container, on a given data source. */
    public JdbcAgencyQueues(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<Depth> all() {
        Map<String, Depth> byAgency = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(DEPTH); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byAgency.put(rs.getString(1), new Depth(rs.getString(1), rs.getInt(2), rs.getInt(3), null, null));
                }
            }
            try (PreparedStatement ps = c.prepareStatement(LAST_ERROR); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String agency = rs.getString(1);
                    Depth d = byAgency.getOrDefault(agency, Depth.empty(agency));
                    if (d.lastError() == null) {
                        byAgency.put(agency, new Depth(agency, d.pending(), d.inFlight(), rs.getString(2),
                                rs.getObject(3, OffsetDateTime.class)));
                    }
                }
            }
        } catch (SQLException e) {
            throw Rows.failure("read the outbox's depth per agency", e);
        }
        return new ArrayList<>(byAgency.values());
    }
}
