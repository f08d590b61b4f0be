package vn.lienthong.gateway.infrastructure.paper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

/** The papers' settings and keys from MicroProfile Config (keys documented in microprofile-config.properties). */
@ApplicationScoped
public class PaperConfiguration {

    @Inject
    Config config;

    PaperMill.Settings settings() {
        String dataDir = config.getOptionalValue("lienthong.data.dir", String.class).orElse("./data");
        return new PaperMill.Settings(
                number("lienthong.papers.batch-size", 10),
                Duration.ofSeconds(number("lienthong.papers.lease-seconds", 300)),
                number("lienthong.papers.max-attempts", 10),
                Duration.ofMillis(number("lienthong.papers.retry-initial-ms", 5000)),
                Duration.ofMillis(number("lienthong.papers.retry-max-ms", 600_000)),
                Path.of(text("lienthong.papers.work-dir").orElse(dataDir + "/spool/papers")).toAbsolutePath().normalize(),
                new PaperComposer.Issuer(text("lienthong.papers.issue-place").orElse("Hà Nội"),
                        text("lienthong.public-base-url").orElse("http://127.0.0.1:8080")));
    }

    /** Synchronized: the first start creates the DEMO keys once, whoever asks first. */
    synchronized PaperKeys openKeys() {
        String dataDir = config.getOptionalValue("lienthong.data.dir", String.class).orElse("./data");
        return PaperKeys.open(location("officer", dataDir), location("agency", dataDir), demoKeys());
    }

    /**
     * With DEMO keys (the embedded default), the DEMO CA's certificate, so that {@code /api/v1/verify}
     * can trust the papers this gateway signs; created now if this is the first start. Empty with real keys.
     */
    public Optional<Path> demoCertificateAuthority() {
        if (!demoKeys()) {
            return Optional.empty();
        }
        openKeys().close();
        String dataDir = config.getOptionalValue("lienthong.data.dir", String.class).orElse("./data");
        Path ca = location("officer", dataDir).keystore().getParent().resolve(PaperKeys.DEMO_CA_FILE);
        return Files.isRegularFile(ca) ? Optional.of(ca) : Optional.empty();
    }

    /** Like the message log's key: DEMO keys by default only with the embedded database. */
    private boolean demoKeys() {
        return config.getOptionalValue("lienthong.papers.demo-keys.enabled", Boolean.class)
                .orElse(text("lienthong.db.url").isEmpty());
    }

    private PaperKeys.Location location(String role, String dataDir) {
        String prefix = "lienthong.papers." + role + ".";
        return new PaperKeys.Location(role, text(prefix + "pkcs11-config").map(Path::of),
                Path.of(text(prefix + "keystore").orElse(dataDir + "/keys/papers-" + role + "-DEMO.p12"))
                        .toAbsolutePath().normalize(),
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
