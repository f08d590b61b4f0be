package vn.lienthong.signing.verify;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** PKIX path building to the trust anchors, validity at a time, revocation, key usage and key size. */
final class CertificateCheck {
    private final VerificationPolicy policy;
    private final Set<TrustAnchor> anchors = new HashSet<>();

    CertificateCheck(VerificationPolicy policy) {
        this.policy = policy;
        for (X509Certificate c : policy.trustAnchors()) {
            anchors.add(new TrustAnchor(c, null));
        }
    }

    /** Findings for the signer certificate at {@code at}; empty when all is well. */
    List<Finding> signer(X509Certificate cert, Collection<X509Certificate> pool, Instant at) {
        return signer(cert, pool, at, DocumentRevocationData.NONE);
    }

    /** As {@link #signer(X509Certificate, Collection, Instant)}, deciding revocation from the document's own data when it covers the chain. */
    List<Finding> signer(X509Certificate cert, Collection<X509Certificate> pool, Instant at,
            DocumentRevocationData embedded) {
        List<Finding> findings = new ArrayList<>(keyChecks(cert));
        boolean[] usage = cert.getKeyUsage();
        if (usage != null && !usage[0] && !usage[1]) {
            findings.add(Finding.of(Reason.SIG_CONSTRAINTS_FAILURE, "KeyUsage lacks digitalSignature/nonRepudiation"));
        }
        findings.addAll(path(cert, pool, at, true, embedded));
        return findings;
    }

    /** Findings for a TSA certificate at the token's genTime (revocation of TSA certificates is not checked). */
    List<Finding> timestampAuthority(X509Certificate cert, Collection<X509Certificate> pool, Instant at) {
        return path(cert, pool, at, false, DocumentRevocationData.NONE);
    }

    static List<Finding> keyChecks(X509Certificate cert) {
        List<Finding> findings = new ArrayList<>();
        if (cert.getPublicKey() instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < 2048) {
            findings.add(Finding.of(Reason.CRYPTO_CONSTRAINTS_FAILURE,
                    "RSA-" + rsa.getModulus().bitLength() + " < 2048"));
        }
        if (cert.getPublicKey() instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() < 256) {
            findings.add(Finding.of(Reason.CRYPTO_CONSTRAINTS_FAILURE,
                    "EC-" + ec.getParams().getCurve().getField().getFieldSize() + " < 256"));
        }
        return findings;
    }

    private List<Finding> path(X509Certificate cert, Collection<X509Certificate> pool, Instant at,
            boolean checkRevocation, DocumentRevocationData embedded) {
        if (anchors.isEmpty()) {
            return List.of(Finding.of(Reason.NO_CERTIFICATE_CHAIN_FOUND, "no trust anchor configured (--trust)"));
        }
        CertPath path;
        X509Certificate anchor;
        try {
            PKIXCertPathBuilderResult built = build(cert, pool, at);
            path = built.getCertPath();
            anchor = built.getTrustAnchor().getTrustedCert();
        } catch (GeneralSecurityException e) {
            return List.of(whyNoPath(cert, pool, at, e));
        }
        if (!checkRevocation) {
            return List.of();
        }
        if (embedded.hasRevocationData() && anchor != null) {
            @SuppressWarnings("unchecked")
            List<X509Certificate> certs = (List<X509Certificate>) path.getCertificates();
            java.util.Optional<List<Finding>> fromDocument = embedded.evaluate(certs, anchor, at);
            if (fromDocument.isPresent()) {
                return fromDocument.get();
            }
        }
        if (!policy.revocationConfigured()) {
            return List.of(policy.revocation() == RevocationMode.REQUIRE
                    ? Finding.of(Reason.TRY_LATER, "no CRL or OCSP responder configured")
                    : Finding.of(Reason.REVOCATION_NOT_CHECKED));
        }
        try {
            CertPathValidator validator = CertPathValidator.getInstance("PKIX");
            PKIXRevocationChecker checker = (PKIXRevocationChecker) validator.getRevocationChecker();
            if (policy.ocspResponder().isPresent()) {
                checker.setOcspResponder(policy.ocspResponder().get());
                checker.setOptions(policy.crls().isEmpty() ? EnumSet.of(PKIXRevocationChecker.Option.NO_FALLBACK)
                        : EnumSet.noneOf(PKIXRevocationChecker.Option.class));
            } else {
                checker.setOptions(EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS,
                        PKIXRevocationChecker.Option.NO_FALLBACK));
            }
            PKIXParameters params = new PKIXParameters(anchors);
            params.setDate(Date.from(at));
            params.addCertStore(store(pool));
            params.setRevocationEnabled(true);
            params.addCertPathChecker(checker);
            validator.validate(path, params);
            return List.of();
        } catch (CertPathValidatorException e) {
            if (e.getReason() == CertPathValidatorException.BasicReason.REVOKED) {
                // The index is the revoked certificate's place in the path: 0 is the signer's.
                return List.of(Finding.of(e.getIndex() > 0 ? Reason.REVOKED_CA_NO_POE : Reason.REVOKED_NO_POE,
                        e.getMessage()));
            }
            if (e.getReason() == CertPathValidatorException.BasicReason.UNDETERMINED_REVOCATION_STATUS) {
                return List.of(Finding.of(Reason.TRY_LATER, e.getMessage()));
            }
            return List.of(Finding.of(Reason.TRY_LATER, e.getReason() + ": " + e.getMessage()));
        } catch (GeneralSecurityException e) {
            return List.of(Finding.of(Reason.TRY_LATER, e.getMessage()));
        }
    }

    private PKIXCertPathBuilderResult build(X509Certificate cert, Collection<X509Certificate> pool, Instant at)
            throws GeneralSecurityException {
        X509CertSelector target = new X509CertSelector();
        target.setCertificate(cert);
        PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, target);
        params.addCertStore(store(pool));
        params.setDate(Date.from(at));
        params.setRevocationEnabled(false);
        return (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(params);
    }

    /** Tells "expired/not yet valid" apart from "no trusted chain" by retrying inside the validity window. */
    private Finding whyNoPath(X509Certificate cert, Collection<X509Certificate> pool, Instant at,
            GeneralSecurityException first) {
        Instant inside = cert.getNotBefore().toInstant().plusSeconds(1);
        if (at.isAfter(cert.getNotAfter().toInstant()) || at.isBefore(cert.getNotBefore().toInstant())) {
            try {
                build(cert, pool, inside);
                return Finding.of(Reason.OUT_OF_BOUNDS_NO_POE, "valid " + cert.getNotBefore().toInstant() + " .. "
                        + cert.getNotAfter().toInstant() + ", checked at " + at);
            } catch (GeneralSecurityException e) {
                return Finding.of(Reason.NO_CERTIFICATE_CHAIN_FOUND, first.getMessage());
            }
        }
        if (first instanceof CertPathValidatorException v && v.getReason() == PKIXReason.INVALID_KEY_USAGE) {
            return Finding.of(Reason.SIG_CONSTRAINTS_FAILURE, first.getMessage());
        }
        return Finding.of(Reason.NO_CERTIFICATE_CHAIN_FOUND, String.valueOf(first.getMessage()));
    }

    private CertStore store(Collection<X509Certificate> pool) throws GeneralSecurityException {
        List<Object> items = new ArrayList<>(pool);
        items.addAll(policy.crls());
        return CertStore.getInstance("Collection", new CollectionCertStoreParameters(items));
    }
}
