package vn.lienthong.gateway.interfaces.rest.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import vn.lienthong.gateway.infrastructure.multipart.MultipartParts;
import vn.lienthong.gateway.interfaces.rest.problem.Problem;
import vn.lienthong.gateway.interfaces.rest.security.RequestBodyGuard;

/**
 * Receives uploaded files, either as a {@code multipart/form-data} body with file parts or (one PDF)
 * as the raw bytes, straight into spool files: never more than a buffer in memory, whatever the
 * number or size of the parts. A PDF is taken for one only when its bytes start with {@code %PDF-};
 * the part's name and Content-Type are not trusted.
 *
 * <p>Jersey's own multipart reader (in Payara) parses every part of a body, spooling each part
 * over 4 KiB to its own temp file, before any count can be checked; this reader stops at the
 * first part over the limits ({@link MultipartParts} hands each part over as it arrives).
 */
public final class UploadReader {

    /** Largest form field (non-file part); fields are read and discarded. */
    static final int MAX_FIELD_BYTES = 8 * 1024;
    /** Largest header block of one part. */
    static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final int MAX_NAME = 200;
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern BOUNDARY = Pattern.compile("[0-9A-Za-z'()+_,./:=? -]{1,70}");

    private final Path spoolDir;
    private final UploadLimits limits;

    public UploadReader(Path spoolDir, UploadLimits limits) {
        this.spoolDir = spoolDir;
        this.limits = limits;
    }

