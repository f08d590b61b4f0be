package vn.lienthong.signing.pdf;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import vn.lienthong.signing.DigestAlgorithm;
import vn.lienthong.signing.SignatureAlgorithm;

/**
 * How to add one PAdES-BASELINE-B signature (B-T when the signer has a time-stamp source).
 *
 * @param algorithm signature scheme
 * @param digest digest for the byte range and the signed attributes
 * @param signingTime the time written to /M (the CMS carries no signing-time in PAdES)
 * @param reason optional /Reason
 * @param location optional /Location
 * @param stamp visible stamp, or empty for an invisible signature
 * @param certification DocMDP certification, only allowed on a document without signatures
 * @param reservedBytes bytes reserved for the CMS; 0 sizes it from the chain and time-stamp
 */
public record PadesParameters(SignatureAlgorithm algorithm, DigestAlgorithm digest, Instant signingTime,
        Optional<String> reason, Optional<String> location, Optional<VisibleStamp> stamp,
        Optional<Certification> certification, int reservedBytes) {

    public PadesParameters {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(digest, "digest");
        signingTime = signingTime == null ? Instant.now() : signingTime;
        reason = Objects.requireNonNullElse(reason, Optional.empty());
        location = Objects.requireNonNullElse(location, Optional.empty());
        stamp = Objects.requireNonNullElse(stamp, Optional.empty());
        certification = Objects.requireNonNullElse(certification, Optional.empty());
        if (reservedBytes < 0) {
            throw new IllegalArgumentException("reservedBytes must be >= 0");
        }
    }

    /** Invisible signature, now, automatic reservation. */
    public static PadesParameters invisible(SignatureAlgorithm algorithm, DigestAlgorithm digest) {
        return new PadesParameters(algorithm, digest, Instant.now(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), 0);
    }

    public PadesParameters withStamp(VisibleStamp newStamp) {
        return new PadesParameters(algorithm, digest, signingTime, reason, location, Optional.of(newStamp),
                certification, reservedBytes);
    }

    public PadesParameters withCertification(Certification newCertification) {
        return new PadesParameters(algorithm, digest, signingTime, reason, location, stamp,
                Optional.of(newCertification), reservedBytes);
    }

    public PadesParameters withReason(String newReason) {
        return new PadesParameters(algorithm, digest, signingTime, Optional.of(newReason), location, stamp,
                certification, reservedBytes);
    }

    public PadesParameters withSigningTime(Instant time) {
        return new PadesParameters(algorithm, digest, time, reason, location, stamp, certification,
                reservedBytes);
    }
}
