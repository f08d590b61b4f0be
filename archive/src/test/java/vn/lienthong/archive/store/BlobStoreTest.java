package vn.lienthong.archive.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.archive.StorageException;

class BlobStoreTest {
    @TempDir
    Path dir;

    @Test
    void identicalBytesAreStoredOnceAtTheirHash() throws IOException {
        BlobStore store = new BlobStore(dir);
        byte[] bytes = "hồ sơ".getBytes(StandardCharsets.UTF_8);
        StoredBlob first = store.write(out -> out.write(bytes));
        StoredBlob second = store.put(Files.write(dir.resolve("x"), bytes));

        assertTrue(first.created());
        assertFalse(second.created());
        assertEquals(first.hash(), second.hash());
        assertEquals(Sha256.ofBytes(bytes), first.hash());
        String hex = first.hash().hex();
        assertEquals(dir.resolve("blobs").resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex),
                store.path(first.hash()));
        assertEquals(first.hash(), store.rehash(first.hash()).orElseThrow());
        assertEquals(0, count(dir.resolve("tmp")));
    }

    @Test
    void aFailingWriterLeavesNothing() throws IOException {
        BlobStore store = new BlobStore(dir);
        try {
            store.write(out -> {
                out.write(new byte[100_000]);
                throw new IOException("scanner unplugged");
            });
        } catch (StorageException expected) {
            assertTrue(expected.getMessage().contains("scanner unplugged"));
        }
        assertEquals(0, count(dir.resolve("tmp")));
        assertEquals(0, count(dir.resolve("blobs")));
    }

    @Test
    void aDraftHashesWhatItWroteAndWhatOthersAppendedAndIsNamedByTheWholeFile() throws IOException {
        BlobStore store = new BlobStore(dir);
        byte[] body = new byte[3_000_000];
        new Random(7).nextBytes(body);
        byte[] appended = "%% signature revision\n".getBytes(StandardCharsets.US_ASCII);
        StoredBlob blob;
        try (BlobDraft draft = store.draft()) {
            try (OutputStream out = draft.output()) {
                out.write(body, 0, 10);
                out.write(body[10]);
                out.write(body, 11, body.length - 11);
            }
            assertEquals(Sha256.ofBytes(body), Sha256.of(draft.digestSoFar().digest()));
            Files.write(draft.path(), appended, java.nio.file.StandardOpenOption.APPEND);
            blob = draft.commit();
        }
        byte[] whole = new byte[body.length + appended.length];
        System.arraycopy(body, 0, whole, 0, body.length);
        System.arraycopy(appended, 0, whole, body.length, appended.length);
        assertEquals(Sha256.ofBytes(whole), blob.hash());
        assertEquals(whole.length, blob.size());
        assertTrue(java.util.Arrays.equals(whole, Files.readAllBytes(store.path(blob.hash()))));
        assertEquals(0, count(dir.resolve("tmp")));
    }

    @Test
    void anAbandonedDraftLeavesNothing() throws IOException {
        BlobStore store = new BlobStore(dir);
        try (BlobDraft draft = store.draft()) {
            draft.output().write(new byte[100_000]);
        }
        assertEquals(0, count(dir.resolve("tmp")));
        assertEquals(0, count(dir.resolve("blobs")));
    }

    /** Kills a child JVM in the middle of writing blobs; every blob left must be whole. */
    @Test
    void aKilledWriterLeavesOnlyWholeBlobs() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                BlobWriterChild.class.getName(), dir.toString())).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            int started = 0;
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("writing") && ++started == 6) {
                    child.destroyForcibly(); // SIGKILL halfway through the sixth 4 MB blob
                    break;
                }
            }
            assertEquals(6, started, "child did not get far enough");
        }
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));

        BlobStore reopened = new BlobStore(dir); // removes the interrupted write's temp file
        assertEquals(0, count(dir.resolve("tmp")));
        List<Path> blobs = reopened.list();
        assertTrue(blobs.size() >= 5, "completed blobs survive: " + blobs.size());
        for (Path blob : blobs) {
            Sha256 name = new Sha256(blob.getFileName().toString());
            assertEquals(name, reopened.rehash(name).orElseThrow(), "torn blob " + blob);
        }
    }

    private static long count(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    /** Child process: writes 4 MB blobs slowly in 64 KB pieces until killed. */
    public static final class BlobWriterChild {
        public static void main(String[] args) {
            BlobStore store = new BlobStore(Path.of(args[0]));
            Random random = new Random();
            for (int i = 0; i < 1000; i++) {
                System.out.println("writing " + i);
                System.out.flush();
                store.write(BlobWriterChild::fourMegabytes);
                System.out.println("done " + i);
            }
        }

        private static void fourMegabytes(OutputStream out) throws IOException {
            byte[] chunk = new byte[1 << 16];
            Random random = new Random();
            for (int i = 0; i < 64; i++) {
                random.nextBytes(chunk);
                out.write(chunk);
                out.flush();
            }
        }
    }
}
