package vn.lienthong.gateway.sandbox;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a MIME multipart body (RFC 2046) part by part straight off the request stream: a part's
 * content is handed out as it arrives, through one fixed window, so a 100 MB scan is never held.
 */
final class MultipartParts {

    private static final int WINDOW = 64 * 1024;
    private static final int MAX_HEADER_LINE = 8 * 1024;

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buf = new byte[WINDOW];
    private int pos;
    private int lim;
    private boolean eof;
    private boolean atDelimiter;
    private boolean finished;

    MultipartParts(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        if (delimiter.length > WINDOW / 4) {
            throw new IllegalArgumentException("Boundary too long");
        }
        // The first delimiter has no line break of its own before it: lend it one.
        buf[0] = '\r';
        buf[1] = '\n';
        lim = 2;
    }

    /** The boundary parameter of a multipart Content-Type, or null. */
    static String boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return null;
        }
        for (String param : contentType.split(";")) {
            String p = param.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String value = p.substring("boundary=".length()).trim();
                return value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1) : value;
            }
        }
        return null;
    }

    /**
     * Skips what is left of the current part (or the preamble) and answers the next part's headers,
     * names in lower case; null after the closing delimiter.
     */
    Map<String, String> next() throws IOException {
        if (finished) {
            return null;
        }
        content().transferTo(OutputStream.nullOutputStream());
        pos += delimiter.length;
        atDelimiter = false;
        need(2);
        if (buf[pos] == '-' && buf[pos + 1] == '-') {
            finished = true;
            return null;
        }
        readLine(); // transport padding up to the line break after the delimiter
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    /** The current part's content; it ends where the next delimiter begins. */
    InputStream content() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return readContent(b, off, len);
            }
        };
    }

    private int readContent(byte[] b, int off, int len) throws IOException {
        if (atDelimiter || finished) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        while (true) {
            int found = indexOfDelimiter();
            if (found == pos) {
                atDelimiter = true;
                return -1;
            }
            // Without a whole delimiter in view, the last bytes might be the start of one: keep them.
            int safe = found >= 0 ? found : lim - (delimiter.length - 1);
            if (safe > pos) {
                int n = Math.min(len, safe - pos);
                System.arraycopy(buf, pos, b, off, n);
                pos += n;
                return n;
            }
            if (eof) {
                throw new EOFException("The multipart body ends inside a part, without its closing delimiter");
            }
            fill();
        }
    }

    private int indexOfDelimiter() {
        byte first = delimiter[0];
        int last = lim - delimiter.length;
        outer:
        for (int i = pos; i <= last; i++) {
            if (buf[i] != first) {
                continue;
            }
            for (int j = 1; j < delimiter.length; j++) {
                if (buf[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private String readLine() throws IOException {
        while (true) {
            for (int i = pos; i + 1 < lim; i++) {
                if (buf[i] == '\r' && buf[i + 1] == '\n') {
                    String line = new String(buf, pos, i - pos, StandardCharsets.ISO_8859_1);
                    pos = i + 2;
                    return line;
                }
            }
            if (lim - pos > MAX_HEADER_LINE) {
                throw new IOException("A part header line is longer than " + MAX_HEADER_LINE + " bytes");
            }
            if (eof) {
                throw new EOFException("The multipart body ends inside a part's headers");
            }
            fill();
        }
    }

    private void need(int n) throws IOException {
        while (lim - pos < n) {
            if (eof) {
                throw new EOFException("The multipart body ends right after a delimiter");
            }
            fill();
        }
    }

    /** Moves the unread bytes to the front and reads more behind them. */
    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
        int n = in.read(buf, lim, buf.length - lim);
        if (n < 0) {
            eof = true;
        } else {
            lim += n;
        }
    }
}
