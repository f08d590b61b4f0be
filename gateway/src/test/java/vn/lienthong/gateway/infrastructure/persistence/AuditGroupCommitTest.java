package vn.lienthong.gateway.infrastructure.persistence;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import vn.lienthong.gateway.domain.StorageException;
import vn.lienthong.gateway.domain.audit.AuditEvent;

/**
 * Audit rows are group-committed: each call returns with its row committed, rows that queued while a
 * commit ran share the next one, and a failed commit fails its callers (who log it) without stopping
 * the writer.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class AuditGroupCommitTest {

    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-12-07T09:00:00+07:00");

    @Parameter
    TestDatabase engine;

    @Test
    void eachCallReturnsWithItsRowCommittedAndWaitingRowsShareOneCommit() throws Exception {
        DataSource database = engine.fresh();
        CountDownLatch firstCommitStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        AtomicInteger connections = new AtomicInteger();
        DataSource counted = intercepted(database, () -> {
            if (connections.incrementAndGet() == 1) {
                firstCommitStarted.countDown();
                awaitQuietly(releaseFirst);
            }
        });
        ExecutorService callers = Executors.newFixedThreadPool(11);
        try (AuditGroupCommit writer = new AuditGroupCommit(counted, 500, Duration.ofSeconds(30))) {
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> writer.record(event("/dossiers/first")), callers);
            assertTrue(firstCommitStarted.await(10, TimeUnit.SECONDS));
            List<CompletableFuture<Void>> waiting = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String target = "/dossiers/" + i;
                waiting.add(CompletableFuture.runAsync(() -> writer.record(event(target)), callers));
            }
            // All ten are queued behind the first commit before it is let go.
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5)).until(writer::queued, q -> q >= 10);
            assertEquals(10, writer.queued());
            releaseFirst.countDown();
            first.get(10, TimeUnit.SECONDS);
            for (CompletableFuture<Void> w : waiting) {
                w.get(10, TimeUnit.SECONDS);
            }
            assertEquals(11, rows(database), "every call returned with its row committed");
            assertEquals(2, connections.get(), "the ten rows that queued during the first commit shared the second");
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aFailedCommitFailsItsCallersAndTheNextRowIsWritten() {
        DataSource database = engine.fresh();
        AtomicBoolean down = new AtomicBoolean(true);
        DataSource flaky = intercepted(database, () -> {
            if (down.get()) {
                throw new SQLException("the database is down");
            }
        });
        try (AuditGroupCommit writer = new AuditGroupCommit(flaky, 500, Duration.ofSeconds(30))) {
            StorageException refused = assertThrows(StorageException.class, () -> writer.record(event("/dossiers/lost")));
            assertTrue(refused.getMessage().contains("the database is down"), refused.getMessage());
            down.set(false);
            writer.record(event("/dossiers/kept"));
        }
        assertEquals(1, rows(database));
    }

    @Test
    void aStoppedWriterRefusesInsteadOfLosingTheRowSilently() {
        AuditGroupCommit writer = new AuditGroupCommit(engine.fresh(), 500, Duration.ofSeconds(30));
        writer.close();
        assertThrows(StorageException.class, () -> writer.record(event("/dossiers/late")));
    }

    private static AuditEvent event(String target) {
        return new AuditEvent(0, T0, "officer-1", "desk-officer", "000.00.00.H30", "POST", target, 201,
                AuditEvent.outcomeOf(201), "127.0.0.1", null);
    }

    private static int rows(DataSource database) {
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM audit_event")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface BeforeConnection {
        void run() throws SQLException;
    }

    /** The database, with {@code before} run on every getConnection(). */
    private static DataSource intercepted(DataSource database, BeforeConnection before) {
        return (DataSource) Proxy.newProxyInstance(AuditGroupCommitTest.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (p, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        before.run();
                    }
                    try {
                        return method.invoke(database, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
