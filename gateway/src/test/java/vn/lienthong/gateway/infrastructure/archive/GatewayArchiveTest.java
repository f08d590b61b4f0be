package vn.lienthong.gateway.infrastructure.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import vn.lienthong.archive.Archive;
import vn.lienthong.archive.IndexUnavailableException;
import vn.lienthong.archive.index.SearchQuery;
import vn.lienthong.archive.sign.SigningKey;
import vn.lienthong.gateway.infrastructure.persistence.TestDatabase;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.key.ProviderPreference;
import vn.lienthong.signing.key.TrialPki;

/** Where the gateway keeps its archive index, and the one line a start refused over it logs. */
class GatewayArchiveTest {

    private static final SigningKey KEY;

    static {
        TrialPki.Issued issued = TrialPki.create("Lien Thong test CA").issue(
                TrialPki.Profile.signer("Lien Thong archive test", "Test", "RSA"));
        KEY = SigningKey.of(Pkcs12KeySource.ofKey(issued.key(), issued.chain(), ProviderPreference.JDK));
    }

    @TempDir
    Path dir;

    @Test
    void theIndexLivesInPostgreSqlWhenAUrlIsSetAndTheH2FileStaysUnmade() {
        PGSimpleDataSource database = (PGSimpleDataSource) TestDatabase.POSTGRESQL.fresh();
        GatewayArchive gateway = gatewayArchive(Optional.of(database.getURL()), database.getUser());

        try (Archive archive = gateway.openIn(dir, KEY)) {
            assertEquals(List.of(), archive.search(SearchQuery.all()));
        }
        assertFalse(Files.exists(dir.resolve("index.mv.db")), "no H2 index beside a PostgreSQL one");
    }

    @Test
    void aServerThatDoesNotAnswerStopsTheStartWithOneLineNamingTheUrl() {
        GatewayArchive gateway = gatewayArchive(Optional.of("jdbc:postgresql://127.0.0.1:1/lienthong"), "lienthong");

        ArchiveIndexException refused = assertThrows(ArchiveIndexException.class, () -> gateway.openIn(dir, KEY));
        assertTrue(refused.getMessage().startsWith("The gateway does not start: LIENTHONG_ARCHIVE_INDEX_URL "
                + "(lienthong.archive.index.url): cannot connect to jdbc:postgresql://127.0.0.1:1/lienthong: "),
                refused.getMessage());
        assertEquals(1, refused.getMessage().lines().count(), refused.getMessage());
    }

    @Test
    void anIndexStillInItsH2FileOrMovedAwayFromItIsNeverReplacedByAnEmptyOne() throws IOException {
        try (Archive archive = gatewayArchive(Optional.empty(), "").openIn(dir, KEY)) {
            assertTrue(Files.exists(dir.resolve("index.mv.db")), "the default: an H2 file in the archive directory");
        }
        ArchiveIndexException stillHere = assertThrows(ArchiveIndexException.class,
                () -> gatewayArchive(Optional.of("jdbc:postgresql://127.0.0.1:1/lienthong"), "lienthong").openIn(dir, KEY));
        assertTrue(stillHere.getMessage().startsWith("The gateway does not start: LIENTHONG_ARCHIVE_INDEX_URL "), stillHere.getMessage());
        assertTrue(stillHere.getMessage().contains("index.mv.db still holds this archive's index; move it first"),
                stillHere.getMessage());

        Files.move(dir.resolve("index.mv.db"), dir.resolve("index-moved.mv.db"));
        ArchiveIndexException moved = assertThrows(ArchiveIndexException.class,
                () -> gatewayArchive(Optional.empty(), "").openIn(dir, KEY));
        assertTrue(moved.getMessage().contains("was moved to another database"), moved.getMessage());
        assertFalse(Files.exists(dir.resolve("index.mv.db")));
    }

    @Test
    void aRefusedLoginOrSchemaNamesItsOwnVariables() {
        assertTrue(GatewayArchive.refusal(new IndexUnavailableException(IndexUnavailableException.Setting.LOGIN,
                "the login was refused by jdbc:postgresql://db/lienthong: FATAL: password authentication failed", null))
                .startsWith("The gateway does not start: LIENTHONG_ARCHIVE_INDEX_USER / LIENTHONG_ARCHIVE_INDEX_PASSWORD "));
        assertTrue(GatewayArchive.refusal(new IndexUnavailableException(IndexUnavailableException.Setting.SCHEMA,
                "cannot create or use the index's tables", null))
                .startsWith("The gateway does not start: LIENTHONG_ARCHIVE_INDEX_SCHEMA (lienthong.archive.index.schema): "));
    }

    private static GatewayArchive gatewayArchive(Optional<String> url, String user) {
        GatewayArchive gateway = new GatewayArchive();
        gateway.retentionYears = 20;
        gateway.clock = Clock.systemUTC();
        gateway.indexUrl = url;
        gateway.indexUser = Optional.of(user);
        gateway.indexPassword = Optional.empty();
        gateway.indexSchema = "archive_index";
        return gateway;
    }
}
