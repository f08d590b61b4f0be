package vn.lienthong.gateway.infrastructure.multipart;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;

import vn.lienthong.gateway.infrastructure.multipart.MultipartParts.Flaw;
import vn.lienthong.gateway.infrastructure.multipart.MultipartParts.MalformedException;

class MultipartPartsTest {

    private static final String BOUNDARY = "b0undary-42";

    @Test
    void readsEachPartWhateverSizeTheNetworkHandsOver() throws IOException {
        byte[] big = new byte[300_000];
        new Random(11).nextBytes(big);
        // A part that contains most of a delimiter, to be mistaken for one by a sloppy reader.
        byte[] tricky = ("abc\r\n--" + BOUNDARY.substring(0, 8) + "xyz\r\n-").getBytes(StandardCharsets.ISO_8859_1);
        byte[] body = body(part("<metadata>", "{\"a\":1}".getBytes(StandardCharsets.UTF_8)), part("<big>", big),
                part("<tricky>", tricky), part("<empty>", new byte[0]));

        for (long seed = 1; seed <= 5; seed++) {
            MultipartParts parts = new MultipartParts(new Dribble(new ByteArrayInputStream(body), seed), BOUNDARY, 1024);
            MultipartParts.Part metadata = parts.next();
            assertEquals("<metadata>", metadata.header("content-id"));
            assertEquals("application/octet-stream", metadata.header("Content-Type"));
            assertEquals("{\"a\":1}", new String(metadata.content().readAllBytes(), StandardCharsets.UTF_8));
            MultipartParts.Part bigPart = parts.next();
            assertEquals("<big>", bigPart.header("Content-ID"));
            assertArrayEquals(big, readInOddChunks(bigPart.content(), seed));
            MultipartParts.Part trickyPart = parts.next();
            assertEquals("<tricky>", trickyPart.header("Content-ID"));
            assertArrayEquals(tricky, trickyPart.content().readAllBytes());
            MultipartParts.Part empty = parts.next();
            assertEquals("<empty>", empty.header("Content-ID"));
            assertEquals(-1, empty.content().read());
            assertNull(parts.next());
            assertNull(parts.next());
        }
    }

    @Test
    void anUnreadPartIsSkipped() throws IOException {
        MultipartParts parts = new MultipartParts(new ByteArrayInputStream(
                body(part("<one>", new byte[100_000]), part("<two>", "2".getBytes(StandardCharsets.US_ASCII)))), BOUNDARY, 1024);
        assertEquals("<one>", parts.next().header("Content-ID"));
        MultipartParts.Part two = parts.next();
        assertEquals("<two>", two.header("Content-ID"));
        assertEquals("2", new String(two.content().readAllBytes(), StandardCharsets.US_ASCII));
        assertNull(parts.next());
    }

    @Test
    void formDataNamesAreDecodedAndTheBoundaryComesFromTheContentType() throws IOException {
        byte[] body = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"Giấy khai sinh.pdf\"\r\n\r\n"
                + "%PDF\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename*=UTF-8''tr%C3%ADch%20l%E1%BB%A5c.pdf"
                + "\r\n\r\nx\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nghi chú\r\n--"
                + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
        MultipartParts parts = new MultipartParts(new ByteArrayInputStream(body), BOUNDARY, 1024);
        MultipartParts.Part first = parts.next();
        assertEquals("file", first.fieldName());
        assertEquals("Giấy khai sinh.pdf", first.fileName());
        assertEquals("trích lục.pdf", parts.next().fileName());
        MultipartParts.Part note = parts.next();
        assertEquals("note", note.fieldName());
        assertNull(note.fileName());
        assertNull(parts.next());

        assertEquals("abc", MultipartParts.boundary("multipart/mixed; boundary=abc"));
        assertEquals("a b", MultipartParts.boundary("Multipart/Mixed;charset=x; boundary=\"a b\""));
        assertNull(MultipartParts.boundary("application/json; boundary=abc"));
        assertNull(MultipartParts.boundary("multipart/mixed"));
        assertNull(MultipartParts.boundary(null));
    }

    @Test
    void eachWayOfBeingMalformedIsNamed() {
        byte[] whole = body(part("<one>", new byte[50_000]), part("<two>", new byte[10]));
        assertEquals(Flaw.TRUNCATED, flaw(Arrays.copyOf(whole, 30_000), true));
        // Cut right after a delimiter: FileUpload's own iterator ends there as if the body were whole.
        int second = indexOf(whole, ("\r\n--" + BOUNDARY + "\r\nContent-ID: <two>").getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(Flaw.TRUNCATED, flaw(Arrays.copyOf(whole, second + 4 + BOUNDARY.length()), false));
        byte[] junk = new String(whole, StandardCharsets.ISO_8859_1).replace("--" + BOUNDARY + "\r\nContent-ID: <two>",
                "--" + BOUNDARY + "XY\r\nContent-ID: <two>").getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(Flaw.BAD_DELIMITER, flaw(junk, false));
        assertEquals(Flaw.NO_BOUNDARY, flaw("no boundary at all".getBytes(StandardCharsets.US_ASCII), false));
        byte[] endlessHeader = ("--" + BOUNDARY + "\r\nX-Pad: " + "a".repeat(2000) + "\r\n\r\nx").getBytes(StandardCharsets.US_ASCII);
        assertEquals(Flaw.HEADERS_TOO_LONG, flaw(endlessHeader, false));
    }

    @Test
    void theBodysOwnFailurePassesAsItIs() throws IOException {
        IOException gone = new IOException("client went away");
        InputStream failing = new FilterInputStream(new ByteArrayInputStream(body(part("<one>", new byte[200_000])))) {
            private int reads;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (++reads > 2) {
                    throw gone;
                }
                return super.read(b, off, Math.min(len, 1000));
            }
        };
        MultipartParts parts = new MultipartParts(failing, BOUNDARY, 1024);
        InputStream content = parts.next().content();
        assertSame(gone, assertThrows(IOException.class, content::readAllBytes));
    }

    @Test
    void onlyThisPackageKnowsTheMilestoneLibrary() {
        noClasses().that().resideOutsideOfPackage("..gateway.infrastructure.multipart..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.commons.fileupload2..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("vn.lienthong.gateway"));
    }

    private static Flaw flaw(byte[] body, boolean readParts) {
        return assertThrows(MalformedException.class, () -> {
            MultipartParts parts = new MultipartParts(new ByteArrayInputStream(body), BOUNDARY, 1024);
            for (MultipartParts.Part p = parts.next(); p != null; p = parts.next()) {
                if (readParts) {
                    p.content().readAllBytes();
                }
            }
        }).flaw();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        String haystack = new String(data, StandardCharsets.ISO_8859_1);
        return haystack.indexOf(new String(pattern, StandardCharsets.ISO_8859_1));
    }

    private static byte[] part(String id, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-ID: " + id + "\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static byte[] body(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("preamble to ignore\r\n".getBytes(StandardCharsets.ISO_8859_1));
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static byte[] readInOddChunks(InputStream in, long seed) throws IOException {
        Random random = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[100_000];
        for (int n = in.read(buffer, 0, 1 + random.nextInt(9000)); n >= 0; n = in.read(buffer, 0, 1 + random.nextInt(9000))) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Hands over a few bytes at a time, as a socket does under load. */
    private static final class Dribble extends FilterInputStream {
        private final Random random;

        Dribble(InputStream in, long seed) {
            super(in);
            this.random = new Random(seed);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, 1 + random.nextInt(seedMax())));
        }

        private int seedMax() {
            return random.nextBoolean() ? 7 : 20_000;
        }
    }
}
