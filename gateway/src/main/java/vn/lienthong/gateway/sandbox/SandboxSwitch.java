package vn.lienthong.gateway.sandbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.lienthong.gateway.infrastructure.config.SandboxMode;

/** Whether the sandbox agencies answer ({@link SandboxMode}), and their ledgers. */
@ApplicationScoped
public class SandboxSwitch {

    @Inject
    SandboxMode mode;

    @Inject
    @ConfigProperty(name = "lienthong.sandbox.callback-delay-ms", defaultValue = "200")
    long callbackDelayMs;

    @Inject
    @ConfigProperty(name = "lienthong.data.dir")
    String dataDir;

    private final Map<String, SandboxLedger> ledgers = new ConcurrentHashMap<>();

    public boolean enabled() {
        return mode.enabled();
    }

    SandboxLedger ledger(String agencyId) {
        return ledgers.computeIfAbsent(agencyId, id -> new SandboxLedger(SandboxFaults.none(callbackDelayMs),
                directory().resolve(id + ".journal")));
    }

    /** Where the simulated agencies keep their records: {@code <data>/sandbox}. */
    java.nio.file.Path directory() {
        return java.nio.file.Path.of(dataDir).toAbsolutePath().normalize().resolve("sandbox");
    }
}
