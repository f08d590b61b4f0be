package vn.lienthong.gateway.infrastructure.agency;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Base URLs of the agencies. The value {@code sandbox} stands for this gateway's own simulator
 * ({@code <base>/sandbox/<id>}); its base is {@code lienthong.sandbox.base-url} or, when that is
 * unset, the loopback address and port this gateway was first called on.
 */
@ApplicationScoped
public class AgencyAddresses {

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "lienthong.sandbox.base-url")
    Optional<String> sandboxBase;

    private volatile String learnedBase;

    /** The agency's base URL, without a trailing slash. */
    public String baseUrl(String agencyId) {
        String url = config.getValue("lienthong.agency." + agencyId + ".url", String.class).trim();
        if (!url.equals("sandbox")) {
            return strip(url);
        }
        String base = sandboxBase.filter(s -> !s.isBlank()).orElse(learnedBase);
        if (base == null) {
            throw new SandboxAddressUnknownException(agencyId);
        }
        return strip(base) + "/sandbox/" + agencyId;
    }

    /** Called on incoming requests until the first one tells which port this gateway listens on. */
    public void learn(int localPort) {
        if (learnedBase == null && localPort > 0) {
            learnedBase = "http://127.0.0.1:" + localPort;
        }
    }

    /** This gateway's own base URL for the sandbox, once configured or learned. */
    public Optional<String> sandboxBase() {
        return sandboxBase.filter(s -> !s.isBlank()).map(AgencyAddresses::strip)
                .or(() -> Optional.ofNullable(learnedBase));
    }

    /**
     * Whether a call to this agency can be addressed now: a sandbox agency cannot until this
     * gateway has been called once (a restart with messages waiting sends before that).
     */
    public boolean addressable(String agencyId) {
        return knowsSandbox() || !config.getValue("lienthong.agency." + agencyId + ".url", String.class).trim().equals("sandbox");
    }

    public boolean knowsSandbox() {
        return learnedBase != null || sandboxBase.filter(s -> !s.isBlank()).isPresent();
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
