package vn.lienthong.gateway.infrastructure.persistence;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The gateway's pooled DataSource as the repositories use it: inside a JTA transaction every
 * {@link #getConnection()} answers one connection, the first one the pool gave that transaction,
 * and its {@code close()} is left to the transaction's end. Outside a transaction it is the pool.
 *
 * <p>Why: each repository call takes a connection and closes it, and inside a transaction the
 * pool answers the same enlisted connection each time, but through its whole checkout and return
 * (sharing look-up, a new handle, a close event): 3-4 % of an exchange's CPU for the twenty or so
 * calls of an intake and an answer (docs/benchmark.md). What commits and when is unchanged: it
 * is the connection the pool would have shared anyway.
 */
final class TransactionConnections implements DataSource {

    private static final Logger LOG = Logger.getLogger(TransactionConnections.class.getName());

    private final DataSource pool;
    private final TransactionSynchronizationRegistry transactions;
    /** This DataSource's key among the transaction's resources. */
    private final Object key = new Object();

    TransactionConnections(DataSource pool, TransactionSynchronizationRegistry transactions) {
        this.pool = pool;
        this.transactions = transactions;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return pool.getConnection();
        }
        Connection shared = (Connection) transactions.getResource(key);
        if (shared != null) {
            return shared;
        }
        Connection connection = pool.getConnection();
        try {
            transactions.registerInterposedSynchronization(new CloseAtEnd(connection));
        } catch (IllegalStateException e) {
            // The transaction is completing: no later use to share with.
            return connection;
        }
        shared = unclosable(connection);
        transactions.putResource(key, shared);
        return shared;
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return pool.getConnection(user, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }

    /** The connection with {@code close()} doing nothing: the transaction's end closes it. */
    private static Connection unclosable(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            case "close" -> null;
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> invoke(connection, method, args);
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, handler);
    }

    private static Object invoke(Connection connection, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(connection, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Gives the connection back to the pool once the transaction has ended, committed or not. */
    private record CloseAtEnd(Connection connection) implements Synchronization {

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.log(Level.WARNING, "Cannot return a connection to the pool after its transaction", e);
            }
        }
    }
}
