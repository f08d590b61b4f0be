package vn.lienthong.gateway.interfaces.rest.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import vn.lienthong.gateway.interfaces.rest.problem.Problem;
import vn.lienthong.gateway.interfaces.rest.security.RequestBodyGuard;

/**
 * Receives one uploaded PDF, either as a {@code multipart/form-data} body with one file part or as
 * the raw bytes, straight into a spool file: never more than a buffer in memory, whatever the
 * number or size of the parts. The file is taken for a PDF only when its bytes start with
 * {@code %PDF-}; the part's name and Content-Type are not trusted.
 *
 * <p>Jersey's own multipart reader (in Payara) parses every part of a body, spooling each part
 * over 4 KiB to its own temp file, before any count can be checked; this reader stops at the
 * first part over the limits.
 */
public final class UploadReader {

    /** Largest form field (non-file part); fields are read and discarded. */
    static final int MAX_FIELD_BYTES = 8 * 1024;
    /** Largest header block of one part. */
    static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final int MAX_NAME = 200;
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern NAME = Pattern.compile("(?i)(?:^|;)\\s*name\\s*=\\s*(?:\"([^\"]*)\"|([^;\\s]*))");
    private static final Pattern FILENAME =
            Pattern.compile("(?i)(?:^|;)\\s*filename\\s*=\\s*(?:\"([^\"]*)\"|([^;\\s]*))");
    private static final Pattern BOUNDARY = Pattern.compile("[0-9A-Za-z'()+_,./:=? -]{1,70}");

    private final Path spoolDir;
    private final UploadLimits limits;

    public UploadReader(Path spoolDir, UploadLimits limits) {
        this.spoolDir = spoolDir;
        this.limits = limits;
    }

