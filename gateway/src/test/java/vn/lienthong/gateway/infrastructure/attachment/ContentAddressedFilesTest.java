package vn.lienthong.gateway.infrastructure.attachment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.gateway.domain.attachment.AttachmentTooLargeException;
import vn.lienthong.gateway.domain.attachment.BlobStore;
import vn.lienthong.gateway.domain.attachment.IncompleteUploadException;

class ContentAddressedFilesTest {

    @TempDir
    Path dir;

    @Test
    void aBlobIsNamedByItsSha256AndHoldsExactlyTheBytes() throws IOException, NoSuchAlgorithmException {
        byte[] scan = bytes(300_000, 42);
        BlobStore store = new ContentAddressedFiles(dir);
        BlobStore.StoredBlob blob = store.put(new ByteArrayInputStream(scan), 1_000_000);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(scan));
        assertEquals(new BlobStore.StoredBlob(expected, scan.length), blob);
        assertArrayEquals(scan, Files.readAllBytes(store.locate(expected).orElseThrow()));
        assertEquals(0, incoming(), "no temp file is left behind");
    }

    @Test
    void theSameBytesTwiceAreOneBlob() throws IOException {
        byte[] scan = bytes(1000, 7);
        BlobStore store = new ContentAddressedFiles(dir);
        String first = store.put(new ByteArrayInputStream(scan), 10_000).sha256();
        String second = store.put(new ByteArrayInputStream(scan), 10_000).sha256();
        assertEquals(first, second);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count(), "the blob and incoming/");
        }
        assertEquals(0, incoming());
    }

    @Test
    void overTheLimitNothingIsKept() throws IOException {
        BlobStore store = new ContentAddressedFiles(dir);
        AttachmentTooLargeException e = assertThrows(AttachmentTooLargeException.class,
                () -> store.put(new ByteArrayInputStream(bytes(200_001, 1)), 200_000));
        assertEquals(200_000, e.limit());
        assertEquals(0, incoming(), "the partial file is deleted");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "only incoming/");
        }
    }

    @Test
    void exactlyTheLimitIsAccepted() {
        BlobStore store = new ContentAddressedFiles(dir);
        assertEquals(200_000, store.put(new ByteArrayInputStream(bytes(200_000, 3)), 200_000).size());
    }

    @Test
    void aBrokenUploadIsTheClientsAndLeavesNothing() throws IOException {
        InputStream breaksOff = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ > 70_000) {
                    throw new IOException("Connection reset by peer");
                }
                return 'x';
            }
        };
        assertThrows(IncompleteUploadException.class, () -> new ContentAddressedFiles(dir).put(breaksOff, 1_000_000));
        assertEquals(0, incoming());
    }

    @Test
    void leftoversOfAnEarlierRunAreRemovedAndUnknownNamesAreNotFound() throws IOException {
        Files.createDirectories(dir.resolve("incoming"));
        Path leftover = Files.write(dir.resolve("incoming").resolve("upload-123.part"), new byte[10]);
        Files.setLastModifiedTime(leftover, FileTime.from(Instant.now().minus(Duration.ofMinutes(61))));
        BlobStore store = new ContentAddressedFiles(dir);
        assertTrue(store.locate("0".repeat(64)).isEmpty());
        assertEquals(0, incoming());
        assertFalse(store.locate("../../etc/passwd").isPresent());
        assertFalse(store.locate("incoming").isPresent());
    }

    @Test
    void anotherNodesUploadInProgressIsLeftAloneOnlyPartsOlderThanTheAgeGo() throws IOException {
        Instant now = Instant.parse("2026-12-07T04:00:00Z");
        Path incoming = Files.createDirectories(dir.resolve("incoming"));
        Path dead = Files.write(incoming.resolve("upload-1.part"), new byte[10]);
        Files.setLastModifiedTime(dead, FileTime.from(now.minus(Duration.ofMinutes(31))));
        Path live = Files.write(incoming.resolve("upload-2.part"), new byte[10]);
        Files.setLastModifiedTime(live, FileTime.from(now.minus(Duration.ofMinutes(29))));
        Path notOurs = Files.write(incoming.resolve("notes.txt"), new byte[10]);
        Files.setLastModifiedTime(notOurs, FileTime.from(now.minus(Duration.ofDays(3))));

        BlobStore store = new ContentAddressedFiles(dir, Duration.ofMinutes(30), Clock.fixed(now, ZoneOffset.UTC));
        assertTrue(store.locate("0".repeat(64)).isEmpty(), "the store started and swept");

        assertFalse(Files.exists(dead), "a part untouched for longer than the age is gone");
        assertTrue(Files.exists(live), "a part written within the age may be a live node's upload");
        assertTrue(Files.exists(notOurs), "only upload-*.part files are swept");
    }

    private long incoming() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("incoming"))) {
            return files.count();
        }
    }

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }
}
