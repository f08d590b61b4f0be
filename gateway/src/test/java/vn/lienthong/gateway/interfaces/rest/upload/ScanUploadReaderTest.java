package vn.lienthong.gateway.interfaces.rest.upload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import jakarta.ws.rs.core.MediaType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Multipart scan uploads: every file part to its own spool file, in order, within count and size limits. */
class ScanUploadReaderTest {

    private static final String BOUNDARY = "----lienthongScanPages";
    private static final MediaType MULTIPART = new MediaType("multipart", "form-data", Map.of("boundary", BOUNDARY));

    @TempDir
    Path spool;

    @Test
    void everyFilePartIsSpooledInPageOrder() throws IOException {
        List<byte[]> pages = List.of(page(1000, 1), page(70_000, 2), page(5, 3));
        try (UploadedFiles files = reader(3, 100_000).receiveFiles(
                new ByteArrayInputStream(body(pages, true)), MULTIPART, 1_000_000)) {
            assertEquals(3, files.files().size());
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(pages.get(i), Files.readAllBytes(files.files().get(i).path()));
                assertEquals(pages.get(i).length, files.files().get(i).size());
                assertEquals("trang-" + (i + 1) + ".jpg", files.files().get(i).name());
            }
        }
        assertEquals(0, spooled(), "closing deletes the spool files");
    }

    @Test
    void tooManyPartsTooLargeAPartOrTooMuchTogetherIsRefusedAndLeavesNothing() throws IOException {
        List<byte[]> pages = List.of(page(1000, 1), page(1000, 2), page(1000, 3));
        assertEquals(413, refusal(reader(2, 100_000), body(pages, false), 1_000_000));
        assertEquals(413, refusal(reader(3, 999), body(pages, false), 1_000_000));
        assertEquals(413, refusal(reader(3, 100_000), body(pages, false), 2500));
        assertEquals(0, spooled());
    }

    @Test
    void noFilePartOrAnotherTypeIsRefused() throws IOException {
        byte[] fieldsOnly = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nxin chào\r\n--"
                + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
        assertEquals(400, refusal(reader(3, 1000), fieldsOnly, 10_000));
        UploadRefusedException raw = assertThrows(UploadRefusedException.class, () -> reader(3, 1000)
                .receiveFiles(new ByteArrayInputStream(page(10, 1)), new MediaType("image", "jpeg"), 10_000));
        assertEquals(415, raw.problem().status());
        assertEquals(0, spooled());
    }

    private UploadReader reader(int maxFiles, long maxFileBytes) {
        return new UploadReader(spool, new UploadLimits(maxFileBytes, maxFiles, 2));
    }

    private static int refusal(UploadReader reader, byte[] body, long maxTotal) {
        return assertThrows(UploadRefusedException.class,
                () -> reader.receiveFiles(new ByteArrayInputStream(body), MULTIPART, maxTotal)).problem().status();
    }

    private long spooled() throws IOException {
        try (Stream<Path> files = Files.list(spool)) {
            return files.count();
        }
    }

    private static byte[] page(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] body(List<byte[]> pages, boolean withField) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (withField) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nghi chú\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        for (int i = 0; i < pages.size(); i++) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"trang-"
                    + (i + 1) + ".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(pages.get(i));
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