    /**
     * Spools the uploaded PDF; the caller closes the result, which deletes the file.
     *
     * @throws UploadRefusedException 413 over a limit, 415 not a PDF, 400 a malformed multipart body
     */
    public UploadedFile receivePdf(InputStream body, MediaType type) {
        Path file = createSpoolFile();
        try {
            UploadedFile received;
            if (type != null && "multipart".equalsIgnoreCase(type.getType())) {
                if (!"form-data".equalsIgnoreCase(type.getSubtype())) {
                    throw refused(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                            "Định dạng nội dung không được hỗ trợ", "Unsupported media type",
                            "Gửi tệp PDF dạng multipart/form-data (trường 'file') hoặc application/pdf",
                            "Send the PDF as multipart/form-data (part 'file') or as application/pdf");
                }
                received = readMultipart(body, boundary(type), file);
            } else {
                long size;
                try (OutputStream out = Files.newOutputStream(file)) {
                    size = new Parts(body).copyAll(new LimitedSink(out, limits.maxFileBytes(), "file"));
                }
                received = new UploadedFile(file, "document.pdf", size);
            }
            sniff(received);
            return received;
        } catch (RequestBodyGuard.BodyTooLargeException e) {
            delete(file);
            throw new UploadRefusedException(tooLarge(e.limit()));
        } catch (PartTooLargeException e) {
            delete(file);
            throw e.refusal();
        } catch (IOException e) {
            delete(file);
            throw refused(Response.Status.BAD_REQUEST, "upload-interrupted",
                    "Tải tệp lên không trọn vẹn", "Upload incomplete",
                    "Không nhận được toàn bộ nội dung gửi lên; hãy gửi lại",
                    "The body did not arrive whole; send it again");
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    /**
     * Spools every file part of a {@code multipart/form-data} body, in order, each to its own file
     * (scanned pages): at most {@link UploadLimits#maxFiles()} parts of at most
     * {@link UploadLimits#maxFileBytes()} each, {@code maxTotalBytes} together. The bytes are not typed
     * here. The caller closes the result, which deletes the files; on any refusal none is left.
     *
     * @throws UploadRefusedException 413 over a limit, 415 not multipart/form-data, 400 malformed or no 'file' part
     */
    public UploadedFiles receiveFiles(InputStream body, MediaType type, long maxTotalBytes) {
        if (type == null || !"multipart".equalsIgnoreCase(type.getType())
                || !"form-data".equalsIgnoreCase(type.getSubtype())) {
            throw refused(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Định dạng nội dung không được hỗ trợ", "Unsupported media type",
                    "Gửi các trang scan dạng multipart/form-data, mỗi trang một phần 'file'",
                    "Send the scanned pages as multipart/form-data, one part 'file' per page");
        }
        List<UploadedFile> files = new ArrayList<>();
        try {
            readFileParts(body, boundary(type), files, maxTotalBytes);
            return new UploadedFiles(files);
        } catch (RequestBodyGuard.BodyTooLargeException e) {
            deleteAll(files);
            throw new UploadRefusedException(tooLarge(e.limit()));
        } catch (PartTooLargeException e) {
            deleteAll(files);
            throw e.refusal();
        } catch (IOException e) {
            deleteAll(files);
            throw refused(Response.Status.BAD_REQUEST, "upload-interrupted",
                    "Tải tệp lên không trọn vẹn", "Upload incomplete",
                    "Không nhận được toàn bộ nội dung gửi lên; hãy gửi lại",
                    "The body did not arrive whole; send it again");
        } catch (RuntimeException e) {
            deleteAll(files);
            throw e;
        }
    }

    private void readFileParts(InputStream body, String boundary, List<UploadedFile> files, long maxTotalBytes)
            throws IOException {
        Parts parts = new Parts(new byte[] {'\r', '\n'}, body);
        byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        if (!parts.skipPreamble(delimiter)) {
            throw malformed("không tìm thấy ranh giới (boundary) của multipart",
                    "no multipart boundary found in the body");
        }
        int fields = 0;
        long total = 0;
        while (parts.afterBoundaryIsAnotherPart()) {
            String disposition = parts.readDisposition();
            String fieldName = parameter(NAME, disposition);
            String fileName = parameter(FILENAME, disposition);
            if (fileName != null || "file".equals(fieldName)) {
                if (files.size() >= limits.maxFiles()) {
                    throw new UploadRefusedException(Problem.of("too-many-files", Response.Status.REQUEST_ENTITY_TOO_LARGE,
                            "Quá nhiều tệp", "Too many files",
                            "Địa chỉ này nhận tối đa " + limits.maxFiles() + " tệp mỗi lần gửi",
                            "This address accepts at most " + limits.maxFiles() + " file(s) per request"));
                }
                Path file = createSpoolFile();
                // Registered before it is written, so a refusal halfway deletes it with the others.
                files.add(new UploadedFile(file, displayName(fileName), 0));
                long left = maxTotalBytes - total;
                long size;
                try (OutputStream out = Files.newOutputStream(file)) {
                    size = parts.copyUntil(delimiter, new LimitedSink(out, Math.min(limits.maxFileBytes(), left), "file"));
                } catch (PartTooLargeException e) {
                    if (left < limits.maxFileBytes()) {
                        throw new UploadRefusedException(Problem.of("payload-too-large",
                                Response.Status.REQUEST_ENTITY_TOO_LARGE, "Nội dung gửi lên quá lớn", "Payload too large",
                                "Các tệp gửi một lần tối đa " + maxTotalBytes + " byte cộng lại",
                                "The files of one request may have at most " + maxTotalBytes + " bytes together"));
                    }
                    throw e;
                }
                total += size;
                files.set(files.size() - 1, new UploadedFile(file, displayName(fileName), size));
            } else {
                fields++;
                if (fields > limits.maxFields()) {
                    throw malformed("có hơn " + limits.maxFields() + " trường không phải tệp",
                            "more than " + limits.maxFields() + " non-file parts");
                }
                parts.copyUntil(delimiter, new LimitedSink(OutputStream.nullOutputStream(), MAX_FIELD_BYTES, "field"));
            }
        }
        if (files.isEmpty()) {
            throw malformed("thiếu phần tệp tên 'file'", "no part named 'file'");
        }
    }

    private static void deleteAll(List<UploadedFile> files) {
        files.forEach(f -> delete(f.path()));
    }

    private UploadedFile readMultipart(InputStream body, String boundary, Path file) throws IOException {
        // The first boundary may open the body without a CRLF before it: read one in front.
        Parts parts = new Parts(new byte[] {'\r', '\n'}, body);
        byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        if (!parts.skipPreamble(delimiter)) {
            throw malformed("không tìm thấy ranh giới (boundary) của multipart",
                    "no multipart boundary found in the body");
        }
        int files = 0;
        int fields = 0;
        String name = null;
        long size = 0;
        while (parts.afterBoundaryIsAnotherPart()) {
            String disposition = parts.readDisposition();
            String fieldName = parameter(NAME, disposition);
            String fileName = parameter(FILENAME, disposition);
            boolean isFile = fileName != null || "file".equals(fieldName);
            if (isFile) {
                files++;
                if (files > limits.maxFiles()) {
                    throw new UploadRefusedException(Problem.of("too-many-files", Response.Status.REQUEST_ENTITY_TOO_LARGE,
                            "Quá nhiều tệp", "Too many files",
                            "Địa chỉ này nhận tối đa " + limits.maxFiles() + " tệp mỗi lần gửi",
                            "This address accepts at most " + limits.maxFiles() + " file(s) per request"));
                }
                try (OutputStream out = Files.newOutputStream(file)) {
                    size = parts.copyUntil(delimiter, new LimitedSink(out, limits.maxFileBytes(), "file"));
                }
                name = displayName(fileName);
            } else {
                fields++;
                if (fields > limits.maxFields()) {
                    throw malformed("có hơn " + limits.maxFields() + " trường không phải tệp",
                            "more than " + limits.maxFields() + " non-file parts");
                }
                parts.copyUntil(delimiter, new LimitedSink(OutputStream.nullOutputStream(), MAX_FIELD_BYTES, "field"));
            }
        }
        if (files == 0) {
            throw malformed("thiếu phần tệp tên 'file'", "no part named 'file' with the PDF");
        }
        return new UploadedFile(file, name, size);
    }

    private void sniff(UploadedFile upload) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(upload.path())) {
            head = in.readNBytes(16);
        }
        if (head.length >= PDF_MAGIC.length && java.util.Arrays.equals(head, 0, PDF_MAGIC.length,
                PDF_MAGIC, 0, PDF_MAGIC.length)) {
            return;
        }
        String[] kind = looksLike(head);
        throw refused(Response.Status.UNSUPPORTED_MEDIA_TYPE, "not-a-pdf",
                "Tệp không phải PDF", "Not a PDF",
                "Nội dung tệp không bắt đầu bằng %PDF- (trông giống " + kind[0] + "); tên tệp và Content-Type không được dùng để nhận dạng",
                "The file's bytes do not start with %PDF- (they look like " + kind[1]
                        + "); the file name and Content-Type are not trusted");
    }

