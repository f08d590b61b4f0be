package vn.lienthong.gateway.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One connection per transaction: shared by every call inside it, returned to the pool at its end, the pool outside. */
class TransactionConnectionsTest {

    private final JdbcConnectionPool pool = JdbcConnectionPool.create(
            "jdbc:h2:mem:tc-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    private final FakeTransactions transactions = new FakeTransactions();
    private final TransactionConnections dataSource = new TransactionConnections(pool, transactions);

    @AfterEach
    void closePool() {
        pool.dispose();
    }

    @Test
    void insideATransactionEveryCallGetsTheSameConnectionAndItsCloseWaitsForTheEnd() throws SQLException {
        transactions.begin();
        Connection first = dataSource.getConnection();
        first.close();
        Connection second = dataSource.getConnection();
        assertSame(first, second);
        assertFalse(second.isClosed(), "close() inside the transaction leaves it open");
        assertEquals(1, pool.getActiveConnections());
        try (Statement s = second.createStatement(); ResultSet rs = s.executeQuery("SELECT 42")) {
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1));
        }

        transactions.end(Status.STATUS_COMMITTED);
        assertTrue(second.isClosed(), "closed once the transaction ended");
        assertEquals(0, pool.getActiveConnections());

        transactions.begin();
        assertNotSame(first, dataSource.getConnection(), "the next transaction has its own");
        transactions.end(Status.STATUS_ROLLEDBACK);
        assertEquals(0, pool.getActiveConnections(), "returned after a rollback too");
    }

    @Test
    void outsideATransactionEachCallIsThePoolsOwnCheckout() throws SQLException {
        Connection first = dataSource.getConnection();
        Connection second = dataSource.getConnection();
        assertNotSame(first, second);
        assertEquals(2, pool.getActiveConnections());
        first.close();
        second.close();
        assertEquals(0, pool.getActiveConnections());
    }

    @Test
    void aTransactionMarkedForRollbackIsNotShared() throws SQLException {
        transactions.begin();
        transactions.status = Status.STATUS_MARKED_ROLLBACK;
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            assertNotSame(first, second);
        }
        transactions.end(Status.STATUS_ROLLEDBACK);
        assertEquals(0, pool.getActiveConnections());
    }

    /** One transaction at a time on the test's thread. */
    private static final class FakeTransactions implements TransactionSynchronizationRegistry {

        int status = Status.STATUS_NO_TRANSACTION;
        private final Map<Object, Object> resources = new HashMap<>();
        private final List<Synchronization> synchronizations = new ArrayList<>();

        void begin() {
            status = Status.STATUS_ACTIVE;
        }

        void end(int outcome) {
            status = outcome;
            synchronizations.forEach(s -> s.afterCompletion(outcome));
            synchronizations.clear();
            resources.clear();
            status = Status.STATUS_NO_TRANSACTION;
        }

        @Override
        public Object getTransactionKey() {
            return status == Status.STATUS_NO_TRANSACTION ? null : this;
        }

        @Override
        public void putResource(Object key, Object value) {
            resources.put(key, value);
        }

        @Override
        public Object getResource(Object key) {
            return resources.get(key);
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            synchronizations.add(sync);
        }

        @Override
        public int getTransactionStatus() {
            return status;
        }

        @Override
        public void setRollbackOnly() {
            status = Status.STATUS_MARKED_ROLLBACK;
        }

        @Override
        public boolean getRollbackOnly() {
            return status == Status.STATUS_MARKED_ROLLBACK;
        }
    }
}
