package vn.lienthong.gateway.infrastructure.verification;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.filter.DecodeOptions;
import org.apache.pdfbox.filter.DecodeResult;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;

import vn.lienthong.gateway.domain.document.UnverifiableDocumentException;

/**
 * Caps how much PDFBox may decompress while one uploaded document is checked on the current thread.
 *
 * <p>PDFBox 3.0 decodes every filter stage (Flate, LZW, RunLength, ASCII85…) into an in-memory
 * buffer, whatever stream cache or {@code MemoryUsageSetting} the document was loaded with: a 1 MB
 * PDF whose cross-reference or object stream inflates to 1 GB exhausts a 256 MB heap while it is
 * merely being opened. PDFBox has no hook for this, so each filter of its {@link FilterFactory}
 * is wrapped once, and the wrapper counts what it writes against the budget of the current
 * thread. Threads without a budget (the archive, the signing of results) decode as before.
 *
 * <p>Decoding also stops when the thread is interrupted, which is how a verification past its
 * time is cancelled even while it inflates from memory without touching the file.
 */
public final class PdfDecodeLimits {

    private static final ThreadLocal<Budget> CURRENT = new ThreadLocal<>();
    private static volatile boolean installed;

    private PdfDecodeLimits() {
    }

    /**
     * Wraps PDFBox's filters; idempotent. Fails when a PDFBox upgrade moved the filter table, so
     * that verification refuses to run unguarded rather than run with no cap.
     */
    static synchronized void install() {
        if (installed) {
            return;
        }
        try {
            Field field = FilterFactory.class.getDeclaredField("filters");
            field.setAccessible(true);
            @SuppressWarnings("unchecked")
            Map<COSName, Filter> filters = (Map<COSName, Filter>) field.get(FilterFactory.INSTANCE);
            filters.replaceAll((name, filter) -> filter instanceof Bounded ? filter : new Bounded(filter));
            installed = true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot cap PDFBox decoding (PDFBox's FilterFactory changed?)", e);
        }
    }

    static boolean installed() {
        return installed;
    }

    /**
     * Runs {@code work} with a decoding budget on this thread. When the budget ran out, the
     * result is refused even if PDFBox swallowed the failure and carried on leniently.
     *
     * @throws UnverifiableDocumentException when a stream or the document decoded over its limit
     */
    static <T> T within(long maxStreamBytes, long maxTotalBytes, Supplier<T> work) {
        if (!installed) {
            throw new IllegalStateException("PdfDecodeLimits.install() has not run");
        }
        Budget budget = new Budget(maxStreamBytes, maxTotalBytes);
        CURRENT.set(budget);
        try {
            T result = work.get();
            budget.refuseIfExceeded(null);
            return result;
        } catch (RuntimeException e) {
            budget.refuseIfExceeded(e);
            throw e;
        } finally {
            CURRENT.remove();
        }
    }

    /** Bytes decoded so far by the budget of this thread; for tests and measurements. */
    static long decodedOnThisThread() {
        Budget budget = CURRENT.get();
        return budget == null ? 0 : budget.total;
    }

    /** The allowance of one document: per stream stage and in total. Used by one thread only. */
    private static final class Budget {
        private final long maxStream;
        private final long maxTotal;
        private long total;
        private String exceeded;
        private String exceededVi;

        Budget(long maxStream, long maxTotal) {
            this.maxStream = maxStream;
            this.maxTotal = maxTotal;
        }

        OutputStream watch(OutputStream out) {
            return new FilterOutputStream(out) {
                private long stream;

                @Override
                public void write(int b) throws IOException {
                    count(1);
                    out.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    count(len);
                    out.write(b, off, len);
                }

                private void count(long n) throws IOException {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedIOException("verification cancelled");
                    }
                    stream += n;
                    total += n;
                    if (stream > maxStream && exceeded == null) {
                        exceeded = "one stream decompresses to more than " + maxStream + " bytes";
                        exceededVi = "một luồng giải nén ra hơn " + maxStream + " byte";
                    } else if (total > maxTotal && exceeded == null) {
                        exceeded = "the streams decompress to more than " + maxTotal + " bytes in total";
                        exceededVi = "các luồng giải nén ra tổng cộng hơn " + maxTotal + " byte";
                    }
                    if (exceeded != null) {
                        throw new IOException("Decompression limit: " + exceeded);
                    }
                }
            };
        }

        void refuseIfExceeded(Throwable cause) {
            if (exceeded != null) {
                throw new UnverifiableDocumentException(
                        "Tệp PDF chứa luồng nén bất thường (bom giải nén): " + exceededVi,
                        "The PDF holds a decompression bomb: " + exceeded, cause);
            }
        }
    }

    /** A PDFBox filter whose decoding counts against the current thread's budget, if it has one. */
    private static final class Bounded extends Filter {
        private final Filter delegate;

        Bounded(Filter delegate) {
            this.delegate = delegate;
        }

        @Override
        public DecodeResult decode(InputStream encoded, OutputStream decoded, COSDictionary parameters, int index)
                throws IOException {
            Budget budget = CURRENT.get();
            return delegate.decode(encoded, budget == null ? decoded : budget.watch(decoded), parameters, index);
        }

        @Override
        public DecodeResult decode(InputStream encoded, OutputStream decoded, COSDictionary parameters, int index,
                                   DecodeOptions options) throws IOException {
            Budget budget = CURRENT.get();
            return delegate.decode(encoded, budget == null ? decoded : budget.watch(decoded), parameters, index,
                    options);
        }

        @Override
        protected void encode(InputStream input, OutputStream encoded, COSDictionary parameters) throws IOException {
            delegate.encode(input, encoded, parameters, 0);
        }
    }
}
