package vn.lienthong.archive.renewal;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import vn.lienthong.signing.DigestAlgorithm;

/**
 * When the renewal job acts on a record, and with what.
 *
 * @param margin           renew when the newest document time-stamp's TSA certificate ends within this
 * @param weakDigests      renew when the newest time-stamp's imprint uses one of these (nearing end of life)
 * @param digest           the imprint digest of the new time-stamp (must not be in {@code weakDigests})
 * @param extendUnarchived also bring records not yet at PAdES-BASELINE-LTA to it (once their validation data is in)
 */
public record RenewalPolicy(Duration margin, Set<DigestAlgorithm> weakDigests, DigestAlgorithm digest,
                            boolean extendUnarchived) {
    public RenewalPolicy {
        Objects.requireNonNull(margin, "margin");
        Objects.requireNonNull(digest, "digest");
        weakDigests = Set.copyOf(weakDigests);
        if (margin.isNegative()) {
            throw new IllegalArgumentException("The renewal margin cannot be negative: " + margin);
        }
        if (weakDigests.contains(digest)) {
            throw new IllegalArgumentException("The renewal digest " + digest.jcaName()
                    + " is itself on the list of digests to retire");
        }
    }

    /** 180 days before the TSA certificate ends, no digest retired yet, new time-stamps with SHA-256. */
    public static RenewalPolicy defaults() {
        return new RenewalPolicy(Duration.ofDays(180), Set.of(), DigestAlgorithm.SHA256, true);
    }

    public RenewalPolicy withMargin(Duration newMargin) {
        return new RenewalPolicy(newMargin, weakDigests, digest, extendUnarchived);
    }

    /** Retires {@code weak} and time-stamps anew with {@code replacement}. */
    public RenewalPolicy retiring(Set<DigestAlgorithm> weak, DigestAlgorithm replacement) {
        return new RenewalPolicy(margin, weak, replacement, extendUnarchived);
    }
}
