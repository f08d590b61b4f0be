package vn.lienthong.signing.support;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.ExternalResourcesCRLSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * EU DSS 6.4 as an outside verifier that knows nothing of us: only the given trust anchors, no
 * OCSP, CRL or AIA fetching; what it may use besides the document is the given CRLs, in memory.
 * Test scope only (the signing test-jar brings it to the integration tests).
 */
public final class DssOffline {

    /** DSS's verdict per signature, in DSS's order, with the signers' names and a printable detail. */
    public record Verdict(List<Indication> indications, List<SignatureLevel> levels, List<String> signers,
            String detail) {

        public boolean allPassed() {
            return !indications.isEmpty() && indications.stream().allMatch(i -> i == Indication.TOTAL_PASSED);
        }

        public boolean allAt(SignatureLevel level) {
            return !levels.isEmpty() && levels.stream().allMatch(l -> l == level);
        }
    }

    private DssOffline() {
    }

    /** Validates {@code file} (PDF, or a detached CMS with {@code detachedContent}; null otherwise). */
    public static Verdict validate(Path file, Path detachedContent, List<X509Certificate> anchors, List<X509CRL> crls) {
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new FileDocument(file.toFile()));
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        anchors.forEach(a -> trusted.addCertificate(new CertificateToken(a)));
        verifier.setTrustedCertSources(trusted);
        verifier.setOcspSource(null);
        verifier.setAIASource(null);
        verifier.setCrlSource(null);
        if (!crls.isEmpty()) {
            List<DSSDocument> docs = new ArrayList<>();
            for (X509CRL crl : crls) {
                try {
                    docs.add(new InMemoryDocument(crl.getEncoded()));
                } catch (CRLException e) {
                    throw new IllegalStateException(e);
                }
            }
            verifier.setCrlSource(new ExternalResourcesCRLSource(docs.toArray(new DSSDocument[0])));
        }
        validator.setCertificateVerifier(verifier);
        if (detachedContent != null) {
            validator.setDetachedContents(List.<DSSDocument>of(new FileDocument(detachedContent.toFile())));
        }
        SimpleReport report = validator.validateDocument().getSimpleReport();
        List<Indication> indications = new ArrayList<>();
        List<SignatureLevel> levels = new ArrayList<>();
        List<String> signers = new ArrayList<>();
        StringBuilder detail = new StringBuilder();
        for (String id : report.getSignatureIdList()) {
            indications.add(report.getIndication(id));
            levels.add(report.getSignatureFormat(id));
            signers.add(report.getSignedBy(id));
            detail.append(id).append(' ').append(report.getSignedBy(id)).append(' ').append(report.getIndication(id))
                    .append('/').append(report.getSubIndication(id)).append(' ').append(report.getSignatureFormat(id))
                    .append(' ').append(report.getAdESValidationErrors(id)).append('\n');
        }
        return new Verdict(indications, levels, signers, detail.toString());
    }
}
