package vn.lienthong.signing.verify;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import vn.lienthong.signing.ltv.RevocationStatus;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;

/**
 * The validation data a PDF carries in its DSS dictionary (certificates, OCSP responses, CRLs),
 * and the offline revocation decision made from it: a certificate revoked at or before the
 * signature's time is revoked; one revoked later, or shown good by data valid at or issued
 * after that time, is not.
 */
final class DocumentRevocationData {
    static final DocumentRevocationData NONE = new DocumentRevocationData(List.of(), List.of(), List.of());

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
            RevocationStatus.basic(der).ifPresent(ocsps::add);
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
            RevocationStatus status = RevocationStatus.of(cert, issuer, at, ocsps, crls);
            switch (status.state()) {
                case UNKNOWN -> {
                    return Optional.empty();
                }
                case REVOKED -> {
                    String when = status.revokedAt().map(Instant::toString).orElse("?");
                    if (status.revokedBy(at)) {
                        findings.add(Finding.of(i == 0 ? Reason.REVOKED_NO_POE : Reason.REVOKED_CA_NO_POE,
                                cert.getSubjectX500Principal().getName()
                                + " revoked at " + when + " (" + status.source() + "), not after " + at));
                        return Optional.of(findings);
                    }
                    findings.add(Finding.of(Reason.REVOKED_AFTER_SIGNING, cert.getSubjectX500Principal().getName()
                            + " revoked at " + when + ", after " + at));
                }
                case GOOD -> {
                    // nothing to say about this certificate
                }
                default -> throw new IllegalStateException(status.state().name());
            }
        }
        findings.add(Finding.of(Reason.REVOCATION_FROM_DOCUMENT));
        return Optional.of(findings);
    }

    private interface Parse {
        void run() throws IOException, GeneralSecurityException;
    }

    private static void parse(Parse parse) {
        try {
            parse.run();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
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
