package vn.lienthong.gateway.infrastructure.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.security.enterprise.identitystore.CredentialValidationResult;

/**
 * Bearer tokens MicroProfile JWT verified lately, by their exact text, with what the verification
 * found: a desk sends the same token with every call, and verifying it again each time (the key
 * re-read from its PEM, the signature, the claims parsed) was a large share of a request's CPU.
 *
 * <p>Only the identical string hits: a token altered in any character (a forged signature, another
 * issuer, other claims) is a miss and goes to MicroProfile JWT as before. An entry ends at the
 * token's own expiry, at its issue time plus the accepted age ({@code mp.jwt.verify.token.age}),
 * and at most {@link #HOLD} after it was verified, whichever comes first, so a token is never
 * accepted here later than MicroProfile JWT itself would accept it, and a changed key or issuer
 * takes effect within that hold. Memory is bounded: at most {@code maxTokens}, the least recently
 * used dropped first.
 */
public final class VerifiedTokens {

    /** The longest an entry is trusted without MicroProfile JWT seeing the token again. */
    static final Duration HOLD = Duration.ofSeconds(60);

    private record Entry(CredentialValidationResult result, Instant until) {
    }

    private final Clock clock;
    private final Optional<Duration> maxAge;
    private final Map<String, Entry> entries;

    /**
     * @param maxAge  the accepted age of a token after its issue time, when one is configured
     * @param clock   the real time MicroProfile JWT checks expiry against (never the demo clock)
     */
    public VerifiedTokens(int maxTokens, Optional<Duration> maxAge, Clock clock) {
        if (maxTokens < 1) {
            throw new IllegalArgumentException("At least one verified token must fit: " + maxTokens);
        }
        this.clock = clock;
        this.maxAge = maxAge;
        this.entries = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > maxTokens;
            }
        };
    }

    /** What verifying exactly this token found, while it still holds. */
    public synchronized Optional<CredentialValidationResult> find(String token) {
        Entry entry = entries.get(token);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.until())) {
            entries.remove(token);
            return Optional.empty();
        }
        return Optional.of(entry.result());
    }

    /**
     * Keeps a successful verification of {@code token}, issued at {@code issuedAt} (epoch seconds,
     * 0 when absent) and expiring at {@code expiresAt} (epoch seconds). A token already kept keeps
     * its first entry, so using it does not extend its hold.
     */
    public synchronized void remember(String token, CredentialValidationResult result, long issuedAt, long expiresAt) {
        if (token == null || token.isEmpty() || result.getStatus() != CredentialValidationResult.Status.VALID
                || entries.containsKey(token)) {
            return;
        }
        Instant now = clock.instant();
        Instant until = now.plus(HOLD);
        until = earlier(until, Instant.ofEpochSecond(expiresAt));
        if (maxAge.isPresent()) {
            until = earlier(until, Instant.ofEpochSecond(issuedAt).plus(maxAge.get()));
        }
        if (until.isAfter(now)) {
            entries.put(token, new Entry(result, until));
        }
    }

    synchronized int size() {
        return entries.size();
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
