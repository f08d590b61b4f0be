package vn.lienthong.signing.ltv;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The revocation status of one certificate, decided offline from OCSP responses and CRLs:
 * REVOKED when any trusted source lists it (with the time), GOOD when a source issued after
 * {@code at} (or valid at it) does not, UNKNOWN otherwise. Before signing, the gateway asks
 * {@link #fetch} whether a certificate is revoked now; verifiers use {@link #of} with the data
 * embedded in a document.
 *
 * @param state GOOD, REVOKED or UNKNOWN
 * @param revokedAt the revocation time when REVOKED
 * @param source "OCSP", "CRL", "ocsp-nocheck" or empty
 */
public record RevocationStatus(State state, Optional<Instant> revokedAt, String source) {
    private static final Duration SKEW = Duration.ofMinutes(5);
    private static final String OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";

    /** What is known about a certificate's revocation. */
    public enum State { GOOD, REVOKED, UNKNOWN }

    public static final RevocationStatus UNKNOWN = new RevocationStatus(State.UNKNOWN, Optional.empty(), "");

    /** Whether the certificate was revoked at or before {@code time}. */
    public boolean revokedBy(Instant time) {
        return state == State.REVOKED && revokedAt.map(r -> !r.isAfter(time)).orElse(true);
    }

    /** Decides from the given responses and CRLs, checking each one's signature. */
    public static RevocationStatus of(X509Certificate cert, X509Certificate issuer, Instant at,
            List<BasicOCSPResp> ocsps, List<X509CRL> crls) {
        if (cert.getExtensionValue(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck.getId()) != null) {
            return new RevocationStatus(State.GOOD, Optional.empty(), "ocsp-nocheck");
        }
        boolean good = false;
        String goodSource = "";
        for (BasicOCSPResp response : ocsps) {
            for (SingleResp single : response.getResponses()) {
                if (!about(single, cert, issuer) || !signedFor(response, issuer)) {
                    continue;
                }
                CertificateStatus s = single.getCertStatus();
                if (s instanceof RevokedStatus revoked) {
                    return new RevocationStatus(State.REVOKED, Optional.of(revoked.getRevocationTime().toInstant()),
                            "OCSP");
                }
                if (s == CertificateStatus.GOOD && fresh(single.getThisUpdate(), single.getNextUpdate(), at)) {
                    good = true;
                    goodSource = "OCSP";
                }
            }
        }
        for (X509CRL crl : crls) {
            if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal()) || !verifies(crl, issuer)) {
                continue;
            }
            X509CRLEntry entry = crl.getRevokedCertificate(cert.getSerialNumber());
            if (entry != null) {
                return new RevocationStatus(State.REVOKED, Optional.of(entry.getRevocationDate().toInstant()), "CRL");
            }
            if (fresh(crl.getThisUpdate(), crl.getNextUpdate(), at)) {
                good = true;
                goodSource = goodSource.isEmpty() ? "CRL" : goodSource;
            }
        }
        return good ? new RevocationStatus(State.GOOD, Optional.empty(), goodSource) : UNKNOWN;
    }

    /** Asks {@code source}: OCSP first, the CRL when OCSP gives no answer either way. */
    public static RevocationStatus fetch(X509Certificate cert, X509Certificate issuer, Instant at,
            RevocationSource source) {
        List<BasicOCSPResp> ocsps = new ArrayList<>();
        source.ocsp(cert, issuer).flatMap(RevocationStatus::basic).ifPresent(ocsps::add);
        RevocationStatus byOcsp = of(cert, issuer, at, ocsps, List.of());
        if (byOcsp.state() != State.UNKNOWN) {
            return byOcsp;
        }
        return of(cert, issuer, at, List.of(), source.crl(cert, issuer).map(List::of).orElse(List.of()));
    }

    /** The BasicOCSPResp of a successful OCSPResponse, or empty. */
    public static Optional<BasicOCSPResp> basic(byte[] ocspResponseDer) {
        try {
            OCSPResp response = new OCSPResp(ocspResponseDer);
            if (response.getStatus() == OCSPResp.SUCCESSFUL
                    && response.getResponseObject() instanceof BasicOCSPResp basic) {
                return Optional.of(basic);
            }
        } catch (IOException | OCSPException | RuntimeException e) {
            // unusable: no answer
        }
        return Optional.empty();
    }

    /** Whether a single response is about {@code cert} as issued by {@code issuer}. */
    static boolean about(SingleResp single, X509Certificate cert, X509Certificate issuer) {
        try {
            CertificateID id = single.getCertID();
            return id.getSerialNumber().equals(cert.getSerialNumber()) && id.matchesIssuer(
                    new JcaX509CertificateHolder(issuer), new JcaDigestCalculatorProviderBuilder().build());
        } catch (GeneralSecurityException | OperatorCreationException | OCSPException e) {
            return false;
        }
    }

    /** Signed by the issuer itself or by a responder the issuer certified for OCSP signing. */
    static boolean signedFor(BasicOCSPResp response, X509Certificate issuer) {
        try {
            X509Certificate signer = issuer;
            X509CertificateHolder[] certs = response.getCerts();
            if (certs.length > 0) {
                X509Certificate responder = new JcaX509CertificateConverter().getCertificate(certs[0]);
                if (!responder.equals(issuer)) {
                    responder.verify(issuer.getPublicKey());
                    responder.checkValidity(response.getProducedAt());
                    List<String> eku = responder.getExtendedKeyUsage();
                    if (eku == null || !eku.contains(OCSP_SIGNING)) {
                        return false;
                    }
                }
                signer = responder;
            }
            return response.isSignatureValid(new JcaContentVerifierProviderBuilder().build(signer.getPublicKey()));
        } catch (GeneralSecurityException | OperatorCreationException | OCSPException e) {
            return false;
        }
    }

    /** Issued after the time in question, or valid at it. */
    private static boolean fresh(Date thisUpdate, Date nextUpdate, Instant at) {
        if (!thisUpdate.toInstant().isBefore(at.minus(SKEW))) {
            return true;
        }
        return nextUpdate == null || !at.isAfter(nextUpdate.toInstant());
    }

    private static boolean verifies(X509CRL crl, X509Certificate issuer) {
        try {
            crl.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
