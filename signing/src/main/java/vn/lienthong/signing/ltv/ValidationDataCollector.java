package vn.lienthong.signing.ltv;

import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.SingleResp;

/**
 * Gathers what long-term validation needs for a set of certificates (signers, their CAs, TSAs):
 * every chain up to a self-signed root, and for each non-root certificate an OCSP response,
 * or a CRL when OCSP gives nothing usable. Responses are checked (signature, certificate match)
 * before they are kept, so a broken responder counts as "down".
 */
public final class ValidationDataCollector {
    private final RevocationSource source;

    public ValidationDataCollector(RevocationSource source) {
        this.source = source;
    }

    /** Collects for {@code certificates}; {@code pool} offers the issuers (e.g. every certificate in the CMS). */
    public ValidationData collect(Collection<X509Certificate> certificates, Collection<X509Certificate> pool) {
        Set<X509Certificate> known = new LinkedHashSet<>(pool);
        known.addAll(certificates);
        Set<X509Certificate> done = new LinkedHashSet<>();
        Deque<X509Certificate> todo = new ArrayDeque<>(certificates);
        List<byte[]> ocsps = new ArrayList<>();
        List<X509CRL> crls = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        while (!todo.isEmpty()) {
            X509Certificate cert = todo.pop();
            if (!done.add(cert)) {
                continue;
            }
            if (selfSigned(cert)) {
                continue;
            }
            Optional<X509Certificate> issuer = issuerOf(cert, known);
            if (issuer.isEmpty()) {
                missing.add(name(cert) + ": issuer certificate not found");
                continue;
            }
            todo.push(issuer.get());
            if (cert.getExtensionValue(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck.getId()) != null) {
                continue;
            }
            Optional<OcspChecked> ocsp = source.ocsp(cert, issuer.get()).flatMap(der -> check(der, cert, issuer.get()));
            if (ocsp.isPresent()) {
                ocsps.add(ocsp.get().der());
                for (X509Certificate responder : ocsp.get().responderCertificates()) {
                    known.add(responder);
                    todo.push(responder);
                }
                continue;
            }
            Optional<X509CRL> crl = source.crl(cert, issuer.get()).filter(c -> signedBy(c, issuer.get()));
            if (crl.isPresent()) {
                if (crls.stream().noneMatch(c -> c.equals(crl.get()))) {
                    crls.add(crl.get());
                }
                continue;
            }
            missing.add(name(cert) + ": no OCSP response and no CRL available");
        }
        return new ValidationData(new ArrayList<>(done), ocsps, crls, missing);
    }

    private record OcspChecked(byte[] der, List<X509Certificate> responderCertificates) {
    }

    /** A successful response, signed by the issuer or a responder it certified, about this certificate. */
    private static Optional<OcspChecked> check(byte[] der, X509Certificate cert, X509Certificate issuer) {
        try {
            Optional<BasicOCSPResp> parsed = RevocationStatus.basic(der);
            if (parsed.isEmpty()) {
                return Optional.empty();
            }
            BasicOCSPResp basic = parsed.get();
            boolean about = false;
            for (SingleResp single : basic.getResponses()) {
                about |= RevocationStatus.about(single, cert, issuer);
            }
            if (!about || !RevocationStatus.signedFor(basic, issuer)) {
                return Optional.empty();
            }
            List<X509Certificate> responders = new ArrayList<>();
            for (X509CertificateHolder h : basic.getCerts()) {
                responders.add(new JcaX509CertificateConverter().getCertificate(h));
            }
            return Optional.of(new OcspChecked(der, responders));
        } catch (GeneralSecurityException | RuntimeException e) {
            // A response we cannot use is as good as none: the caller falls back to the CRL.
            return Optional.empty();
        }
    }

    static boolean selfSigned(X509Certificate cert) {
        return cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal()) && signedBy(cert, cert);
    }

    static Optional<X509Certificate> issuerOf(X509Certificate cert, Collection<X509Certificate> pool) {
        return pool.stream().filter(c -> c.getSubjectX500Principal().equals(cert.getIssuerX500Principal()))
                .filter(c -> signedBy(cert, c)).findFirst();
    }

    private static boolean signedBy(X509Certificate cert, X509Certificate issuer) {
        try {
            cert.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean signedBy(X509CRL crl, X509Certificate issuer) {
        try {
            crl.verify(issuer.getPublicKey());
            return crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String name(X509Certificate cert) {
        return cert.getSubjectX500Principal().getName();
    }
}
