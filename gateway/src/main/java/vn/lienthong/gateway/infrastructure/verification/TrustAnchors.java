package vn.lienthong.gateway.infrastructure.verification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.lienthong.gateway.infrastructure.paper.PaperConfiguration;

/**
 * The certificates every signature must chain to, one list for {@code /api/v1/verify} and the
 * archive's audit alike: the files of {@code lienthong.verify.trust-anchors}, plus the DEMO root
 * while the gateway signs with its DEMO PKI.
 */
@ApplicationScoped
public class TrustAnchors {

    private static final Logger LOG = Logger.getLogger(TrustAnchors.class.getName());

    /** Comma-separated files (a String: Payara's MicroProfile Config cannot inject Optional of a List). */
    @Inject
    @ConfigProperty(name = "lienthong.verify.trust-anchors")
    Optional<String> trustAnchorFiles;

    @Inject
    PaperConfiguration papers;

    private List<X509Certificate> anchors;

    /** Read once; an unreadable file stops whoever asks first (the start) with its name. */
    public synchronized List<X509Certificate> certificates() {
        if (anchors == null) {
            List<String> files = new ArrayList<>(trustAnchorFiles.map(v -> List.of(v.split(","))).orElse(List.of()));
            papers.demoCertificateAuthority().ifPresent(ca -> {
                LOG.info(() -> "/api/v1/verify and the archive's audit also trust the DEMO CA of this gateway's papers, "
                        + ca + " (embedded default only; real keys turn this off)");
                files.add(ca.toString());
            });
            anchors = List.copyOf(read(files));
        }
        return anchors;
    }

    /** Certificates from PEM or DER files; a file may hold several PEM certificates. */
    static List<X509Certificate> read(List<String> files) {
        List<X509Certificate> anchors = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (String file : files) {
                if (file.isBlank()) {
                    continue;
                }
                try (InputStream in = Files.newInputStream(Path.of(file.trim()))) {
                    factory.generateCertificates(in).forEach(c -> anchors.add((X509Certificate) c));
                } catch (IOException | CertificateException e) {
                    throw new IllegalStateException("Cannot read the trust anchor " + file
                            + " (lienthong.verify.trust-anchors): " + e.getMessage(), e);
                }
            }
        } catch (CertificateException e) {
            throw new IllegalStateException("No X.509 certificate factory", e);
        }
        return anchors;
    }
}
