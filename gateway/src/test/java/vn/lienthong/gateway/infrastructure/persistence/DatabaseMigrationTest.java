package vn.lienthong.gateway.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DatabaseMigrationTest {

    @Test
    void aRefusedPasswordNamesTheThreeSettingsInOneLine() {
        Exception failure = new IllegalStateException("Unable to obtain connection from database",
                new SQLException("Error in allocating a connection. Cause: Connection could not be allocated because: "
                        + "FATAL: password authentication failed for user \"lienthong\""));
        assertEquals("The gateway does not start: the database LIENTHONG_DB_URL=jdbc:postgresql://db:5432/lienthong"
                        + " refuses user LIENTHONG_DB_USER=lienthong: FATAL: password authentication failed for user"
                        + " \"lienthong\"; check LIENTHONG_DB_URL, LIENTHONG_DB_USER and LIENTHONG_DB_PASSWORD",
                DatabaseMigration.unreachable(Optional.of("jdbc:postgresql://db:5432/lienthong"), "lienthong", failure));
    }

    @Test
    void theDeepestDatabaseMessageIsKeptOnOneLine() {
        Exception failure = new SQLException("outer", new SQLException("Connection refused.\n  Check that the hostname"));
        assertEquals("The gateway does not start: the embedded database under LIENTHONG_DATA_DIR cannot be opened: "
                        + "Connection refused. Check that the hostname; is another gateway using the same LIENTHONG_DATA_DIR?",
                DatabaseMigration.unreachable(Optional.empty(), "lienthong", failure));
    }
}
