package vn.lienthong.gateway.infrastructure.paper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import vn.lienthong.gateway.domain.paper.PaperKeyException;
import vn.lienthong.gateway.infrastructure.config.DemoMode;
import vn.lienthong.gateway.infrastructure.config.StartRefusal;
import vn.lienthong.gateway.infrastructure.pki.GatewayPki;

/** The papers' settings and keys from MicroProfile Config (keys documented in microprofile-config.properties). */
@ApplicationScoped
public class PaperConfiguration {

    private static final Logger LOG = Logger.getLogger(PaperConfiguration.class.getName());
    /** With the message log's key check: after the demo switch, before the database is migrated. */
    private static final int PRIORITY = 60;

    @Inject
    Config config;

    @Inject
    DemoMode demo;

    @Inject
    GatewayPki pki;

    @Inject
    Clock clock;

    private ConfiguredPaperKeys configured;

    PaperMill.Settings settings() {
        String dataDir = config.getOptionalValue("lienthong.data.dir", String.class).orElse("./data");
        return new PaperMill.Settings(
                number("lienthong.papers.batch-size", 10),
                Duration.ofSeconds(number("lienthong.papers.lease-seconds", 300)),
                number("lienthong.papers.max-attempts", 10),
                number("lienthong.papers.long-term-max-attempts", 100),
                Duration.ofMillis(number("lienthong.papers.retry-initial-ms", 5000)),
                Duration.ofMillis(number("lienthong.papers.retry-max-ms", 600_000)),
                Path.of(text("lienthong.papers.work-dir").orElse(dataDir + "/spool/papers")).toAbsolutePath().normalize(),
                new PaperComposer.Issuer(text("lienthong.papers.issue-place").orElse("Hà Nội"),
                        text("lienthong.public-base-url").orElse("http://127.0.0.1:8080")));
    }

    /**
     * In demo mode one key per officer and agency from the DEMO PKI; otherwise the configured keys:
     * per officer and per agency when their keystore or alias names {officer} / {agency}, else one
     * each for every paper; each checked (validity, revocation from its CA) before it signs.
     */
    PaperKeys openKeys() {
        if (demoKeys()) {
            return PaperKeys.issuedBy(pki);
        }
        return PaperKeys.issuedBy(configuredKeys());
    }

    /** The configured keys, made once: the papers and the expiry watch share their tokens' one login. */
    private synchronized ConfiguredPaperKeys configuredKeys() {
        if (configured == null) {
            String dataDir = config.getOptionalValue("lienthong.data.dir", String.class).orElse("./data");
            configured = new ConfiguredPaperKeys(location("officer", dataDir), location("agency", dataDir),
                    Optional.of(pki.revocation()), clock);
        }
        return configured;
    }

    /** Signs with signature time-stamps from the PKI's TSA and adds the validation data (PAdES-BASELINE-LT). */
    PaperPress press() {
        return new PaperPress(pki.timestamps().orElse(null), pki.revocation());
    }

    /**
     * With DEMO keys (the embedded default), the DEMO root's certificate, so that {@code /api/v1/verify}
     * trusts what this gateway signs; created now if this is the first start. Empty with real keys.
     */
    public Optional<Path> demoCertificateAuthority() {
        return demoKeys() ? pki.demoRoot() : Optional.empty();
    }

    /**
     * The certificates of the configured paper keys outside demo mode, for expiry warnings: the chain
     * of each PKCS#12 keystore (of every one in a per-officer folder, at most 1,000), and of every
     * key on a PKCS#11 token, read through the login the papers' keys share.
     */
    public List<X509Certificate> keyCertificates() {
        if (demoKeys()) {
            return List.of();
        }
        String dataDir = config.getOptionalValue("lienthong.data.dir", String.class).orElse("./data");
        Set<X509Certificate> out = new LinkedHashSet<>();
        boolean tokens = false;
        for (String role : new String[] {"officer", "agency"}) {
            PaperKeys.Location where = location(role, dataDir);
            if (where.pkcs11Config().isPresent()) {
                tokens = true;
                continue;
            }
            for (Path file : keystores(where.keystore())) {
                try (InputStream in = Files.newInputStream(file)) {
                    KeyStore store = KeyStore.getInstance("PKCS12");
                    char[] password = where.password() == null ? null : where.password().toCharArray();
                    store.load(in, password);
                    for (String alias : Collections.list(store.aliases())) {
                        Certificate[] chain = store.getCertificateChain(alias);
                        for (Certificate c : chain == null ? new Certificate[0] : chain) {
                            out.add((X509Certificate) c);
                        }
                    }
                } catch (IOException | GeneralSecurityException e) {
                    LOG.fine(() -> "Cannot read " + file + " for its expiry: " + e.getMessage());
                }
            }
        }
        if (tokens) {
            out.addAll(configuredKeys().tokenCertificates());
        }
        return List.copyOf(out);
    }

