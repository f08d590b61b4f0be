package vn.lienthong.gateway.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

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
            MultipartParts parts = new MultipartParts(new Dribble(new ByteArrayInputStream(body), seed), BOUNDARY);
            Map<String, String> headers = parts.next();
            assertEquals("<metadata>", headers.get("content-id"));
            assertEquals("application/octet-stream", headers.get("content-type"));
            assertEquals("{\"a\":1}", new String(parts.content().readAllBytes(), StandardCharsets.UTF_8));
            assertEquals("<big>", parts.next().get("content-id"));
            assertArrayEquals(big, readInOddChunks(parts.content(), seed));
            assertEquals("<tricky>", parts.next().get("content-id"));
            assertArrayEquals(tricky, parts.content().readAllBytes());
            assertEquals("<empty>", parts.next().get("content-id"));
            assertEquals(-1, parts.content().read());
            assertNull(parts.next());
            assertNull(parts.next());
        }
    }

    @Test
    void anUnreadPartIsSkipped() throws IOException {
        MultipartParts parts = new MultipartParts(new ByteArrayInputStream(
                body(part("<one>", new byte[100_000]), part("<two>", "2".getBytes(StandardCharsets.US_ASCII)))), BOUNDARY);
        assertEquals("<one>", parts.next().get("content-id"));
        assertEquals("<two>", parts.next().get("content-id"));
        assertEquals("2", new String(parts.content().readAllBytes(), StandardCharsets.US_ASCII));
        assertNull(parts.next());
    }

    @Test
    void aTruncatedBodyIsAnError() throws IOException {
        byte[] body = body(part("<one>", new byte[50_000]));
        MultipartParts parts = new MultipartParts(new ByteArrayInputStream(Arrays.copyOf(body, 30_000)), BOUNDARY);
        parts.next();
        assertThrows(EOFException.class, () -> parts.content().readAllBytes());
    }

    @Test
    void theBoundaryComesFromTheContentType() {
        assertEquals("abc", MultipartParts.boundary("multipart/mixed; boundary=abc"));
        assertEquals("a b", MultipartParts.boundary("Multipart/Mixed;charset=x; boundary=\"a b\""));
        assertNull(MultipartParts.boundary("application/json"));
        assertNull(MultipartParts.boundary(null));
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
