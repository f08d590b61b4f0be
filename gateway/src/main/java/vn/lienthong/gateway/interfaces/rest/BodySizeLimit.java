package vn.lienthong.gateway.interfaces.rest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses request bodies over {@code lienthong.api.max-body-bytes} with 413: at once when the
 * Content-Length says so, and while reading when the body is chunked.
 */
@Provider
@PreMatching
public class BodySizeLimit implements ContainerRequestFilter {

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

    @Inject
    @ConfigProperty(name = "lienthong.api.max-body-bytes", defaultValue = "1048576")
    long maxBodyBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        long declared = request.getLength();
        if (declared > maxBodyBytes) {
            request.abortWith(tooLarge(maxBodyBytes));
            return;
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Limited(request.getEntityStream(), maxBodyBytes,
                    () -> request.setProperty(EXCEEDED, maxBodyBytes)));
        }
    }

    static Response tooLarge(long limit) {
        return Problem.of("payload-too-large", Response.Status.REQUEST_ENTITY_TOO_LARGE,
                "Nội dung gửi lên quá lớn", "Payload too large",
                "Kích thước tối đa là " + limit + " byte; tệp scan gửi qua kho lưu trữ, không qua API này",
                "The limit is " + limit + " bytes; scans go to the archive, not through this API").toResponse();
    }

    /** Counts what is read and fails once the limit is passed, telling {@code onExceeded} first. */
    static final class Limited extends FilterInputStream {
        private final long limit;
        private final Runnable onExceeded;
        private long count;

        Limited(InputStream in, long limit, Runnable onExceeded) {
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