    /**
     * Spools the uploaded PDF; the caller closes the result, which deletes the file. With more than
     * one file part allowed, the last one is the PDF.
     *
     * @throws UploadRefusedException 413 over a limit, 415 not a PDF, 400 a malformed multipart body
     */
    public UploadedFile receivePdf(InputStream body, MediaType type) {
        UploadedFile received;
        if (type != null && "multipart".equalsIgnoreCase(type.getType())) {
            requireFormData(type, "Gửi tệp PDF dạng multipart/form-data (trường 'file') hoặc application/pdf",
                    "Send the PDF as multipart/form-data (part 'file') or as application/pdf");
            List<UploadedFile> files = readFileParts(body, type, Long.MAX_VALUE);
            files.subList(0, files.size() - 1).forEach(UploadedFile::close);
            received = files.get(files.size() - 1);
        } else {
            received = readRaw(body);
        }
        try {
            sniff(received);
            return received;
        } catch (RuntimeException e) {
            received.close();
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
        if (type == null || !"multipart".equalsIgnoreCase(type.getType())) {
            throw unsupported();
        }
        requireFormData(type, null, null);
        return new UploadedFiles(readFileParts(body, type, maxTotalBytes));
    }

    private UploadedFile readRaw(InputStream body) {
        Path file = createSpoolFile();
        try (OutputStream out = Files.newOutputStream(file)) {
            long size = copy(body, out, limits.maxFileBytes(), () -> new UploadRefusedException(tooLarge(limits.maxFileBytes())));
            return new UploadedFile(file, "document.pdf", size);
        } catch (IOException e) {
            delete(file);
            throw refusal(e);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    /** The file parts, each spooled within the limits; at least one. */
    private List<UploadedFile> readFileParts(InputStream body, MediaType type, long maxTotalBytes) {
        List<UploadedFile> files = new ArrayList<>();
        try {
            MultipartParts parts = new MultipartParts(body, boundary(type), MAX_HEADER_BYTES);
            int fields = 0;
            long total = 0;
            for (MultipartParts.Part part = parts.next(); part != null; part = parts.next()) {
                String fileName = part.fileName();
                if (fileName == null && !"file".equals(part.fieldName())) {
                    if (++fields > limits.maxFields()) {
                        throw malformed("có hơn " + limits.maxFields() + " trường không phải tệp",
                                "more than " + limits.maxFields() + " non-file parts");
                    }
                    copy(part.content(), OutputStream.nullOutputStream(), MAX_FIELD_BYTES,
                            () -> malformed("một trường dài hơn " + MAX_FIELD_BYTES + " byte",
                                    "a form field is longer than " + MAX_FIELD_BYTES + " bytes"));
                    continue;
                }
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
                Supplier<UploadRefusedException> over = left < limits.maxFileBytes()
                        ? () -> new UploadRefusedException(Problem.of("payload-too-large",
                                Response.Status.REQUEST_ENTITY_TOO_LARGE, "Nội dung gửi lên quá lớn", "Payload too large",
                                "Các tệp gửi một lần tối đa " + maxTotalBytes + " byte cộng lại",
                                "The files of one request may have at most " + maxTotalBytes + " bytes together"))
                        : () -> new UploadRefusedException(tooLarge(limits.maxFileBytes()));
                long size;
                try (OutputStream out = Files.newOutputStream(file)) {
                    size = copy(part.content(), out, Math.min(limits.maxFileBytes(), left), over);
                }
                total += size;
                files.set(files.size() - 1, new UploadedFile(file, displayName(fileName), size));
            }
            if (files.isEmpty()) {
                throw malformed("thiếu phần tệp tên 'file'", "no part named 'file'");
            }
            return files;
        } catch (IOException e) {
            deleteAll(files);
            throw refusal(e);
        } catch (RuntimeException e) {
            deleteAll(files);
            throw e;
        }
    }

    /** Copies at most {@code limit} bytes; the one after is refused by {@code over} before it is written. */
    private static long copy(InputStream in, OutputStream out, long limit, Supplier<UploadRefusedException> over)
            throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long count = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            count += n;
            if (count > limit) {
                throw over.get();
            }
            out.write(buffer, 0, n);
        }
        return count;
    }

    private static UploadRefusedException refusal(IOException e) {
        if (e instanceof RequestBodyGuard.BodyTooLargeException tooLarge) {
            return new UploadRefusedException(tooLarge(tooLarge.limit()));
        }
        if (e instanceof MultipartParts.MalformedException malformed) {
            return switch (malformed.flaw()) {
                case NO_BOUNDARY -> malformed("không tìm thấy ranh giới (boundary) của multipart",
                        "no multipart boundary found in the body");
                case HEADERS_TOO_LONG -> malformed("một khối tiêu đề dài hơn " + MAX_HEADER_BYTES + " byte",
                        "a part's header block is longer than " + MAX_HEADER_BYTES + " bytes");
                case BAD_DELIMITER -> malformed("sau ranh giới phải là CRLF hoặc --", "a boundary must be followed by CRLF or --");
                case TRUNCATED -> malformed("thiếu ranh giới đóng (nội dung bị cắt)",
                        "the closing boundary is missing (truncated body)");
            };
        }
        return refused(Response.Status.BAD_REQUEST, "upload-interrupted",
                "Tải tệp lên không trọn vẹn", "Upload incomplete",
                "Không nhận được toàn bộ nội dung gửi lên; hãy gửi lại",
                "The body did not arrive whole; send it again");
    }

    private static void requireFormData(MediaType type, String detail, String detailEn) {
        if (!"form-data".equalsIgnoreCase(type.getSubtype())) {
            throw detail == null ? unsupported() : refused(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Định dạng nội dung không được hỗ trợ", "Unsupported media type", detail, detailEn);
        }
    }

    private static UploadRefusedException unsupported() {
        return refused(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "Định dạng nội dung không được hỗ trợ", "Unsupported media type",
                "Gửi các trang scan dạng multipart/form-data, mỗi trang một phần 'file'",
                "Send the scanned pages as multipart/form-data, one part 'file' per page");
    }

    private static void deleteAll(List<UploadedFile> files) {
        files.forEach(f -> delete(f.path()));
    }

    private static void sniff(UploadedFile upload) {
        byte[] head;
        try (InputStream in = Files.newInputStream(upload.path())) {
            head = in.readNBytes(16);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the spooled upload " + upload.path(), e);
        }
        if (head.length >= PDF_MAGIC.length && Arrays.equals(head, 0, PDF_MAGIC.length, PDF_MAGIC, 0, PDF_MAGIC.length)) {
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
            throw new UncheckedIOException("Cannot create a spool file in " + spoolDir, e);
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
}
