package vn.lienthong.gateway.interfaces.rest.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: {@code perMinute} calls at once, refilled evenly over a minute.
 * Memory is bounded: at most {@code maxClients} buckets, the least recently seen dropped first, so
 * an attacker with many addresses cycles buckets instead of growing the map. A dropped client
 * starts again with a full bucket; the verifier's concurrency limit still caps the total load.
 */
final class ClientRateLimiter {

    /** Whether the call may go ahead, and if not, in how many seconds a token is back. */
    record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final int perMinute;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets;

    ClientRateLimiter(int perMinute, int maxClients, LongSupplier nanoClock) {
        if (perMinute < 1 || maxClients < 1) {
            throw new IllegalArgumentException("Rate limit out of range: " + perMinute + "/min, " + maxClients + " clients");
        }
        this.perMinute = perMinute;
        this.nanoClock = nanoClock;
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxClients;
            }
        };
    }

    synchronized Decision tryAcquire(String client) {
        long now = nanoClock.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(perMinute, now));
        bucket.refill(now, perMinute);
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return new Decision(true, 0);
        }
        double nanosPerToken = (double) MINUTE_NANOS / perMinute;
        long wait = (long) Math.ceil((1 - bucket.tokens) * nanosPerToken / 1_000_000_000d);
        return new Decision(false, Math.max(1, wait));
    }

    synchronized int clients() {
        return buckets.size();
    }

    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(int tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        void refill(long now, int perMinute) {
            long elapsed = Math.max(0, now - updated);
            tokens = Math.min(perMinute, tokens + elapsed * (double) perMinute / MINUTE_NANOS);
            updated = now;
        }
    }
}
