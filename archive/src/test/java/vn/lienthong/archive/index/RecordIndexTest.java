package vn.lienthong.archive.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import vn.lienthong.archive.ArchiveRecord;
import vn.lienthong.archive.IndexUnavailableException;
import vn.lienthong.archive.PdfAPart;
import vn.lienthong.archive.RecordVersion;
import vn.lienthong.archive.StorageException;
import vn.lienthong.archive.TestIndexDatabase;
import vn.lienthong.archive.ledger.LedgerHead;
import vn.lienthong.archive.store.Sha256;

/** The index's one SQL on both engines, in its own schema, with a login that must be right. */
@ParameterizedClass
@EnumSource(TestIndexDatabase.class)
class RecordIndexTest {
    private static final byte[] SALT = "a test salt of 32 bytes.........".getBytes();

    @Parameter
    TestIndexDatabase engine;

    @Test
    void searchesInItsOwnSchemaAndNeverStoresTheCitizenIdInClear() throws SQLException {
        TestIndexDatabase.Login db = engine.fresh();
        exercise(db.source());
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery(
                    "SELECT citizen_id_hash FROM archive_index.archive_record WHERE id = 'a'")) {
                assertTrue(rs.next());
                String stored = rs.getString(1);
                assertNotEquals("079203001234", stored);
                assertEquals(new CitizenIdHasher(SALT).hash("079203001234"), stored);
                assertNotEquals(new CitizenIdHasher("another salt of 32 bytes........".getBytes()).hash("079203001234"),
                        stored, "the hash depends on the salt");
            }
            try (ResultSet rs = st.executeQuery("SELECT LOWER(table_schema) FROM information_schema.tables"
                    + " WHERE LOWER(table_name) IN ('archive_record', 'ledger_head') ORDER BY 1")) {
                List<String> schemas = new ArrayList<>();
                while (rs.next()) {
                    schemas.add(rs.getString(1));
                }
                assertEquals(List.of("archive_index", "archive_index"), schemas, "both tables, in their own schema only");
            }
        }
    }

    @Test
    void aRefusedLoginAnUnreachableDatabaseAndABadSchemaEachNameTheirSetting() {
        TestIndexDatabase.Login db = engine.fresh();
        new RecordIndex(db.source(), new CitizenIdHasher(SALT)).close();

        IndexUnavailableException login = assertThrows(IndexUnavailableException.class, () -> new RecordIndex(
                ConnectionSource.url(db.url(), db.user(), "wrong").inSchema("archive_index"), new CitizenIdHasher(SALT)));
        assertEquals(IndexUnavailableException.Setting.LOGIN, login.setting(), login.getMessage());
        assertTrue(login.getMessage().startsWith("the login was refused by " + db.url()), login.getMessage());

        String nowhere = engine == TestIndexDatabase.H2 ? "jdbc:h2:file:/no/such/archive/index;IFEXISTS=TRUE"
                : TestIndexDatabase.url("no_such_database");
        IndexUnavailableException url = assertThrows(IndexUnavailableException.class, () -> new RecordIndex(
                ConnectionSource.url(nowhere, db.user(), db.password()), new CitizenIdHasher(SALT)));
        assertEquals(IndexUnavailableException.Setting.URL, url.setting(), url.getMessage());
        assertTrue(url.getMessage().startsWith("cannot connect to " + nowhere), url.getMessage());

        IndexUnavailableException schema = assertThrows(IndexUnavailableException.class, () -> new RecordIndex(
                ConnectionSource.url(db.url(), db.user(), db.password()).inSchema("Archive; DROP"),
                new CitizenIdHasher(SALT)));
        assertEquals(IndexUnavailableException.Setting.SCHEMA, schema.setting(), schema.getMessage());
    }

    @Test
    void aConnectionTheServerDroppedWhileIdleIsReplacedBeforeTheNextCall() {
        TestIndexDatabase.Login db = engine.fresh();
        try (RecordIndex index = new RecordIndex(db.source(), new CitizenIdHasher(SALT), Duration.ZERO)) {
            index.record(new LedgerHead(3, "3".repeat(64)));
            engine.dropConnections(db);
            assertEquals(new LedgerHead(3, "3".repeat(64)), index.latest().orElseThrow());
        }
    }

    @Test
    void aConnectionTheServerDroppedFailsAtMostOneCallAndTheNextReconnects() {
        TestIndexDatabase.Login db = engine.fresh();
        try (RecordIndex index = new RecordIndex(db.source(), new CitizenIdHasher(SALT))) {
            index.record(new LedgerHead(3, "3".repeat(64)));
            engine.dropConnections(db);
            try {
                index.latest();
            } catch (StorageException dropped) {
                // PostgreSQL's driver learns of the drop from this call; H2's knows at once.
            }
            assertEquals(new LedgerHead(3, "3".repeat(64)), index.latest().orElseThrow());
        }
    }

    private void exercise(ConnectionSource source) {
        try (RecordIndex index = new RecordIndex(source, new CitizenIdHasher(SALT))) {
            Instant t0 = Instant.parse("2026-10-08T02:00:00Z");
            index.insert(record("a", "H15-261008-0001", "1.1", t0), Optional.of("079203001234"));
            index.insert(record("b", "H15-261008-0001", "1.2", t0.plusSeconds(3600)), Optional.empty());
            index.insert(record("c", "H15-261009-0002", "1.1", t0.plusSeconds(86_400)), Optional.of("079 203 001 999"));

            assertEquals(List.of("a", "b"), ids(index.search(SearchQuery.byDossier("H15-261008-0001"))));
            assertEquals(List.of("a"), ids(index.search(SearchQuery.all().withCitizenId(" 079203001234"))));
            assertEquals(List.of("c"), ids(index.search(SearchQuery.all().withCitizenId("079203001999"))));
            assertEquals(List.of("a", "c"), ids(index.search(SearchQuery.all().withProcedureCode("1.1"))));
            assertEquals(List.of("b"), ids(index.search(SearchQuery.all().between(t0.plusSeconds(1),
                    t0.plusSeconds(86_400)))));
            assertEquals(List.of("a"), ids(index.search(SearchQuery.all().withLimit(1))));
            assertEquals(List.of("a", "b", "c"), ids(index.search(SearchQuery.all().withDocumentType("birth-certificate"))));
            assertEquals(List.of(), ids(index.search(SearchQuery.all().withDocumentType("form-01"))));

            index.setLegalHold("a", true);
            assertTrue(index.find("a").orElseThrow().legalHold());
            assertEquals(List.of("b", "c"), ids(index.expiredBy(LocalDate.of(2031, 1, 1))));
            index.markDeleted("b", t0);
            assertEquals(ArchiveRecord.Status.DELETED, index.find("b").orElseThrow().status());
            assertEquals(1, index.activeReferences(new Sha256("c".repeat(64))));
            assertFalse(index.find("zzz").isPresent());

            // A new version: the record points to the new blob, the old one is listed and still referenced.
            ArchiveRecord c = index.find("c").orElseThrow();
            index.supersede(c, new Sha256("d".repeat(64)), 2345, t0.plusSeconds(7200), "EXTEND");
            assertEquals(new Sha256("d".repeat(64)), index.find("c").orElseThrow().blobHash());
            List<RecordVersion> versions = index.versions(index.find("c").orElseThrow());
            assertEquals(List.of(1, 2), versions.stream().map(RecordVersion::version).toList());
            assertEquals(new Sha256("c".repeat(64)), versions.get(0).blobHash());
            assertEquals(Optional.of("EXTEND"), versions.get(0).supersededBy());
            assertEquals(Optional.of(t0.plusSeconds(7200)), versions.get(0).supersededAt());
            assertTrue(versions.get(1).newest());
            assertEquals(1, index.activeReferences(new Sha256("c".repeat(64))));
            assertEquals(1, index.activeReferences(new Sha256("d".repeat(64))));
            assertThrows(StorageException.class, () -> index.supersede(c, new Sha256("e".repeat(64)), 1, t0, "RENEW"),
                    "the record changed since it was read");
            assertEquals(2, index.versions(index.find("c").orElseThrow()).size(), "the refused change left nothing");

            index.record(new LedgerHead(1, "1".repeat(64)));
            index.record(new LedgerHead(2, "2".repeat(64)));
            assertEquals(new LedgerHead(2, "2".repeat(64)), index.latest().orElseThrow());
        }
        // Opening again must not fail on the existing schema.
        new RecordIndex(source, new CitizenIdHasher(SALT)).close();
    }

    private static ArchiveRecord record(String id, String dossier, String procedure, Instant created) {
        return new ArchiveRecord(id, dossier, "birth-certificate", procedure, "000.00.00.H30",
                new Sha256(id.repeat(64)), 1234, 3, created, LocalDate.of(2030, 1, 1), false, "Lưu trữ", PdfAPart.A2B,
                ArchiveRecord.Status.ACTIVE);
    }

    private static List<String> ids(List<ArchiveRecord> records) {
        List<String> ids = new ArrayList<>();
        records.forEach(r -> ids.add(r.id()));
        return ids;
    }
}
