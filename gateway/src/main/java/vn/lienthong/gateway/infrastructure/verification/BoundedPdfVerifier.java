package vn.lienthong.gateway.infrastructure.verification;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import vn.lienthong.gateway.domain.GatewayException;
import vn.lienthong.gateway.domain.document.UnverifiableDocumentException;
import vn.lienthong.gateway.domain.document.VerifierBusyException;
import vn.lienthong.signing.verify.SignatureVerifier;
import vn.lienthong.signing.verify.VerificationReport;

/**
 * Verifies an uploaded PDF with the signing module's {@link SignatureVerifier} within a budget:
 * a bounded number at once, each on the given executor with a time limit after which it is
 * cancelled, and a cap on what PDFBox may decompress ({@link PdfDecodeLimits}). Whatever a hostile
 * file makes PDFBox do (malformed structure, decompression bombs, endless nesting) ends as an
 * {@link UnverifiableDocumentException} with the reason, never as an OutOfMemoryError or a
 * request thread that hangs.
 */
public final class BoundedPdfVerifier {

    private static final Logger LOG = Logger.getLogger(BoundedPdfVerifier.class.getName());
    private static final int MAX_REASON = 300;

    private final SignatureVerifier verifier;
    private final ExecutorService executor;
    private final VerificationLimits limits;
    private final Semaphore slots;

    public BoundedPdfVerifier(SignatureVerifier verifier, ExecutorService executor, VerificationLimits limits) {
        PdfDecodeLimits.install();
        this.verifier = verifier;
        this.executor = executor;
        this.limits = limits;
        this.slots = new Semaphore(limits.concurrency());
    }

    /**
     * Verifies every signature of the PDF at {@code pdf}; the report names it {@code documentName}.
     *
     * @throws UnverifiableDocumentException the file is not a PDF that can be checked safely
     * @throws VerifierBusyException every slot stayed taken for the queue wait
     */
    public VerificationReport verify(Path pdf, String documentName) {
        acquireSlot();
        AtomicBoolean claimed = new AtomicBoolean();
        Callable<VerificationReport> task = () -> {
            if (!claimed.compareAndSet(false, true)) {
                return null; // cancelled before it started; the caller freed the slot
            }
            try {
                return check(pdf, documentName);
            } finally {
                slots.release();
            }
        };
        Future<VerificationReport> future;
        try {
            future = executor.submit(task);
        } catch (RejectedExecutionException e) {
            slots.release();
            throw new VerifierBusyException(retryAfterSeconds());
        }
        try {
            return future.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            cancel(future, claimed);
            LOG.info(() -> "Verification of " + documentName + " cancelled after " + limits.timeout());
            throw new UnverifiableDocumentException(
                    "Phân tích tệp PDF vượt quá " + limits.timeout().toSeconds() + " giây; tệp có cấu trúc bất thường",
                    "Parsing the PDF took longer than " + limits.timeout().toSeconds()
                            + " s; its structure is abnormal", null);
        } catch (InterruptedException e) {
            cancel(future, claimed);
            Thread.currentThread().interrupt();
            throw new VerifierBusyException(retryAfterSeconds());
        } catch (ExecutionException e) {
            throw refusal(e.getCause(), pdf, documentName);
        }
    }

    /** Slots free right now; for tests and health. */
    int freeSlots() {
        return slots.availablePermits();
    }

    private VerificationReport check(Path pdf, String documentName) {
        VerificationReport report = PdfDecodeLimits.within(limits.maxDecodedStreamBytes(),
                limits.maxDecodedTotalBytes(), () -> verifier.verifyPdf(pdf));
        return new VerificationReport(documentName, report.kind(), report.signatures(), report.provider());
    }

    private void acquireSlot() {
        try {
            if (!slots.tryAcquire(limits.queueWait().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new VerifierBusyException(retryAfterSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VerifierBusyException(retryAfterSeconds());
        }
    }

    private void cancel(Future<?> future, AtomicBoolean claimed) {
        future.cancel(true);
        if (claimed.compareAndSet(false, true)) {
            slots.release(); // it never started, so its own finally will not
        }
    }

    private long retryAfterSeconds() {
        return Math.max(1, limits.timeout().toSeconds());
    }

    /** What a failure inside the verification means to the caller; the server's paths never reach it. */
    private static RuntimeException refusal(Throwable cause, Path pdf, String documentName) {
        if (cause instanceof GatewayException refused) {
            LOG.info(() -> "Refused " + documentName + ": " + refused.english());
            return refused;
        }
        if (cause instanceof StackOverflowError) {
            LOG.info(() -> "Refused " + documentName + ": nesting overflowed the parser's stack");
            return new UnverifiableDocumentException(
                    "Tệp PDF có cấu trúc lồng nhau quá sâu hoặc tự tham chiếu vòng",
                    "The PDF's objects are nested too deeply or refer to themselves in a loop", cause);
        }
        if (cause instanceof RuntimeException) {
            // The signing module's MalformedInputException, and PDFBox's assorted runtime exceptions on
            // hostile structures: all of them say this file cannot be checked.
            String reason = scrub(String.valueOf(cause.getMessage()), pdf, documentName);
            LOG.log(Level.INFO, "Refused " + documentName + ": " + reason);
            return new UnverifiableDocumentException("Không đọc được tệp PDF: " + reason,
                    "The PDF cannot be read: " + reason, cause);
        }
        return new IllegalStateException("Verification failed unexpectedly", cause);
    }

    private static String scrub(String message, Path pdf, String documentName) {
        String scrubbed = message.replace(pdf.toAbsolutePath().toString(), documentName)
                .replace(pdf.toString(), documentName)
                .replace(pdf.getFileName().toString(), documentName);
        return scrubbed.length() <= MAX_REASON ? scrubbed : scrubbed.substring(0, MAX_REASON) + "…";
    }
}
