package vn.lienthong.archive.ledger;

import java.time.Duration;

/** Sign the chain head at least every {@code entries} entries or every {@code interval}. */
public record HeadPolicy(int entries, Duration interval) {
    public HeadPolicy {
        if (entries < 1 || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("Head policy needs entries >= 1 and a positive interval");
        }
    }

    public static HeadPolicy defaults() {
        return new HeadPolicy(100, Duration.ofMinutes(5));
    }
}
