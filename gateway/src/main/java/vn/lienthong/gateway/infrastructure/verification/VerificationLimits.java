package vn.lienthong.gateway.infrastructure.verification;

import java.time.Duration;

/**
 * What one verification of an uploaded PDF may cost.
 *
 * @param timeout wall-clock time for parsing and checking, after which the work is cancelled
 * @param concurrency verifications running at once; a further one waits up to {@code queueWait}
 * @param queueWait how long a request waits for a free slot before it is told to retry
 * @param maxDecodedStreamBytes largest decoded size of one PDF stream (one filter stage)
 * @param maxDecodedTotalBytes decoded bytes of all streams of one document together
 */
public record VerificationLimits(Duration timeout, int concurrency, Duration queueWait,
                                 long maxDecodedStreamBytes, long maxDecodedTotalBytes) {

    public VerificationLimits {
        if (timeout.isNegative() || timeout.isZero() || concurrency < 1 || queueWait.isNegative()
                || maxDecodedStreamBytes < 1 || maxDecodedTotalBytes < maxDecodedStreamBytes) {
            throw new IllegalArgumentException("Verification limits out of range: timeout " + timeout
                    + ", concurrency " + concurrency + ", queue wait " + queueWait + ", decoded "
                    + maxDecodedStreamBytes + "/" + maxDecodedTotalBytes);
        }
    }
}
