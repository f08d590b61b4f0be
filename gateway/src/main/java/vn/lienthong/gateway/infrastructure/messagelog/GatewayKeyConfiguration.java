package vn.lienthong.gateway.infrastructure.messagelog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.lienthong.gateway.infrastructure.config.DemoMode;
import vn.lienthong.gateway.infrastructure.config.StartRefusal;
import vn.lienthong.gateway.infrastructure.pki.GatewayPki;
import vn.lienthong.signing.key.KeySource;
import vn.lienthong.signing.ltv.RevocationSource;
import vn.lienthong.signing.tsp.TimestampSource;

/**
 * Where the gateway's own key is (the {@code lienthong.message-log.*} keystore) and whether a DEMO
 * one may be created: one place for the message log and the archive, which both sign with it.
 * Outside demo mode a missing keystore stops the start, with one line naming the setting.
 */
@ApplicationScoped
public class GatewayKeyConfiguration {

    private static final Logger LOG = Logger.getLogger(GatewayKeyConfiguration.class.getName());
    /** After the demo switch has announced itself, before the database is migrated. */
    private static final int PRIORITY = 60;

    @Inject
    @ConfigProperty(name = "lienthong.data.dir")
    String dataDir;

    @Inject
    @ConfigProperty(name = "lienthong.message-log.keystore")
    Optional<String> keystore;

    @Inject
    @ConfigProperty(name = "lienthong.message-log.keystore-password", defaultValue = "demo-only")
    String keystorePassword;

    @Inject
    @ConfigProperty(name = "lienthong.message-log.key-alias", defaultValue = "message-log")
    String keyAlias;

    @Inject
    DemoMode demo;

    @Inject
    GatewayPki pki;

    /** Opens the key; in demo mode (or with demo-key.enabled) a missing keystore is created with the DEMO PKI's seal. */
    public KeySource open() {
        return GatewaySigningKey.open(file(), keystorePassword.toCharArray(), keyAlias,
                demo.demoMessageLogKey() ? Optional.of(pki::issueGatewaySeal) : Optional.empty());
    }

    /** The TSA the gateway's seals are time-stamped by (CAdES/PAdES B-T), when there is one. */
    public Optional<TimestampSource> timestamps() {
        return pki.timestamps();
    }

    /** Where the validation data of the gateway's PDF seals comes from (PAdES B-LT). */
    public RevocationSource revocation() {
        return pki.revocation();
    }

    /** Fails the start when no DEMO key may be created and the keystore is not there. */
    void checkAtStart(@Observes @Priority(PRIORITY) @Initialized(ApplicationScoped.class) Object started) {
        // The shipped properties name the DEMO file: a keystore left there counts as not set.
        boolean configured = keystore.isPresent() && !file().equals(demoFile());
        missing(demo.demoMessageLogKey(), configured, file()).ifPresent(line -> {
            throw StartRefusal.refuse(LOG, line, new MessageLogException(line, null));
        });
    }

    /** The one line saying which setting is missing, or empty when the key can be opened or created. */
    static Optional<String> missing(boolean demoKey, boolean configured, Path file) {
        if (demoKey || Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of("The gateway does not start: "
                + (configured ? "LIENTHONG_MESSAGE_LOG_KEYSTORE names " + file + ", which does not exist"
                              : "LIENTHONG_MESSAGE_LOG_KEYSTORE (lienthong.message-log.keystore) is not set")
                + "; set it to the gateway's PKCS#12 signing keystore (docs/message-log.md), or LIENTHONG_DEMO=true for a demo");
    }

    private Path file() {
        return keystore.map(k -> Path.of(k).toAbsolutePath().normalize()).orElseGet(this::demoFile);
    }

    private Path demoFile() {
        return Path.of(dataDir + "/keys/message-log-DEMO.p12").toAbsolutePath().normalize();
    }
}
