package vn.lienthong.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.archive.index.SearchQuery;

/**
 * Decree 13/2023: the archive can be searched by citizen ID, yet the number is nowhere in its
 * files, neither the index database nor the ledger, the blobs or the salt: only its keyed hash is.
 */
class CitizenIdAtRestTest {
    private static final String CITIZEN_ID = "001203004567";
    private static final String DOSSIER = "H15.50.05.13-261008-0975";

    @TempDir
    Path dir;

    @Test
    void theClearIdIsInNoFileOfTheArchiveAndSearchStillFindsTheRecord() throws IOException {
        Path data = dir.resolve("data");
        Path page = TestImages.write(dir, "p1.jpg", TestImages.jpeg(TestImages.page(620, 877, 7), 75, 0.7f));
        String id;
        try (Archive archive = Archive.open(TestArchives.config(data))) {
            id = archive.ingest(IngestRequest.of(List.of(page), TestArchives.metadata(DOSSIER))
                    .withCitizenId(CITIZEN_ID)).id();
            archive.sealLedger();
        }

        List<Path> files = files(data);
        assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().endsWith(".mv.db")), files::toString);
        // The scan can see a string the index holds: the dossier code is stored in clear.
        assertTrue(files.stream().anyMatch(f -> contains(f, DOSSIER.getBytes(StandardCharsets.UTF_8))),
                "the dossier code should be found in the index file, else the scan proves nothing");
        for (Path f : files) {
            for (byte[] form : List.of(CITIZEN_ID.getBytes(StandardCharsets.UTF_8),
                    CITIZEN_ID.getBytes(StandardCharsets.UTF_16BE), CITIZEN_ID.getBytes(StandardCharsets.UTF_16LE))) {
                assertFalse(contains(f, form), "the clear citizen ID is in " + data.relativize(f));
            }
        }

        try (Archive reopened = Archive.open(TestArchives.config(data))) {
            assertEquals(List.of(id), reopened.search(SearchQuery.all().withCitizenId(CITIZEN_ID)).stream()
                    .map(ArchiveRecord::id).toList());
            assertEquals(List.of(), reopened.search(SearchQuery.all().withCitizenId("001203004568")));
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }

    private static boolean contains(Path file, byte[] needle) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        outer:
        for (int i = 0; i <= bytes.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
