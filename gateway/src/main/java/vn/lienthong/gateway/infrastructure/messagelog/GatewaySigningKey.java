package vn.lienthong.gateway.infrastructure.messagelog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateEncodingException;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

import vn.lienthong.signing.SigningException;
import vn.lienthong.signing.key.KeySource;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.key.ProviderPreference;
import vn.lienthong.signing.key.TrialPki;

/**
 * The key the gateway signs its message log, scans and ledger heads with: a PKCS#12 keystore
 * (path, password, alias from configuration). In demo mode a missing keystore is created with the
 * gateway's seal from the DEMO PKI (full chain: seal, issuing CA, root), labelled DEMO in its
 * names: it proves nothing to anyone outside this machine.
 */
public final class GatewaySigningKey {

    private static final Logger LOG = Logger.getLogger(GatewaySigningKey.class.getName());

    private GatewaySigningKey() {
    }

    /**
     * Opens the keystore; when it does not exist and {@code demoSeal} is given, first creates a DEMO
     * one there with the seal it issues (and the certificate as PEM beside it, for anyone verifying
     * outside the gateway).
     */
    // Synchronized: the message log and the archive open the same keystore; two first starts racing
    // would each create a DEMO key and the second rename would replace the key the first one signs with.
    public static synchronized KeySource open(Path keystore, char[] password, String alias,
                                              Optional<Supplier<TrialPki.Issued>> demoSeal) {
        try {
            if (!Files.exists(keystore)) {
                if (demoSeal.isEmpty()) {
                    throw new MessageLogException("The message log signing keystore " + keystore + " does not exist; "
                            + "set lienthong.message-log.keystore to the gateway's PKCS#12 keystore", null);
                }
                createDemoOnce(keystore, password, alias, demoSeal.get());
            }
            // The JDK signs: one signature per batch does not need the native provider in the container.
            return Pkcs12KeySource.open(keystore, password, alias, ProviderPreference.JDK);
        } catch (SigningException e) {
            throw new MessageLogException("Cannot open the message log signing key " + keystore + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the DEMO message log signing key " + keystore, e);
        }
    }

    /**
     * Nodes of a cluster share the keys directory and may start together: under a file lock (fcntl, which
     * reaches every NFS client, docs/cluster.md) one creates the seal and the others find it, where two
     * renames would leave one node signing with a key the keystore no longer holds.
     */
    private static void createDemoOnce(Path keystore, char[] password, String alias, Supplier<TrialPki.Issued> seal)
            throws IOException {
        Path dir = keystore.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        try (FileChannel channel = FileChannel.open(dir.resolve(stem(keystore) + ".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
            if (!Files.exists(keystore)) {
                createDemo(keystore, password, alias, seal.get());
            }
        }
    }

    private static void createDemo(Path keystore, char[] password, String alias, TrialPki.Issued issued)
            throws IOException {
        Path dir = keystore.toAbsolutePath().getParent();
        Files.createDirectories(dir);
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
        LOG.warning("Created the DEMO gateway seal in " + keystore + " (not for production: set "
                + "lienthong.message-log.keystore, -password and -alias to the gateway's own key)");
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