    /** What the first bytes look like, in Vietnamese and English, for the refusal's reason. */
    static String[] looksLike(byte[] head) {
        if (head.length == 0) {
            return new String[] {"tệp rỗng", "an empty file"};
        }
        int b0 = head[0] & 0xFF;
        int b1 = head.length > 1 ? head[1] & 0xFF : -1;
        if (b0 == 0xFF && b1 == 0xD8) {
            return new String[] {"ảnh JPEG", "a JPEG image"};
        }
        if (b0 == 0x89 && b1 == 'P') {
            return new String[] {"ảnh PNG", "a PNG image"};
        }
        if (b0 == 'P' && b1 == 'K') {
            return new String[] {"tệp nén ZIP (DOCX, XLSX…)", "a ZIP archive (DOCX, XLSX…)"};
        }
        if (b0 == 'G' && b1 == 'I') {
            return new String[] {"ảnh GIF", "a GIF image"};
        }
        String text = new String(head, StandardCharsets.ISO_8859_1).replace("\uFEFF", "").replace("ï»¿", "").stripLeading();
        if (text.startsWith("<")) {
            return new String[] {"văn bản HTML/XML", "HTML or XML text"};
        }
        if (text.startsWith("{") || text.startsWith("[")) {
            return new String[] {"dữ liệu JSON", "JSON"};
        }
        return new String[] {"dữ liệu không xác định", "unknown data"};
    }

    private static String boundary(MediaType type) {
        String boundary = type.getParameters().get("boundary");
        if (boundary != null && boundary.length() > 1 && boundary.startsWith("\"") && boundary.endsWith("\"")) {
            boundary = boundary.substring(1, boundary.length() - 1);
        }
        if (boundary == null || !BOUNDARY.matcher(boundary).matches()) {
            throw malformed("Content-Type thiếu hoặc sai tham số boundary (RFC 2046: 1–70 ký tự)",
                    "the Content-Type has no valid boundary parameter (RFC 2046: 1-70 characters)");
        }
        return boundary;
    }

