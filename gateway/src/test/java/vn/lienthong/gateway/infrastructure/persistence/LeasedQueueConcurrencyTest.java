package vn.lienthong.gateway.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.infrastructure.persistence.LeasedQueueTest.Row;

/**
 * Two claimers on PostgreSQL, as two gateways on one database would be: each with its own queue and
 * connections, they never take the same row, and one never waits for the rows the other holds.
 */
class LeasedQueueConcurrencyTest {

    private static final OffsetDateTime T0 = LeasedQueueTest.T0;

    private DataSource db;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @BeforeEach
    void freshTable() {
        db = TestDatabase.POSTGRESQL.fresh();
        LeasedQueueTest.createTable(db);
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aSecondClaimerSkipsTheRowsTheFirstHoldsInsteadOfWaitingForThem() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(LeasedQueueTest.add(db, "a", "READY", T0.minusMinutes(4 - i)));
        }
        CountDownLatch firstHolds = new CountDownLatch(1);
        CountDownLatch letFirstCommit = new CountDownLatch(1);
        LeasedQueue first = new LeasedQueue(pausingBeforeCommit(db, firstHolds, letFirstCommit), LeasedQueueTest.TABLE);
        LeasedQueue second = new LeasedQueue(db, LeasedQueueTest.TABLE);
        try {
            Future<List<Row>> firstClaim = threads.submit(() -> first.claim(T0, T0.plusMinutes(5), 2, Row::read));
            assertTrue(firstHolds.await(30, TimeUnit.SECONDS), "the first claim reached its commit");

            // The first claim's rows are locked and not committed: a claimer that waited for them would
            // hang here until the timeout.
            List<Row> secondRows = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> second.claim(T0, T0.plusMinutes(5), 2, Row::read));
            letFirstCommit.countDown();
            List<Row> firstRows = firstClaim.get(30, TimeUnit.SECONDS);

            assertEquals(ids.subList(0, 2), firstRows.stream().map(Row::id).toList());
            assertEquals(ids.subList(2, 4), secondRows.stream().map(Row::id).toList());
            assertTrue(firstRows.stream().allMatch(r -> r.attempts() == 1 && r.status().equals("TAKEN")));
            assertTrue(secondRows.stream().allMatch(r -> r.attempts() == 1 && r.status().equals("TAKEN")));
            assertEquals(List.of(), second.claim(T0, T0.plusMinutes(5), 10, Row::read));
        } finally {
            letFirstCommit.countDown();
        }
    }

    @Test
    void twoClaimersStartedTogetherTakeEveryRowExactlyOnce() throws Exception {
        int rows = 120;
        for (int i = 0; i < rows; i++) {
            LeasedQueueTest.add(db, "a", "READY", T0.minusSeconds(i % 7));
        }
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<List<Long>>> claimers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            LeasedQueue queue = new LeasedQueue(db, LeasedQueueTest.TABLE);
            claimers.add(threads.submit(() -> {
                List<Long> taken = new ArrayList<>();
                start.await(30, TimeUnit.SECONDS);
                List<Row> batch;
                do {
                    batch = queue.claim(T0, T0.plusMinutes(5), 3, Row::read);
                    batch.forEach(r -> taken.add(r.id()));
                } while (!batch.isEmpty());
                return taken;
            }));
        }
        List<Long> a = claimers.get(0).get(60, TimeUnit.SECONDS);
        List<Long> b = claimers.get(1).get(60, TimeUnit.SECONDS);

        Set<Long> all = new HashSet<>(a);
        all.addAll(b);
        assertEquals(rows, a.size() + b.size(), "claims in all: " + a.size() + " + " + b.size());
        assertEquals(rows, all.size(), "no row was claimed twice");
    }

    /** The data source, whose connections stop before their commit until {@code proceed} opens. */
    private static DataSource pausingBeforeCommit(DataSource db, CountDownLatch paused, CountDownLatch proceed) {
        return new DataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                Connection c = db.getConnection();
                return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                            if (method.getName().equals("commit")) {
                                paused.countDown();
                                if (!proceed.await(60, TimeUnit.SECONDS)) {
                                    throw new SQLException("the test never let the commit proceed");
                                }
                            }
                            try {
                                return method.invoke(c, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }

            @Override
            public Connection getConnection(String user, String password) {
                throw new UnsupportedOperationException();
            }

            @Override
            public PrintWriter getLogWriter() {
                return null;
            }

            @Override
            public void setLogWriter(PrintWriter out) {
            }

            @Override
            public void setLoginTimeout(int seconds) {
            }

            @Override
            public int getLoginTimeout() {
                return 0;
            }

            @Override
            public Logger getParentLogger() {
                return Logger.getGlobal();
            }

            @Override
            public <T> T unwrap(Class<T> iface) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean isWrapperFor(Class<?> iface) {
                return false;
            }
        };
    }
}
