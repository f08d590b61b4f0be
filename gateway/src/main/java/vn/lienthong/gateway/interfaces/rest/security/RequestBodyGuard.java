package vn.lienthong.gateway.interfaces.rest.security;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.lienthong.gateway.interfaces.rest.problem.Problem;

/**
 * Guards request bodies before anything binds them. Over the limit: 413, at once when the
 * Content-Length says so, while reading when the body is chunked. JSON bodies may have
 * {@code lienthong.api.max-body-bytes} everywhere; other bodies (an uploaded PDF) the limit of their
 * path in {@code lienthong.api.body-limits}, or that same default. A JSON
 * body must also be one well-formed document, nested at most {@link #MAX_DEPTH} deep, with no
 * string longer than {@link #MAX_STRING}: JSON-B is never handed anything else, because
 * Parsson's skipping of an unknown, unterminated object spins forever on one request thread.
 */
@Provider
@PreMatching
public class RequestBodyGuard implements ContainerRequestFilter {

    /** Deepest nesting a desk system's JSON needs, with room to spare. */
    static final int MAX_DEPTH = 32;
    /** Longest string value or key, in characters. */
    static final int MAX_STRING = 20_000;

    /** Request attribute set when the body went over the limit; its value is the limit in bytes. */
    public static final String EXCEEDED = "lienthong.body-too-large";

    /** Thrown by the counting stream once the body passes the limit. */
    public static final class BodyTooLargeException extends IOException {
        private final long limit;

        BodyTooLargeException(long limit) {
            super("Request body exceeds " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    /** Built once: {@code Json.createParser} looks the JSON provider up again on every call. */
    private static final JsonParserFactory JSON = Json.createParserFactory(Map.of());

    /** Scan uploads stream to disk under their own limit (lienthong.attachments.max-bytes), see AttachmentResource. */
    private static final Pattern ATTACHMENT_UPLOAD = Pattern.compile("(^|.*/)dossiers/[^/]+/attachments/?");

    @Inject
    @ConfigProperty(name = "lienthong.api.max-body-bytes", defaultValue = "1048576")
    long maxBodyBytes;

    /**
     * Comma-separated "path=bytes"; a path is relative to /api/v1 and matches itself and what is
     * below it. (A String: Payara's MicroProfile Config cannot inject Optional of a List.)
     */
    @Inject
    @ConfigProperty(name = "lienthong.api.body-limits")
    Optional<String> bodyLimits;

    @Override
    public void filter(ContainerRequestContext request) {
        if ("POST".equals(request.getMethod()) && ATTACHMENT_UPLOAD.matcher(request.getUriInfo().getPath()).matches()) {
            return;
        }
        long limit = limitFor(request.getUriInfo().getPath(), isJson(request.getMediaType()));
        long declared = request.getLength();
        if (declared > limit) {
            request.abortWith(tooLarge(limit));
            return;
        }
        if (!request.hasEntity()) {
            return;
        }
        InputStream limited = new Limited(request.getEntityStream(), limit,
                () -> request.setProperty(EXCEEDED, limit));
        if (!isJson(request.getMediaType())) {
            request.setEntityStream(limited);
            return;
        }
        byte[] body;
        try {
            body = limited.readAllBytes();
        } catch (BodyTooLargeException e) {
            request.abortWith(tooLarge(e.limit()));
            return;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the request body", e);
        }
        String problem = shapeProblem(body);
        if (problem != null) {
            request.abortWith(Problem.of("malformed-json", Response.Status.BAD_REQUEST,
                    "Nội dung JSON không đọc được", "Malformed JSON",
                    "Nội dung gửi lên không phải một tài liệu JSON hợp lệ: " + problem,
                    "The body is not one well-formed JSON document: " + problem).toResponse());
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(body));
    }

    /** The body limit of a request to {@code path} (relative to the API root). */
    long limitFor(String path, boolean json) {
        if (json) {
            return maxBodyBytes;
        }
        String normalized = path == null ? "" : path.replaceAll("^/+|/+$", "");
        for (String entry : bodyLimits.map(v -> v.split(",")).map(List::of).orElse(List.of())) {
            int eq = entry.lastIndexOf('=');
            if (eq <= 0) {
                continue;
            }
            String prefix = entry.substring(0, eq).trim().replaceAll("^/+|/+$", "");
            if (normalized.equals(prefix) || normalized.startsWith(prefix + "/")) {
                return Long.parseLong(entry.substring(eq + 1).trim());
            }
        }
        return maxBodyBytes;
    }

    /** Why the bytes are not an acceptable JSON document, or null when they are. */
    static String shapeProblem(byte[] body) {
        if (body.length == 0) {
            return null; // an empty body is the resource's to refuse, with its own message
        }
        try (JsonParser parser = JSON.createParser(new ByteArrayInputStream(body))) {
            int depth = 0;
            boolean seenRoot = false;
            while (parser.hasNext()) {
                if (seenRoot && depth == 0) {
                    return "more than one JSON value";
                }
                switch (parser.next()) {
                    case START_OBJECT, START_ARRAY -> {
                        depth++;
                        if (depth > MAX_DEPTH) {
                            return "nested deeper than " + MAX_DEPTH + " levels";
                        }
                    }
                    case END_OBJECT, END_ARRAY -> depth--;
                    case KEY_NAME, VALUE_STRING -> {
                        if (parser.getString().length() > MAX_STRING) {
                            return "a string longer than " + MAX_STRING + " characters";
                        }
                    }
                    default -> { }
                }
                seenRoot = true;
            }
            return depth == 0 ? null : "unexpected end of the document";
        } catch (JsonParsingException e) {
            return "line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber();
        } catch (jakarta.json.JsonException e) {
            return "unreadable characters";
        }
    }

    public static Response tooLarge(long limit) {
        return Problem.of("payload-too-large", Response.Status.REQUEST_ENTITY_TOO_LARGE,
                "Nội dung gửi lên quá lớn", "Payload too large",
                "Kích thước tối đa cho địa chỉ này là " + limit + " byte (" + mebibytes(limit) + " MiB)",
                "The limit for this address is " + limit + " bytes (" + mebibytes(limit) + " MiB)").toResponse();
    }

    private static String mebibytes(long bytes) {
        return java.math.BigDecimal.valueOf(bytes).divide(java.math.BigDecimal.valueOf(1024 * 1024), 1,
                java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static boolean isJson(MediaType type) {
        return type != null && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
    }

    /** Counts what is read and fails once the limit is passed, telling {@code onExceeded} first. */
    public static final class Limited extends FilterInputStream {
        private final long limit;
        private final Runnable onExceeded;
        private long count;

        public Limited(InputStream in, long limit, Runnable onExceeded) {
            super(in);
            this.limit = limit;
            this.onExceeded = onExceeded;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) throws BodyTooLargeException {
            count += n;
            if (count > limit) {
                onExceeded.run();
                throw new BodyTooLargeException(limit);
            }
        }
    }
}
