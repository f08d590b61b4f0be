package vn.lienthong.gateway.infrastructure.multipart;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.fileupload2.core.AbstractFileUpload;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemHeaders;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.core.MultipartInput;

/**
 * The parts of a MIME multipart body (RFC 2046), read in one pass straight off the stream by Apache
 * Commons FileUpload's {@link MultipartInput}: each part's content is handed out as it arrives, so
 * the caller can count and refuse before the rest of the body is read. The one class that knows
 * that library (a milestone release: docs/hostile-input.md says why, and what to do when it moves).
 *
 * <p>Not FileUpload's item iterator: between parts it looks for the next boundary as if it were
 * skipping a preamble, so a boundary followed by anything but CRLF or "--", or a body cut off just
 * after a boundary, silently ends the iteration and the parts after it are lost (2.0.0-M5).
 */
public final class MultipartParts {

    /** How a body fails to be multipart. */
    public enum Flaw { NO_BOUNDARY, HEADERS_TOO_LONG, BAD_DELIMITER, TRUNCATED }

    /** A body that is not well-formed multipart; failures of the body stream itself pass as they are. */
    public static final class MalformedException extends IOException {
        private final Flaw flaw;

        MalformedException(Flaw flaw, String message, Throwable cause) {
            super(message, cause);
            this.flaw = flaw;
        }

        public Flaw flaw() {
            return flaw;
        }
    }

    /** One part: its headers and its content, which ends where the next boundary begins. */
    public static final class Part {
        private final FileItemHeaders headers;
        private final InputStream content;

        private Part(FileItemHeaders headers, InputStream content) {
            this.headers = headers;
            this.content = content;
        }

        /** The header's value (the name in any case), or null. */
        public String header(String name) {
            return headers.getHeader(name);
        }

        /** The {@code name} of a {@code Content-Disposition: form-data}, or null. */
        public String fieldName() {
            return LIBRARY.getFieldName(headers);
        }

        /** The {@code filename} of the Content-Disposition, decoded (RFC 2231, RFC 2047) but not trusted; or null. */
        public String fileName() {
            return LIBRARY.getFileName(headers);
        }

        public InputStream content() {
            return content;
        }
    }

    /** Used for its header and parameter parsing only. */
    private static final AbstractFileUpload<Void, DiskFileItem, DiskFileItemFactory> LIBRARY = new AbstractFileUpload<>() {
        @Override
        public FileItemInputIterator getItemIterator(Void request) {
            throw new UnsupportedOperationException("MultipartParts reads the parts itself");
        }

        @Override
        public Map<String, List<DiskFileItem>> parseParameterMap(Void request) {
            throw new UnsupportedOperationException("MultipartParts never spools parts");
        }

        @Override
        public List<DiskFileItem> parseRequest(Void request) {
            throw new UnsupportedOperationException("MultipartParts never spools parts");
        }
    };

    private static final int BUFFER = 64 * 1024;

    private final Watched body;
    private final MultipartInput input;
    private InputStream current;
    private boolean started;
    private boolean finished;

    /**
     * @param boundary       the {@code boundary} parameter of the body's Content-Type, unquoted
     * @param maxHeaderBytes the largest header block of one part; a larger one is a {@link Flaw#HEADERS_TOO_LONG}
     */
    public MultipartParts(InputStream body, String boundary, int maxHeaderBytes) throws IOException {
        this.body = new Watched(body);
        try {
            this.input = MultipartInput.builder().setInputStream(this.body).setBufferSize(BUFFER)
                    .setBoundary(boundary.getBytes(StandardCharsets.ISO_8859_1)).setMaxPartHeaderSize(maxHeaderBytes).get();
        } catch (IllegalArgumentException e) {
            throw new MalformedException(Flaw.NO_BOUNDARY, "Unusable boundary: " + e.getMessage(), e);
        }
        input.setHeaderCharset(StandardCharsets.UTF_8);
    }

    /** The {@code boundary} parameter of a multipart Content-Type, unquoted; null for another type or none. */
    public static String boundary(String contentType) {
        if (contentType == null || !contentType.strip().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return null;
        }
        byte[] boundary = LIBRARY.getBoundary(contentType);
        return boundary == null ? null : new String(boundary, StandardCharsets.ISO_8859_1);
    }

    /** The next part, after skipping what is left of the previous one (or the preamble); null after the closing boundary. */
    public Part next() throws IOException {
        if (finished) {
            return null;
        }
        try {
            if (current != null) {
                current.close();
            }
            boolean another = started ? input.readBoundary() : input.skipPreamble();
            if (!started && !another) {
                throw new MalformedException(Flaw.NO_BOUNDARY, "No boundary in the body", null);
            }
            started = true;
            if (!another) {
                finished = true;
                return null;
            }
            FileItemHeaders headers = LIBRARY.getParsedHeaders(input.readHeaders());
            current = new Content(input.newInputStream());
            return new Part(headers, current);
        } catch (IOException e) {
            throw explained(e);
        }
    }

    /** The library calls a cut-off body and a bad delimiter both malformed, and wraps the body's own failures. */
    private IOException explained(IOException e) {
        if (body.failure != null) {
            return body.failure;
        }
        if (e instanceof MalformedException) {
            return e;
        }
        if (e instanceof FileUploadSizeException) {
            return new MalformedException(Flaw.HEADERS_TOO_LONG, e.getMessage(), e);
        }
        if (body.ended) {
            return new MalformedException(Flaw.TRUNCATED, "The body ends before its closing boundary", e);
        }
        return new MalformedException(Flaw.BAD_DELIMITER, "A boundary is followed by something other than CRLF or --", e);
    }

    /** A part's content, failing as {@link #explained} says. */
    private final class Content extends FilterInputStream {
        Content(InputStream part) {
            super(part);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw explained(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw explained(e);
            }
        }

        /** Skips what is left of the part. */
        @Override
        public void close() throws IOException {
            try {
                super.close();
            } catch (IOException e) {
                throw explained(e);
            }
        }
    }

    /** The body, noting whether it ended and how it failed. */
    private static final class Watched extends FilterInputStream {
        private boolean ended;
        private IOException failure;

        Watched(InputStream body) {
            super(body);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                int n = super.read(b, off, len);
                ended |= n < 0;
                return n;
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }
    }
}
