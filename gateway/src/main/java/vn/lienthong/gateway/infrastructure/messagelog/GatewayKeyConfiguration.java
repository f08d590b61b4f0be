package vn.lienthong.gateway.infrastructure.messagelog;

import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.lienthong.signing.key.KeySource;

/**
 * Where the gateway's own key is (the {@code lienthong.message-log.*} keystore) and whether a DEMO
 * one may be created: one place for the message log and the archive, which both sign with it.
 */
@ApplicationScoped
public class GatewayKeyConfiguration {

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
    @ConfigProperty(name = "lienthong.message-log.demo-key.enabled")
    Optional<Boolean> demoKey;

    @Inject
    @ConfigProperty(name = "lienthong.db.url")
    Optional<String> externalDatabase;

    /** Opens the key; with the embedded database (or demo-key.enabled) a missing keystore is created as DEMO. */
    public KeySource open() {
        Path file = Path.of(keystore.orElse(dataDir + "/keys/message-log-DEMO.p12")).toAbsolutePath().normalize();
        return GatewaySigningKey.open(file, keystorePassword.toCharArray(), keyAlias,
                demoKey.orElse(externalDatabase.isEmpty()));
    }
}
