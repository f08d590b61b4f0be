package vn.lienthong.archive.sign;

import java.util.Optional;
import vn.lienthong.signing.DigestAlgorithm;
import vn.lienthong.signing.SignatureAlgorithm;
import vn.lienthong.signing.key.KeySource;
import vn.lienthong.signing.ltv.RevocationSource;
import vn.lienthong.signing.tsp.TimestampSource;

/**
 * The archive's key and how to use it: algorithm, digest, an optional TSA (PAdES B-T instead of
 * B-B) and an optional revocation source (B-LT: validation data appended after the signature).
 * The key itself stays inside its {@link KeySource}.
 */
public record SigningKey(KeySource keySource, SignatureAlgorithm algorithm, DigestAlgorithm digest,
                         Optional<TimestampSource> timestamps, Optional<RevocationSource> revocation) {
    public static SigningKey of(KeySource keySource) {
        return new SigningKey(keySource, keySource.defaultAlgorithm(), DigestAlgorithm.SHA256, Optional.empty(),
                Optional.empty());
    }

    public SigningKey withTimestamps(TimestampSource tsa) {
        return new SigningKey(keySource, algorithm, digest, Optional.of(tsa), revocation);
    }

    /** PAdES-BASELINE-LT: after signing, the validation data from {@code source} in a DSS dictionary. */
    public SigningKey withRevocation(RevocationSource source) {
        return new SigningKey(keySource, algorithm, digest, timestamps, Optional.of(source));
    }

    public SigningKey with(SignatureAlgorithm newAlgorithm, DigestAlgorithm newDigest) {
        return new SigningKey(keySource, newAlgorithm, newDigest, timestamps, revocation);
    }

    /** The signer's common name, for records and ledger entries. */
    public String signerName() {
        String dn = keySource.signerCertificate().getSubjectX500Principal().getName();
        for (String part : dn.split(",")) {
            if (part.startsWith("CN=")) {
                return part.substring(3);
            }
        }
        return dn;
    }
}
