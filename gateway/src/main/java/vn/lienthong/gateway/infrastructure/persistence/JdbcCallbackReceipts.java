package vn.lienthong.gateway.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

import vn.lienthong.gateway.domain.StorageException;

/** Camel's idempotent repository for agency callbacks, in the callback_receipt table. */
@ApplicationScoped
public class JdbcCallbackReceipts extends ServiceSupport implements IdempotentRepository {

    @Inject
    DataSource dataSource;

    @Override
    public boolean add(String key) {
        if (contains(key)) {
            return false;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO callback_receipt (receipt_key, received_at) VALUES (?, ?)")) {
            ps.setString(1, key);
            ps.setObject(2, OffsetDateTime.now());
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (contains(key)) {
                return false; // a concurrent duplicate stored it first
            }
            throw new StorageException("Cannot store callback receipt " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean contains(String key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM callback_receipt WHERE receipt_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new StorageException("Cannot read callback receipt " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean remove(String key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM callback_receipt WHERE receipt_key = ?")) {
            ps.setString(1, key);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StorageException("Cannot remove callback receipt " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        // Receipts are evidence that a callback was acted on; they are never cleared wholesale.
    }
}
