package vn.lienthong.signing.verify;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The validation data a PDF carries in its DSS dictionary (certificates, OCSP responses, CRLs),
 * and the offline revocation decision made from it: a certificate revoked at or before the
 * signature's time is revoked; one revoked later, or shown good by data valid at or issued
 * after that time, is not.
 */
final class DocumentRevocationData {
    static final DocumentRevocationData NONE = new DocumentRevocationData(List.of(), List.of(), List.of());
    private static final Duration SKEW = Duration.ofMinutes(5);
    private static final String OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";

    private final List<X509Certificate> certificates;
    private final List<X509CRL> crls;
    private final List<BasicOCSPResp> ocsps;

    private DocumentRevocationData(List<X509Certificate> certificates, List<X509CRL> crls, List<BasicOCSPResp> ocsps) {
        this.certificates = certificates;
        this.crls = crls;
        this.ocsps = ocsps;
    }

    /** Reads the DSS dictionary of the latest revision; unreadable entries are skipped. */
    static DocumentRevocationData read(PDDocument doc) {
        COSDictionary dss = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.getPDFName("DSS"));
        if (dss == null) {
            return NONE;
        }
        List<X509Certificate> certs = new ArrayList<>();
        List<X509CRL> crls = new ArrayList<>();
        List<BasicOCSPResp> ocsps = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (byte[] der : streams(dss, "Certs")) {
                parse(() -> certs.add((X509Certificate) factory.generateCertificate(new java.io.ByteArrayInputStream(der))));
            }
            for (byte[] der : streams(dss, "CRLs")) {
                parse(() -> crls.add((X509CRL) factory.generateCRL(new java.io.ByteArrayInputStream(der))));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK has no X.509 certificate factory", e);
        }
        for (byte[] der : streams(dss, "OCSPs")) {
            parse(() -> {
                OCSPResp response = new OCSPResp(der);
                if (response.getStatus() == OCSPResp.SUCCESSFUL
                        && response.getResponseObject() instanceof BasicOCSPResp basic) {
                    ocsps.add(basic);
                }
            });
        }
        return new DocumentRevocationData(List.copyOf(certs), List.copyOf(crls), List.copyOf(ocsps));
    }

    List<X509Certificate> certificates() {
        return certificates;
    }

    boolean hasRevocationData() {
        return !crls.isEmpty() || !ocsps.isEmpty();
    }

    /**
     * Findings from the embedded data for every certificate of {@code path} (signer first; its
     * last certificate's issuer is {@code anchor}) at {@code at}, or empty when some certificate
     * has no usable status here (the caller then falls back to its configured sources).
     */
    Optional<List<Finding>> evaluate(List<X509Certificate> path, X509Certificate anchor, Instant at) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            X509Certificate cert = path.get(i);
            X509Certificate issuer = i + 1 < path.size() ? path.get(i + 1) : anchor;
            Status status = statusOf(cert, issuer, at);
            switch (status.kind()) {
                case UNKNOWN -> {
                    return Optional.empty();
                }
                case REVOKED -> {
                    if (!status.revokedAt().isAfter(at)) {
                        findings.add(Finding.of(Reason.REVOKED, cert.getSubjectX500Principal().getName()
                                + " revoked at " + status.revokedAt() + " (" + status.source() + "), not after " + at));
                        return Optional.of(findings);
                    }
                    findings.add(Finding.of(Reason.REVOKED_AFTER_SIGNING, cert.getSubjectX500Principal().getName()
                            + " revoked at " + status.revokedAt() + ", after " + at));
                }
                case GOOD -> {
                    // nothing to say about this certificate
                }
                default -> throw new IllegalStateException(status.kind().name());
            }
        }
        findings.add(Finding.of(Reason.REVOCATION_FROM_DOCUMENT));
        return Optional.of(findings);
    }

    private enum Kind { GOOD, REVOKED, UNKNOWN }

    private record Status(Kind kind, Instant revokedAt, String source) {
    }

    private Status statusOf(X509Certificate cert, X509Certificate issuer, Instant at) {
        if (cert.getExtensionValue(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck.getId()) != null) {
            return new Status(Kind.GOOD, null, "ocsp-nocheck");
        }
        boolean good = false;
        for (BasicOCSPResp response : ocsps) {
            for (SingleResp single : response.getResponses()) {
                if (!about(single, cert, issuer) || !signedFor(response, issuer)) {
                    continue;
                }
                CertificateStatus s = single.getCertStatus();
                if (s instanceof RevokedStatus revoked) {
                    return new Status(Kind.REVOKED, revoked.getRevocationTime().toInstant(), "OCSP");
                }
                good |= s == CertificateStatus.GOOD && fresh(single.getThisUpdate(), single.getNextUpdate(), at);
            }
        }
        for (X509CRL crl : crls) {
            if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal()) || !verifies(crl, issuer)) {
                continue;
            }
            X509CRLEntry entry = crl.getRevokedCertificate(cert.getSerialNumber());
            if (entry != null) {
                return new Status(Kind.REVOKED, entry.getRevocationDate().toInstant(), "CRL");
            }
            good |= fresh(crl.getThisUpdate(), crl.getNextUpdate(), at);
        }
        return new Status(good ? Kind.GOOD : Kind.UNKNOWN, null, "");
    }

    /** Issued after the time in question, or valid at it. */
    private static boolean fresh(Date thisUpdate, Date nextUpdate, Instant at) {
        Instant issued = thisUpdate.toInstant();
        if (!issued.isBefore(at.minus(SKEW))) {
            return true;
        }
        return nextUpdate == null || !at.isAfter(nextUpdate.toInstant());
    }

    private static boolean about(SingleResp single, X509Certificate cert, X509Certificate issuer) {
        try {
            CertificateID id = single.getCertID();
            return id.getSerialNumber().equals(cert.getSerialNumber()) && id.matchesIssuer(
                    new JcaX509CertificateHolder(issuer), new JcaDigestCalculatorProviderBuilder().build());
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException
                | org.bouncycastle.cert.ocsp.OCSPException e) {
            return false;
        }
    }

    /** Signed by the issuer itself or by a responder the issuer certified for OCSP signing. */
    private static boolean signedFor(BasicOCSPResp response, X509Certificate issuer) {
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
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException
                | org.bouncycastle.cert.ocsp.OCSPException e) {
            return false;
        }
    }

    private static boolean verifies(X509CRL crl, X509Certificate issuer) {
        try {
            crl.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private interface Parse {
        void run() throws IOException, GeneralSecurityException, org.bouncycastle.cert.ocsp.OCSPException;
    }

    private static void parse(Parse parse) {
        try {
            parse.run();
        } catch (IOException | GeneralSecurityException | org.bouncycastle.cert.ocsp.OCSPException
                | RuntimeException e) {
            // An unreadable entry is no evidence; the check then finds no status and says so.
        }
    }

    private static List<byte[]> streams(COSDictionary dss, String key) {
        COSArray array = dss.getCOSArray(COSName.getPDFName(key));
        List<byte[]> out = new ArrayList<>();
        if (array == null) {
            return out;
        }
        for (COSBase item : array) {
            COSBase value = item instanceof org.apache.pdfbox.cos.COSObject o ? o.getObject() : item;
            if (value instanceof COSStream stream) {
                try (InputStream in = stream.createInputStream()) {
                    out.add(in.readAllBytes());
                } catch (IOException e) {
                    // skipped, as an unreadable entry
                }
            }
        }
        return out;
    }
}
