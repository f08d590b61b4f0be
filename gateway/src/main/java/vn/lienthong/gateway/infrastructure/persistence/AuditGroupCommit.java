package vn.lienthong.gateway.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import vn.lienthong.gateway.domain.StorageException;
import vn.lienthong.gateway.domain.audit.AuditEvent;

/**
 * Writes audit rows by group commit: a caller hands over its row and waits until it is committed;
 * one thread takes whatever rows have queued meanwhile and inserts them in ONE local transaction.
 * Concurrent calls share a durable commit instead of paying one each (on H2 with WRITE_DELAY=0 a
 * commit is a chunk write under the store's lock, the largest cost of a small transaction). A caller
 * returns only once its row is durable, as with a transaction of its own, and independently of the
 * call's own work, so a refused or failed call is recorded even though its work rolled back.
 */
final class AuditGroupCommit implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AuditGroupCommit.class.getName());
    static final String INSERT = "INSERT INTO audit_event (occurred_at, actor, roles, agency_code, action, target, status, "
            + "outcome, client, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private record Pending(AuditEvent event, CompletableFuture<Void> done) {
    }

    private final DataSource dataSource;
    private final int maxGroup;
    private final Duration commitWait;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean open = true;

    AuditGroupCommit(DataSource dataSource, int maxGroup, Duration commitWait) {
        this.dataSource = dataSource;
        this.maxGroup = maxGroup;
        this.commitWait = commitWait;
        this.writer = new Thread(this::run, "audit-trail-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Returns once the row is committed; a StorageException when it was not, or not in time. */
    void record(AuditEvent event) {
        if (!open) {
            throw new StorageException("The audit trail writer is stopped; the row for " + event.action() + " "
                    + event.target() + " was not written", null);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.add(new Pending(event, done));
        try {
            done.get(commitWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("Interrupted while the audit row was written", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof StorageException s ? s
                    : new StorageException("Cannot write the audit trail: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new StorageException("The audit row was not committed within " + commitWait.toMillis() + " ms", e);
        }
    }

    /** Rows waiting for the next commit. */
    int queued() {
        return queue.size();
    }

    private void run() {
        List<Pending> group = new ArrayList<>();
        while (open || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, maxGroup - 1);
                write(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                open = false;
            } catch (RuntimeException e) {
                // A bug must not kill the writer: the callers get the error, the next group is tried again.
                LOG.log(Level.SEVERE, "Audit trail writer: " + e, e);
                group.forEach(p -> p.done().completeExceptionally(e));
            } finally {
                group.clear();
            }
        }
        queue.forEach(p -> p.done().completeExceptionally(
                new StorageException("The audit trail writer stopped before this row was written", null)));
    }

    private void write(List<Pending> group) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (Pending p : group) {
                    bind(ps, p.event());
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                // A pooled connection goes back as it came.
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            StorageException failed = new StorageException("Cannot write the audit trail: " + e.getMessage(), e);
            group.forEach(p -> p.done().completeExceptionally(failed));
            return;
        }
        group.forEach(p -> p.done().complete(null));
    }

    static void bind(PreparedStatement ps, AuditEvent e) throws SQLException {
        ps.setObject(1, e.occurredAt());
        ps.setString(2, Rows.clip(e.actor(), 200));
        ps.setString(3, Rows.clip(e.roles(), 200));
        ps.setString(4, Rows.clip(e.agencyCode(), 40));
        ps.setString(5, Rows.clip(e.action(), 16));
        ps.setString(6, Rows.clip(e.target(), 500));
        ps.setInt(7, e.status());
        ps.setString(8, e.outcome());
        ps.setString(9, Rows.clip(e.client(), 64));
        ps.setString(10, Rows.clip(e.requestId(), 64));
    }

    /** Writes what is queued, then stops the thread. */
    @Override
    public void close() {
        open = false;
        try {
            writer.join(commitWait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
