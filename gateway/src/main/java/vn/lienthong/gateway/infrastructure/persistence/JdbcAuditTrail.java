package vn.lienthong.gateway.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.lienthong.gateway.domain.StorageException;
import vn.lienthong.gateway.domain.audit.AuditEvent;
import vn.lienthong.gateway.domain.audit.AuditTrail;

/** The audit trail in the gateway's database (table audit_event). */
@ApplicationScoped
public class JdbcAuditTrail implements AuditTrail {

    @Inject
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "lienthong.audit.max-group-rows", defaultValue = "500")
    int maxGroupRows;

    @Inject
    @ConfigProperty(name = "lienthong.audit.commit-wait-ms", defaultValue = "30000")
    long commitWaitMs;

    private AuditGroupCommit writer;

    /**
     * Committed before it returns, apart from the call's own transaction (a refused or failed call is
     * recorded even though its work rolled back), and group-committed with the rows of concurrent calls.
     */
    @Override
    public void record(AuditEvent e) {
        writer().record(e);
    }

    private synchronized AuditGroupCommit writer() {
        if (writer == null) {
            writer = new AuditGroupCommit(dataSource, maxGroupRows, Duration.ofMillis(commitWaitMs));
        }
        return writer;
    }

    @PreDestroy
    synchronized void stop() {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }

    @Override
    public List<AuditEvent> find(Query q) {
        StringBuilder sql = new StringBuilder("SELECT id, occurred_at, actor, roles, agency_code, action, target, status, "
                + "outcome, client, request_id FROM audit_event WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (q.from() != null) {
            sql.append(" AND occurred_at >= ?");
            params.add(q.from());
        }
        if (q.to() != null) {
            sql.append(" AND occurred_at < ?");
            params.add(q.to());
        }
        if (q.actor() != null) {
            sql.append(" AND actor = ?");
            params.add(q.actor());
        }
        if (q.outcome() != null) {
            sql.append(" AND outcome = ?");
            params.add(q.outcome());
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        params.add(q.limit());
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            List<AuditEvent> events = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(new AuditEvent(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8),
                            rs.getString(9), rs.getString(10), rs.getString(11)));
                }
            }
            return events;
        } catch (SQLException ex) {
            throw new StorageException("Cannot read the audit trail: " + ex.getMessage(), ex);
        }
    }
}