    /** The keystore, or every PKCS#12 file under the folder of a per-officer or per-agency template. */
    private static List<Path> keystores(Path keystore) {
        String template = keystore.toString();
        if (!template.contains("{")) {
            return Files.isRegularFile(keystore) ? List.of(keystore) : List.of();
        }
        int slash = template.lastIndexOf('/', template.indexOf('{'));
        Path folder = slash <= 0 ? null : Path.of(template.substring(0, slash));
        if (folder == null || !Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder, 4)) {
            return files.filter(f -> f.toString().endsWith(".p12") || f.toString().endsWith(".pfx")).limit(1000)
                    .toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.fine(() -> "Cannot list " + folder + ": " + e.getMessage());
            return List.of();
        }
    }

    /** Like the message log's key: DEMO keys in demo mode ({@link DemoMode}; demo-keys.enabled overrides). */
    private boolean demoKeys() {
        return demo.demoPaperKeys();
    }

    /** Fails the start, not the first paper, when no DEMO keys may be created and a key is not there. */
    void checkAtStart(@Observes @Priority(PRIORITY) @Initialized(ApplicationScoped.class) Object started) {
        if (demoKeys()) {
            return;
        }
        String dataDir = config.getOptionalValue("lienthong.data.dir", String.class).orElse("./data");
        for (String role : new String[] {"officer", "agency"}) {
            PaperKeys.Location where = location(role, dataDir);
            // The shipped properties name the DEMO file: a keystore left there counts as not set.
            boolean configured = !where.keystore().equals(demoKeystore(role, dataDir));
            missing(where, configured).ifPresent(line -> {
                throw StartRefusal.refuse(LOG, line, new PaperKeyException(line, null));
            });
        }
    }

    /** The one line saying which setting is missing, or empty when the key is configured and there. */
    static Optional<String> missing(PaperKeys.Location where, boolean configured) {
        if (where.pkcs11Config().isPresent() || Files.exists(where.keystore())) {
            return Optional.empty();
        }
        if (where.keystore().toString().contains(ConfiguredPaperKeys.OFFICER)
                || where.keystore().toString().contains(ConfiguredPaperKeys.AGENCY)) {
            // One file per officer or agency: the files come as people start signing; their folder must be there.
            String template = where.keystore().toString();
            int slash = template.lastIndexOf('/', template.indexOf('{'));
            Path folder = slash <= 0 ? null : Path.of(template.substring(0, slash));
            return folder != null && Files.isDirectory(folder) ? Optional.empty()
                    : Optional.of("The gateway does not start: LIENTHONG_PAPERS_" + where.role().toUpperCase(Locale.ROOT)
                            + "_KEYSTORE names " + template + ", whose folder " + folder + " does not exist (docs/papers.md)");
        }
        String variable = "LIENTHONG_PAPERS_" + where.role().toUpperCase(Locale.ROOT) + "_KEYSTORE";
        return Optional.of("The gateway does not start: "
                + (configured ? variable + " names " + where.keystore() + ", which does not exist"
                              : variable + " (lienthong.papers." + where.role() + ".keystore) is not set")
                + "; set it (or _PKCS11_CONFIG) to the " + where.role()
                + "'s signing key (docs/papers.md), or LIENTHONG_DEMO=true for a demo");
    }

    private static Path demoKeystore(String role, String dataDir) {
        return Path.of(dataDir + "/keys/papers-" + role + "-DEMO.p12").toAbsolutePath().normalize();
    }

    private PaperKeys.Location location(String role, String dataDir) {
        String prefix = "lienthong.papers." + role + ".";
        return new PaperKeys.Location(role, text(prefix + "pkcs11-config").map(Path::of),
                text(prefix + "keystore").map(k -> Path.of(k).toAbsolutePath().normalize())
                        .orElseGet(() -> demoKeystore(role, dataDir)),
                text(prefix + "password").orElse("demo-only"),
                text(prefix + "key-alias").orElse(role));
    }

    private Optional<String> text(String key) {
        return config.getOptionalValue(key, String.class).filter(s -> !s.isBlank());
    }

    private int number(String key, int fallback) {
        return config.getOptionalValue(key, Integer.class).orElse(fallback);
    }
}
