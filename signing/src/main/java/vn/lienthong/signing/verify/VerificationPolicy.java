package vn.lienthong.signing.verify;

import java.net.URI;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a verifier trusts and how it checks revocation.
 *
 * @param trustAnchors root certificates to chain to (the national root CA in production)
 * @param crls CRLs to use for revocation
 * @param ocspResponder OCSP responder to ask, overriding the certificates' AIA
 * @param revocation whether unknown revocation status makes signatures INDETERMINATE
 */
public record VerificationPolicy(List<X509Certificate> trustAnchors, List<X509CRL> crls,
        Optional<URI> ocspResponder, RevocationMode revocation) {

    public VerificationPolicy {
        trustAnchors = List.copyOf(trustAnchors);
        crls = List.copyOf(crls);
        ocspResponder = Objects.requireNonNullElse(ocspResponder, Optional.empty());
        Objects.requireNonNull(revocation, "revocation");
    }

    /** Trust these anchors and require revocation status from these CRLs. */
    public static VerificationPolicy of(List<X509Certificate> anchors, List<X509CRL> crls) {
        return new VerificationPolicy(anchors, crls, Optional.empty(), RevocationMode.REQUIRE);
    }

    public VerificationPolicy withRevocation(RevocationMode mode) {
        return new VerificationPolicy(trustAnchors, crls, ocspResponder, mode);
    }

    public VerificationPolicy withOcsp(URI responder) {
        return new VerificationPolicy(trustAnchors, crls, Optional.of(responder), revocation);
    }

    public boolean revocationConfigured() {
        return !crls.isEmpty() || ocspResponder.isPresent();
    }
}
