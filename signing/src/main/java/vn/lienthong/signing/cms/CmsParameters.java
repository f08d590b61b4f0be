package vn.lienthong.signing.cms;

import java.util.Objects;
import vn.lienthong.signing.DigestAlgorithm;
import vn.lienthong.signing.SignatureAlgorithm;
import vn.lienthong.signing.SignatureSpec;

/**
 * How to build one CMS SignedData: scheme, digest, detached or enveloping, and whether the
 * signing-time attribute is present (CAdES wants it; PAdES forbids it).
 */
public record CmsParameters(SignatureAlgorithm algorithm, DigestAlgorithm digest, boolean enveloping,
        boolean includeSigningTime) {

    public CmsParameters {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(digest, "digest");
    }

    /** Detached CAdES-B-B (a .p7s beside its content). */
    public static CmsParameters detached(SignatureAlgorithm algorithm, DigestAlgorithm digest) {
        return new CmsParameters(algorithm, digest, false, true);
    }

    /** Enveloping CAdES-B-B: the content travels inside the SignedData. */
    public static CmsParameters enveloping(SignatureAlgorithm algorithm, DigestAlgorithm digest) {
        return new CmsParameters(algorithm, digest, true, true);
    }

    /** The CMS inside a PAdES signature: detached, no signing-time (the PDF dictionary carries /M). */
    public static CmsParameters forPades(SignatureAlgorithm algorithm, DigestAlgorithm digest) {
        return new CmsParameters(algorithm, digest, false, false);
    }

    public SignatureSpec spec() {
        return SignatureSpec.of(algorithm, digest);
    }
}