    private static String parameter(Pattern pattern, String disposition) {
        Matcher m = pattern.matcher(disposition);
        if (!m.find()) {
            return null;
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    /** The name shown in the report: the last path segment, printable, at most 200 characters. */
    static String displayName(String fileName) {
        if (fileName == null) {
            return "document.pdf";
        }
        String last = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        String printable = last.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (printable.isEmpty()) {
            return "document.pdf";
        }
        return printable.length() <= MAX_NAME ? printable : printable.substring(0, MAX_NAME);
    }

    private Path createSpoolFile() {
        try {
            Files.createDirectories(spoolDir);
            return Files.createTempFile(spoolDir, "upload-", ".pdf");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot create a spool file in " + spoolDir, e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // PdfVerification clears leftovers when it starts; the refusal matters more here.
        }
    }

    static Problem tooLarge(long limit) {
        return Problem.of("payload-too-large", Response.Status.REQUEST_ENTITY_TOO_LARGE,
                "Nội dung gửi lên quá lớn", "Payload too large",
                "Tệp tối đa " + limit + " byte (" + limit / (1024 * 1024) + " MiB)",
                "A file may have at most " + limit + " bytes (" + limit / (1024 * 1024) + " MiB)");
    }

    private static UploadRefusedException malformed(String vi, String en) {
        return refused(Response.Status.BAD_REQUEST, "malformed-multipart",
                "Nội dung multipart không hợp lệ", "Malformed multipart body",
                "Nội dung multipart/form-data không đọc được: " + vi, "The multipart/form-data body is malformed: " + en);
    }

    private static UploadRefusedException refused(Response.Status status, String slug, String title, String titleEn,
                                                  String detail, String detailEn) {
        return new UploadRefusedException(Problem.of(slug, status, title, titleEn, detail, detailEn));
    }

    /** A part (file, field or headers) over its limit. */
    private static final class PartTooLargeException extends IOException {
        private final String what;
        private final long limit;

        PartTooLargeException(String what, long limit) {
            super(what + " over " + limit + " bytes");
            this.what = what;
            this.limit = limit;
        }

        UploadRefusedException refusal() {
            if ("file".equals(what)) {
                return new UploadRefusedException(tooLarge(limit));
            }
            return malformed("một " + ("field".equals(what) ? "trường" : "khối tiêu đề") + " dài hơn " + limit + " byte",
                    "a " + ("field".equals(what) ? "form field" : "part's header block") + " is longer than "
                            + limit + " bytes");
        }
    }

    /** Counts what it passes on and fails once over its limit. */
    private static final class LimitedSink extends OutputStream {
        private final OutputStream out;
        private final long limit;
        private final String what;
        private long count;

        LimitedSink(OutputStream out, long limit, String what) {
            this.out = out;
            this.limit = limit;
            this.what = what;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            count += len;
            if (count > limit) {
                throw new PartTooLargeException(what, limit);
            }
            out.write(b, off, len);
        }

        long count() {
            return count;
        }
    }

    /**
     * The body read byte by byte through its own buffer, searched for the delimiter with
     * Knuth-Morris-Pratt, so no byte is read past a delimiter and the search is linear whatever
     * the data (no rescanning of near-matches).
     */
    private static final class Parts {
        private final InputStream in;
        private final byte[] buffer = new byte[64 * 1024];
        private int position;
        private int length;

        Parts(InputStream in) {
            this.in = in;
        }

        /** Reads {@code prefix} first, then {@code in}. */
        Parts(byte[] prefix, InputStream in) {
            this.in = in;
            System.arraycopy(prefix, 0, buffer, 0, prefix.length);
            this.length = prefix.length;
        }

        int read() throws IOException {
            if (position == length) {
                length = in.read(buffer, 0, buffer.length);
                position = 0;
                if (length <= 0) {
                    length = 0;
                    return -1;
                }
            }
            return buffer[position++] & 0xFF;
        }

        long copyAll(LimitedSink sink) throws IOException {
            int b;
            byte[] chunk = new byte[8192];
            int n = 0;
            while ((b = read()) >= 0) {
                chunk[n++] = (byte) b;
                if (n == chunk.length) {
                    sink.write(chunk, 0, n);
                    n = 0;
                }
            }
            sink.write(chunk, 0, n);
            return sink.count();
        }

        /** Skips to just after the first boundary; false when the body has none. */
        boolean skipPreamble(byte[] delimiter) throws IOException {
            return copyUntil(delimiter, new LimitedSink(OutputStream.nullOutputStream(), Long.MAX_VALUE, "preamble"),
                    false) >= 0;
        }

        /** After a boundary: true when a part follows, false at the closing "--". */
        boolean afterBoundaryIsAnotherPart() throws IOException {
            int a = read();
            int b = read();
            if (a == '-' && b == '-') {
                return false;
            }
            // Transport padding (spaces, tabs) may follow a boundary before its CRLF.
            while (a == ' ' || a == '\t') {
                a = b;
                b = read();
            }
            if (a != '\r' || b != '\n') {
                throw malformed("sau ranh giới phải là CRLF hoặc --", "a boundary must be followed by CRLF or --");
            }
            return true;
        }

        /** Reads a part's header block and returns its Content-Disposition value ("" if none). */
        String readDisposition() throws IOException {
            StringBuilder line = new StringBuilder();
            String disposition = "";
            int total = 0;
            while (true) {
                int b = read();
                if (b < 0) {
                    throw malformed("phần multipart bị cắt giữa chừng", "a part ends inside its headers");
                }
                if (++total > MAX_HEADER_BYTES) {
                    throw new PartTooLargeException("headers", MAX_HEADER_BYTES);
                }
                if (b != '\n') {
                    line.append((char) b);
                    continue;
                }
                String text = line.toString().strip();
                line.setLength(0);
                if (text.isEmpty()) {
                    return disposition;
                }
                int colon = text.indexOf(':');
                if (colon > 0 && text.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-disposition")) {
                    disposition = new String(text.substring(colon + 1).getBytes(StandardCharsets.ISO_8859_1),
                            StandardCharsets.UTF_8).trim();
                }
            }
        }

        /**
         * Copies bytes to {@code sink} until {@code delimiter}, which is consumed but not copied.
         *
         * @return bytes copied
         * @throws IOException ends before the delimiter (the body is truncated), or the sink's limit
         */
        long copyUntil(byte[] delimiter, LimitedSink sink) throws IOException {
            return copyUntil(delimiter, sink, true);
        }

        /** As above; without {@code required}, the end of the body answers -1 instead of failing. */
        long copyUntil(byte[] delimiter, LimitedSink sink, boolean required) throws IOException {
            int[] fallback = fallback(delimiter);
            byte[] chunk = new byte[8192];
            int n = 0;
            int matched = 0;
            int b;
            while ((b = read()) >= 0) {
                while (matched > 0 && b != (delimiter[matched] & 0xFF)) {
                    int keep = fallback[matched - 1];
                    // The bytes that fell out of the partial match are data.
                    for (int i = 0; i < matched - keep; i++) {
                        chunk[n++] = delimiter[i];
                        if (n == chunk.length) {
                            sink.write(chunk, 0, n);
                            n = 0;
                        }
                    }
                    matched = keep;
                }
                if (b == (delimiter[matched] & 0xFF)) {
                    matched++;
                    if (matched == delimiter.length) {
                        sink.write(chunk, 0, n);
                        return sink.count();
                    }
                } else {
                    chunk[n++] = (byte) b;
                    if (n == chunk.length) {
                        sink.write(chunk, 0, n);
                        n = 0;
                    }
                }
            }
            if (!required) {
                return -1;
            }
            throw malformed("thiếu ranh giới đóng (nội dung bị cắt)", "the closing boundary is missing (truncated body)");
        }

        private static int[] fallback(byte[] pattern) {
            int[] f = new int[pattern.length];
            int k = 0;
            for (int i = 1; i < pattern.length; i++) {
                while (k > 0 && pattern[i] != pattern[k]) {
                    k = f[k - 1];
                }
                if (pattern[i] == pattern[k]) {
                    k++;
                }
                f[i] = k;
            }
            return f;
        }
    }
}
