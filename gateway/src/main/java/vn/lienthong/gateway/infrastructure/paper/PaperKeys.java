package vn.lienthong.gateway.infrastructure.paper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

import vn.lienthong.gateway.domain.paper.PaperKeyException;
import vn.lienthong.signing.SigningException;
import vn.lienthong.signing.key.KeySource;
import vn.lienthong.signing.key.Pkcs11KeySource;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.key.ProviderPreference;
import vn.lienthong.signing.key.TrialPki;

/**
 * The two keys every paper is signed with: the competent officer's, then the agency's. Each is a
 * PKCS#12 keystore or a PKCS#11 token (HSM). For the embedded default, missing keystores are
 * created on first start, issued by a throw-away CA and labelled DEMO in every name, with the CA
 * certificate as PEM beside them so that pdfsig, openssl or DSS can be pointed at it.
 */
public final class PaperKeys implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PaperKeys.class.getName());
    /** Ten years, so the DEMO papers stay verifiable as long as a trial installation lives. */
    private static final Duration DEMO_VALIDITY = Duration.ofDays(3653);
    static final String DEMO_CA_FILE = "papers-DEMO-CA.pem";

    /**
     * Where one key is.
     *
     * @param role          "officer" or "agency", for messages
     * @param pkcs11Config  a SunPKCS11 configuration file; when present the token is used and the keystore ignored
     * @param keystore      the PKCS#12 file
     * @param password      the keystore password, or the token PIN
     * @param alias         the key's alias; null takes the first key
     */
    public record Location(String role, Optional<Path> pkcs11Config, Path keystore, String password, String alias) {
    }

    private final KeySource officer;
    private final KeySource agency;

    private PaperKeys(KeySource officer, KeySource agency) {
        this.officer = officer;
        this.agency = agency;
    }

    /** Opens both keys; with {@code createDemo}, missing keystores are first created as DEMO keys. */
    public static PaperKeys open(Location officer, Location agency, boolean createDemo) {
        if (createDemo) {
            createMissingDemoKeys(officer, agency);
        }
        KeySource o = open(officer);
        KeySource a;
        try {
            a = open(agency);
        } catch (PaperKeyException e) {
            o.close();
            throw e;
        }
        String officerName = o.signerCertificate().getSubjectX500Principal().getName();
        String agencyName = a.signerCertificate().getSubjectX500Principal().getName();
        if (officerName.contains("DEMO") || agencyName.contains("DEMO")) {
            LOG.info(() -> "Papers are signed with DEMO keys, not for production: officer " + officerName + " ("
                    + describe(officer) + "), agency " + agencyName + " (" + describe(agency) + "); their CA is "
                    + officer.keystore().toAbsolutePath().getParent().resolve(DEMO_CA_FILE)
                    + "; docs/papers.md says how to use real keys");
        }
        return new PaperKeys(o, a);
    }

    public KeySource officer() {
        return officer;
    }

    public KeySource agency() {
        return agency;
    }

    @Override
    public void close() {
        officer.close();
        agency.close();
    }

    private static KeySource open(Location l) {
        char[] secret = l.password() == null ? null : l.password().toCharArray();
        try {
            if (l.pkcs11Config().isPresent()) {
                return Pkcs11KeySource.open(l.pkcs11Config().get(), secret, l.alias());
            }
            if (!Files.exists(l.keystore())) {
                throw new PaperKeyException("The " + l.role() + " keystore " + l.keystore() + " does not exist; set "
                        + "lienthong.papers." + l.role() + ".keystore (or .pkcs11-config) to the "
                        + l.role() + "'s signing key", null);
            }
            // The JDK signs: a few signatures per dossier do not need the native provider in the container.
            return Pkcs12KeySource.open(l.keystore(), secret, l.alias(), ProviderPreference.JDK);
        } catch (SigningException e) {
            throw new PaperKeyException("Cannot open the " + l.role() + " signing key (" + describe(l) + "): "
                    + e.getMessage(), e);
        }
    }

    private static String describe(Location l) {
        return l.pkcs11Config().map(p -> "PKCS#11 " + p).orElse(l.keystore().toString());
    }

    private static void createMissingDemoKeys(Location officer, Location agency) {
        boolean officerMissing = officer.pkcs11Config().isEmpty() && !Files.exists(officer.keystore());
        boolean agencyMissing = agency.pkcs11Config().isEmpty() && !Files.exists(agency.keystore());
        if (!officerMissing && !agencyMissing) {
            return;
        }
        TrialPki pki = TrialPki.create("Lien Thong papers DEMO CA - NOT FOR PRODUCTION");
        try {
            if (officerMissing) {
                write(pki, officer, "Can bo mot cua DEMO", "DEMO officer - not for production");
            }
            if (agencyMissing) {
                write(pki, agency, "Co quan cap giay DEMO", "DEMO agency - not for production");
            }
            Location where = officerMissing ? officer : agency;
            Path pem = where.keystore().toAbsolutePath().getParent().resolve(DEMO_CA_FILE);
            // Appended: a CA created later for one missing key must not hide the one that issued the other.
            Files.writeString(pem, TrialPki.pem("CERTIFICATE", pki.caCertificate().getEncoded()),
                    StandardCharsets.US_ASCII, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new PaperKeyException("Cannot create the DEMO paper signing keys: " + e.getMessage(), e);
        } catch (CertificateEncodingException e) {
            throw new PaperKeyException("Cannot encode the DEMO CA certificate: " + e.getMessage(), e);
        }
    }

    private static void write(TrialPki pki, Location l, String commonName, String organisation) throws IOException {
        Path dir = l.keystore().toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Instant now = Instant.now();
        TrialPki.Issued issued = pki.issue(TrialPki.Profile.signer(commonName, organisation, "RSA")
                .validity(now.minus(Duration.ofDays(1)), now.plus(DEMO_VALIDITY)));
        Path tmp = Files.createTempFile(dir, l.keystore().getFileName().toString(), ".tmp");
        try {
            if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            TrialPki.writePkcs12(issued, tmp, l.password().toCharArray(), l.alias() == null ? l.role() : l.alias());
            try {
                Files.move(tmp, l.keystore(), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, l.keystore());
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        LOG.warning("Created the DEMO " + l.role() + " key for papers in " + l.keystore() + " (not for production)");
    }
}
