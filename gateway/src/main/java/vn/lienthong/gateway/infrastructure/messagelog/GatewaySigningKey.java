package vn.lienthong.gateway.infrastructure.messagelog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

import vn.lienthong.signing.SigningException;
import vn.lienthong.signing.key.KeySource;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.key.ProviderPreference;
import vn.lienthong.signing.key.TrialPki;

/**
 * The key the gateway signs its message log with: a PKCS#12 keystore (path, password, alias from
 * configuration). For the embedded default a DEMO keystore is created on first start, issued by a
 * throw-away CA, and labelled DEMO in its names: it proves nothing to anyone outside this machine.
 */
public final class GatewaySigningKey {

    private static final Logger LOG = Logger.getLogger(GatewaySigningKey.class.getName());
    /** Ten years, so that the embedded default's batches stay verifiable as long as the records are kept. */
    private static final Duration DEMO_VALIDITY = Duration.ofDays(3653);

    private GatewaySigningKey() {
    }

    /**
     * Opens the keystore; when it does not exist and {@code createDemo} is set, first creates a DEMO
     * one there (and the certificate as PEM beside it, for anyone verifying outside the gateway).
     */
    // Synchronized: the message log and the archive open the same keystore; two first starts racing
    // would each create a DEMO key and the second rename would replace the key the first one signs with.
    public static synchronized KeySource open(Path keystore, char[] password, String alias, boolean createDemo) {
        try {
            if (!Files.exists(keystore)) {
                if (!createDemo) {
                    throw new MessageLogException("The message log signing keystore " + keystore + " does not exist; "
                            + "set lienthong.message-log.keystore to the gateway's PKCS#12 keystore", null);
                }
                createDemo(keystore, password, alias);
            }
            // The JDK signs: one signature per batch does not need the native provider in the container.
            return Pkcs12KeySource.open(keystore, password, alias, ProviderPreference.JDK);
        } catch (SigningException e) {
            throw new MessageLogException("Cannot open the message log signing key " + keystore + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the DEMO message log signing key " + keystore, e);
        }
    }

    private static void createDemo(Path keystore, char[] password, String alias) throws IOException {
        Path dir = keystore.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        TrialPki pki = TrialPki.create("Lien Thong DEMO CA - NOT FOR PRODUCTION");
        Instant now = Instant.now();
        TrialPki.Issued issued = pki.issue(TrialPki.Profile.signer("Lien Thong gateway message log DEMO",
                "DEMO key - not for production", "RSA").validity(now.minus(Duration.ofDays(1)), now.plus(DEMO_VALIDITY)));
        Path tmp = Files.createTempFile(dir, keystore.getFileName().toString(), ".tmp");
        try {
            if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            TrialPki.writePkcs12(issued, tmp, password, alias);
            try {
                Files.move(tmp, keystore, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, keystore);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        try {
            Files.writeString(dir.resolve(stem(keystore) + ".cert.pem"),
                    TrialPki.pem("CERTIFICATE", issued.certificate().getEncoded()), StandardCharsets.US_ASCII);
        } catch (CertificateEncodingException e) {
            throw new MessageLogException("Cannot encode the DEMO certificate: " + e.getMessage(), e);
        }
        LOG.warning("Created a DEMO message log signing key in " + keystore + " (not for production: set "
                + "lienthong.message-log.keystore, -password and -alias to the gateway's own key)");
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
