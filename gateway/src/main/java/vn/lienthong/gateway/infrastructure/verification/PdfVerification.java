package vn.lienthong.gateway.infrastructure.verification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.lienthong.signing.verify.RevocationMode;
import vn.lienthong.signing.verify.SignatureVerifier;
import vn.lienthong.signing.verify.VerificationPolicy;
import vn.lienthong.signing.verify.VerificationReport;

/**
 * The public verification service: the signing module's verifier with the configured trust
 * anchors, run on the container's managed executor within {@link VerificationLimits}.
 */
@ApplicationScoped
public class PdfVerification {

    private static final Logger LOG = Logger.getLogger(PdfVerification.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "lienthong.verify.revocation", defaultValue = "WARN")
    String revocation;

    @Inject
    @ConfigProperty(name = "lienthong.verify.timeout-ms", defaultValue = "10000")
    long timeoutMs;

    @Inject
    @ConfigProperty(name = "lienthong.verify.concurrency", defaultValue = "2")
    int concurrency;

    @Inject
    @ConfigProperty(name = "lienthong.verify.queue-wait-ms", defaultValue = "2000")
    long queueWaitMs;

    @Inject
    @ConfigProperty(name = "lienthong.verify.max-decoded-stream-bytes", defaultValue = "33554432")
    long maxDecodedStreamBytes;

    @Inject
    @ConfigProperty(name = "lienthong.verify.max-decoded-total-bytes", defaultValue = "134217728")
    long maxDecodedTotalBytes;

    @Inject
    @ConfigProperty(name = "lienthong.verify.spool-dir", defaultValue = "./data/spool/verify")
    String spoolDir;

    @Inject
    TrustAnchors trust;

    private BoundedPdfVerifier verifier;

    @PostConstruct
    void start() {
        removeLeftovers(Path.of(spoolDir));
        List<X509Certificate> anchors = trust.certificates();
        if (anchors.isEmpty()) {
            LOG.warning("lienthong.verify.trust-anchors is empty: /api/v1/verify reports every signature "
                    + "INDETERMINATE (no chain to a trusted root)");
        }
        VerificationPolicy policy = VerificationPolicy.of(anchors, List.of())
                .withRevocation(RevocationMode.valueOf(revocation.trim().toUpperCase(java.util.Locale.ROOT)));
        verifier = new BoundedPdfVerifier(new SignatureVerifier(policy), executor,
                new VerificationLimits(Duration.ofMillis(timeoutMs), concurrency, Duration.ofMillis(queueWaitMs),
                        maxDecodedStreamBytes, maxDecodedTotalBytes));
    }

    /** Where uploads wait for their verification; each is deleted when its request ends. */
    public Path spoolDir() {
        return Path.of(spoolDir);
    }

    /** Uploads a crash left behind: nobody will verify them, and they may hold personal data. */
    private static void removeLeftovers(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var leftovers = Files.newDirectoryStream(dir, "upload-*.pdf")) {
            for (Path file : leftovers) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.warning("Cannot clear the verification spool " + dir + ": " + e.getMessage());
        }
    }

    /** See {@link BoundedPdfVerifier#verify(Path, String)}. */
    public VerificationReport verify(Path pdf, String documentName) {
        return verifier.verify(pdf, documentName);
    }
}
