package vn.lienthong.signing;

import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Objects;

/** A signature scheme with its digest, e.g. RSASSA-PSS with SHA-256; knows its JCA name and parameters. */
public record SignatureSpec(SignatureAlgorithm algorithm, DigestAlgorithm digest) {

    public SignatureSpec {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(digest, "digest");
    }

    public static SignatureSpec of(SignatureAlgorithm algorithm, DigestAlgorithm digest) {
        return new SignatureSpec(algorithm, digest);
    }

    /** The JCA Signature name; PSS uses the generic "RSASSA-PSS" plus {@link #parameters()}. */
    public String jcaName() {
        return switch (algorithm) {
            case RSA_PSS -> "RSASSA-PSS";
            case RSA_PKCS1 -> digest.shortName() + "withRSA";
            case ECDSA -> digest.shortName() + "withECDSA";
        };
    }

    /** PSS parameters (MGF1 with the same digest, salt = digest length, trailer 1), else null. */
    public AlgorithmParameterSpec parameters() {
        if (algorithm != SignatureAlgorithm.RSA_PSS) {
            return null;
        }
        return new PSSParameterSpec(digest.jcaName(), "MGF1", new MGF1ParameterSpec(digest.jcaName()),
                digest.length(), 1);
    }

    /** The name BouncyCastle's algorithm finder understands. */
    public String bcName() {
        return switch (algorithm) {
            case RSA_PSS -> digest.shortName() + "WITHRSAANDMGF1";
            case RSA_PKCS1 -> digest.shortName() + "WITHRSA";
            case ECDSA -> digest.shortName() + "WITHECDSA";
        };
    }

    @Override
    public String toString() {
        return algorithm.cliName() + "/" + digest.jcaName();
    }
}
