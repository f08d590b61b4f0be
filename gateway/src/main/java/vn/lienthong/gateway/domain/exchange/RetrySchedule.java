package vn.lienthong.gateway.domain.exchange;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter between outbox delivery attempts: the n-th retry waits a random
 * time between half and all of {@code initial × 2^(n-1)}, capped at {@code max}, so that many
 * messages failing together do not come back together.
 */
public record RetrySchedule(int maxAttempts, Duration initial, Duration max) {

    public RetrySchedule {
        if (maxAttempts < 1 || initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("Retry schedule needs maxAttempts >= 1 and 0 < initial <= max");
        }
    }

    /** True when a message that has failed {@code attempts} times may not be tried again. */
    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }

    /** The wait after the {@code attempts}-th failure; {@code random} gives values in [0, 1). */
    public Duration delayAfter(int attempts, DoubleSupplier random) {
        long ceiling = initial.toMillis();
        for (int i = 1; i < attempts && ceiling < max.toMillis(); i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, max.toMillis());
        long half = ceiling / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (ceiling - half)));
    }
}
