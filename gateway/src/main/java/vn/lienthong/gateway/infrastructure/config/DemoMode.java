package vn.lienthong.gateway.infrastructure.config;

import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether this gateway is a demo: the one place that decides it. {@code lienthong.demo}
 * ({@code LIENTHONG_DEMO}) when set; otherwise on with the embedded database (no
 * {@code lienthong.db.url}) and off with an external one. The sandbox agencies, the demo token
 * issuer, the DEMO message-log key, the DEMO paper keys (and the DEMO CA that {@code /verify}
 * trusts) and the demo clock all follow it; each piece's old flag still overrides it for that piece.
 */
@ApplicationScoped
public class DemoMode {

    private static final Logger LOG = Logger.getLogger(DemoMode.class.getName());
    /** Before the pieces that read it create keys or start the sandbox. */
    private static final int PRIORITY = 40;

    @Inject
    @ConfigProperty(name = "lienthong.demo")
    Optional<Boolean> demo;

    @Inject
    @ConfigProperty(name = "lienthong.db.url")
    Optional<String> externalDatabase;

    @Inject
    @ConfigProperty(name = "lienthong.sandbox.enabled")
    Optional<Boolean> sandbox;

    @Inject
    @ConfigProperty(name = "lienthong.security.demo-issuer.enabled")
    Optional<Boolean> demoIssuer;

    @Inject
    @ConfigProperty(name = "lienthong.security.oidc.client-id")
    Optional<String> identityProviderClient;

    @Inject
    @ConfigProperty(name = "lienthong.message-log.demo-key.enabled")
    Optional<Boolean> demoMessageLogKey;

    @Inject
    @ConfigProperty(name = "lienthong.papers.demo-keys.enabled")
    Optional<Boolean> demoPaperKeys;

    /** The switch itself: {@code lienthong.demo}, or "the database is the embedded one". */
    public boolean enabled() {
        return demo.orElse(externalDatabase.filter(url -> !url.isBlank()).isEmpty());
    }

    /** The simulated agencies and notice sinks ({@code lienthong.sandbox.enabled} overrides). */
    public boolean sandbox() {
        return sandbox.orElse(enabled());
    }

    /**
     * The demo token issuer and the console's demo sign-in ({@code lienthong.security.demo-issuer.enabled}
     * overrides). Off when the province's identity provider is configured, even in demo mode:
     * MicroProfile JWT trusts one issuer, and then it is the provider.
     */
    public boolean demoIssuer() {
        return demoIssuer.orElse(enabled() && identityProviderClient.filter(id -> !id.isBlank()).isEmpty());
    }

    /** A missing message-log keystore is created as DEMO ({@code lienthong.message-log.demo-key.enabled} overrides). */
    public boolean demoMessageLogKey() {
        return demoMessageLogKey.orElse(enabled());
    }

    /** Missing paper keystores are created as DEMO, and {@code /verify} trusts their CA ({@code lienthong.papers.demo-keys.enabled} overrides). */
    public boolean demoPaperKeys() {
        return demoPaperKeys.orElse(enabled());
    }

    /** The admin's clock offset ({@code /api/v1/admin/demo-clock}): in demo mode only, with no override. */
    public boolean demoClock() {
        return enabled();
    }

    void announce(@Observes @Priority(PRIORITY) @Initialized(ApplicationScoped.class) Object started) {
        LOG.info(this::describe);
    }

    /** The start-up line: which mode, and which pieces are demo. */
    String describe() {
        String pieces = "sandbox agencies " + onOff(sandbox()) + ", demo token issuer " + onOff(demoIssuer())
                + ", DEMO message-log key " + onOff(demoMessageLogKey()) + ", DEMO paper keys " + onOff(demoPaperKeys());
        return enabled()
                ? "DEMO MODE (not for production; LIENTHONG_DEMO=false turns it off): " + pieces + ", demo clock on"
                : "Production mode (LIENTHONG_DEMO=true for a demo): " + pieces;
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }
}
