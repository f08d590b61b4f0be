package vn.lienthong.archive.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.archive.ArchiveRecord;
import vn.lienthong.archive.PdfAPart;
import vn.lienthong.archive.ledger.LedgerHead;
import vn.lienthong.archive.store.Sha256;

class RecordIndexTest {
    private static final byte[] SALT = "a test salt of 32 bytes.........".getBytes();

    @TempDir
    Path dir;

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

    /** The same schema and queries against a real PostgreSQL, started from the locally installed binaries. */
    @Test
    void theSameSchemaRunsOnPostgreSql() throws IOException, InterruptedException, SQLException {
        Optional<Path> bin = postgresBin();
        assumeTrue(bin.isPresent(), "PostgreSQL server binaries (initdb, pg_ctl) not installed; H2 test only");
        Path data = dir.resolve("pg");
        Files.createDirectories(data);
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            run(List.of("chown", "-R", "postgres", dir.toString()), false);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        run(List.of(bin.get().resolve("initdb").toString(), "-A", "trust", "-U", "archive", "-D", data.toString()),
                root);
        run(List.of(bin.get().resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-l",
                dir.resolve("pg.log").toString(), "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1"
                        + " -c fsync=off", "start"), root);
        try {
            exercise(ConnectionSource.url("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "archive", ""));
        } finally {
            run(List.of(bin.get().resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop"),
                    root);
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

    private static Optional<Path> postgresBin() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (var versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .sorted().reduce((a, b) -> b);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void run(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + full);
        assertEquals(0, p.exitValue(), full + "\n" + out);
    }
}
