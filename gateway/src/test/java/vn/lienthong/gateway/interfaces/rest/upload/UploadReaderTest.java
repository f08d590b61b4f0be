package vn.lienthong.gateway.interfaces.rest.upload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import jakarta.ws.rs.core.MediaType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.gateway.interfaces.rest.security.RequestBodyGuard;

/** Uploads are streamed to disk within their limits, and only bytes that start with %PDF- pass. */
class UploadReaderTest {

    private static final String BOUNDARY = "----lienthong7MA4YWxkTrZu0gW";
    private static final MediaType MULTIPART = new MediaType("multipart", "form-data", Map.of("boundary", BOUNDARY));
    private static final UploadLimits LIMITS = new UploadLimits(64 * 1024, 1, 2);

    @TempDir
    Path spool;

    private UploadReader reader() {
        return new UploadReader(spool, LIMITS);
    }

    private static byte[] pdf(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 9);
        return b;
    }

    /** A multipart body: parts of (disposition, bytes). */
    private static byte[] multipart(String preamble, Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(preamble.getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < parts.length; i += 2) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: " + parts[i]
                    + "\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes((byte[]) parts[i + 1]);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static InputStream in(byte[] b) {
        return new ByteArrayInputStream(b);
    }

    private static int status(UploadRefusedException e) {
        return e.problem().status();
    }

    private static String detail(UploadRefusedException e) {
        return e.problem().detailEn();
    }

    @Test
    void oneFilePartIsSpooledByteForByteWhateverItsContentTypeSays() throws IOException {
        byte[] content = pdf(50_000, 1);
        try (UploadedFile file = reader().receivePdf(in(multipart("", "form-data; name=\"file\"; filename=\"C:\\\\fakepath\\\\Giấy khai sinh.pdf\"", content)), MULTIPART)) {
            assertArrayEquals(content, Files.readAllBytes(file.path()));
            assertEquals("Giấy khai sinh.pdf", file.name());
            assertEquals(50_000, file.size());
            assertTrue(file.path().startsWith(spool));
        }
        try (var files = Files.list(spool)) {
            assertEquals(0, files.count(), "closing deletes the spooled file");
        }
    }

    @Test
    void aPreambleSmallFieldsAndBoundaryLookalikesInsideTheDataAreHandled() throws IOException {
        // Data that starts the delimiter and breaks off, the tricky case for a streaming search.
        // (A whole delimiter may not occur inside a part: RFC 2046 has the sender pick another boundary.)
        byte[] tricky = ("%PDF-1.4\r\n--" + BOUNDARY.substring(0, 10) + "x\r\n\r\n--"
                + BOUNDARY.substring(0, BOUNDARY.length() - 1) + "Q and more\r\r\n-")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] body = multipart("preamble to ignore\r\n", "form-data; name=\"note\"", "xin chào".getBytes(StandardCharsets.UTF_8),
                "form-data; name=\"file\"; filename=\"a.pdf\"", tricky);
        try (UploadedFile file = reader().receivePdf(in(body), MULTIPART)) {
            assertArrayEquals(tricky, Files.readAllBytes(file.path()));
        }
    }

    @Test
    void aRawPdfBodyIsAcceptedToo() throws IOException {
        byte[] content = pdf(10_000, 2);
        try (UploadedFile file = reader().receivePdf(in(content), new MediaType("application", "pdf"))) {
            assertArrayEquals(content, Files.readAllBytes(file.path()));
            assertEquals("document.pdf", file.name());
        }
    }

    @Test
    void aJpegOrHtmlNamedPdfIsRefusedBy415WithWhatItLooksLike() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
        UploadRefusedException e = assertThrows(UploadRefusedException.class, () -> reader().receivePdf(
                in(multipart("", "form-data; name=\"file\"; filename=\"scan.pdf\"", jpeg)), MULTIPART));
        assertEquals(415, status(e));
        assertTrue(detail(e).contains("a JPEG image"), detail(e));
        UploadRefusedException html = assertThrows(UploadRefusedException.class, () -> reader().receivePdf(
                in("<!doctype html><html>%PDF-1.7</html>".getBytes(StandardCharsets.US_ASCII)),
                new MediaType("application", "pdf")));
        assertEquals(415, status(html));
        assertTrue(detail(html).contains("HTML or XML"), detail(html));
        assertSpoolEmpty();
    }

    @Test
    void aSecondFileIsRefusedBy413AsSoonAsItStarts() {
        byte[] body = multipart("", "form-data; name=\"file\"; filename=\"a.pdf\"", pdf(100, 3),
                "form-data; name=\"other\"; filename=\"b.pdf\"", pdf(100, 4));
        UploadRefusedException e = assertThrows(UploadRefusedException.class, () -> reader().receivePdf(in(body), MULTIPART));
        assertEquals(413, status(e));
        assertTrue(detail(e).contains("at most 1 file"), detail(e));
        assertSpoolEmpty();
    }

    @Test
    void aFileOverItsLimitIsRefusedBy413WithoutReadingTheRest() {
        byte[] body = multipart("", "form-data; name=\"file\"; filename=\"big.pdf\"", pdf(64 * 1024 + 1, 5));
        UploadRefusedException e = assertThrows(UploadRefusedException.class, () -> reader().receivePdf(in(body), MULTIPART));
        assertEquals(413, status(e));
        UploadRefusedException raw = assertThrows(UploadRefusedException.class,
                () -> reader().receivePdf(in(pdf(64 * 1024 + 1, 6)), new MediaType("application", "pdf")));
        assertEquals(413, status(raw));
        assertSpoolEmpty();
    }

    @Test
    void manyTinyPartsStopAtTheFieldLimit() {
        Object[] parts = new Object[2 * 10_000];
        for (int i = 0; i < parts.length; i += 2) {
            parts[i] = "form-data; name=\"f" + i + "\"";
            parts[i + 1] = new byte[] {'x'};
        }
        UploadRefusedException e = assertThrows(UploadRefusedException.class,
                () -> reader().receivePdf(in(multipart("", parts)), MULTIPART));
        assertEquals(400, status(e));
        assertTrue(detail(e).contains("more than 2 non-file parts"), detail(e));
    }

    @Test
    void malformedBodiesAre400() {
        UploadRefusedException noBoundary = assertThrows(UploadRefusedException.class, () -> reader().receivePdf(
                in(new byte[10]), new MediaType("multipart", "form-data")));
        assertEquals(400, status(noBoundary));
        byte[] truncated = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n%PDF-1.7 and then")
                .getBytes(StandardCharsets.US_ASCII);
        UploadRefusedException cut = assertThrows(UploadRefusedException.class, () -> reader().receivePdf(in(truncated), MULTIPART));
        assertEquals(400, status(cut));
        assertTrue(detail(cut).contains("closing boundary is missing"), detail(cut));
        byte[] endlessHeader = ("--" + BOUNDARY + "\r\nX-Pad: " + "a".repeat(20_000)).getBytes(StandardCharsets.US_ASCII);
        assertEquals(400, status(assertThrows(UploadRefusedException.class,
                () -> reader().receivePdf(in(endlessHeader), MULTIPART))));
        assertEquals(400, status(assertThrows(UploadRefusedException.class,
                () -> reader().receivePdf(in(multipart("", "form-data; name=\"note\"", new byte[] {'x'})), MULTIPART))));
        assertEquals(415, status(assertThrows(UploadRefusedException.class,
                () -> reader().receivePdf(in(new byte[10]), new MediaType("multipart", "mixed", Map.of("boundary", "b"))))));
        assertSpoolEmpty();
    }

    @Test
    void theBodyLimitOfTheGuardBecomesA413() {
        InputStream limited = new RequestBodyGuard.Limited(in(pdf(10_000, 7)), 1_000, () -> { });
        UploadRefusedException e = assertThrows(UploadRefusedException.class,
                () -> reader().receivePdf(limited, new MediaType("application", "pdf")));
        assertEquals(413, status(e));
    }

    @Test
    void displayNamesLoseTheirPathAndControlCharacters() {
        assertEquals("x.pdf", UploadReader.displayName("../../etc/x.pdf"));
        assertEquals("ab.pdf", UploadReader.displayName("a\u0000b.pdf"));
        assertEquals("document.pdf", UploadReader.displayName("/"));
        assertEquals(200, UploadReader.displayName("a".repeat(500)).length());
    }

    private void assertSpoolEmpty() {
        try (var files = Files.list(spool)) {
            assertEquals(0, files.count(), "a refused upload leaves nothing behind");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
