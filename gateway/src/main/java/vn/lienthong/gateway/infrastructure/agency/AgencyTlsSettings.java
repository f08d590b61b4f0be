package vn.lienthong.gateway.infrastructure.agency;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What configuration says about TLS to one agency: the truststore (the agency's own, else the
 * global {@code lienthong.tls.truststore}, else none: the platform default), and the client
 * certificate for mutual TLS (keystore and alias), if any.
 */
public record AgencyTlsSettings(String agencyId, Optional<TlsStore> truststore, Optional<TlsStore> keystore,
                                Optional<String> keyAlias) {

    /** Only these; TLS 1.0/1.1 and SSL are refused whatever the JDK would allow. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    static final String GLOBAL_TRUSTSTORE = "lienthong.tls.truststore";

    /** Reads the keys of {@code agencyId} through {@code keys} (a configuration lookup; blank counts as unset). */
    static AgencyTlsSettings read(String agencyId, Function<String, Optional<String>> keys) {
        Function<String, Optional<String>> set = k -> keys.apply(k).map(String::trim).filter(v -> !v.isEmpty());
        String p = "lienthong.agency." + agencyId + ".";
        Optional<TlsStore> trust = store(p + "truststore", set).or(() -> store(GLOBAL_TRUSTSTORE, set));
        Optional<TlsStore> key = store(p + "keystore", set);
        return new AgencyTlsSettings(agencyId, trust, key, set.apply(p + "keystore-alias"));
    }

    private static Optional<TlsStore> store(String key, Function<String, Optional<String>> set) {
        return set.apply(key).map(path -> new TlsStore(key, Path.of(path),
                set.apply(key + "-password").orElse(null), set.apply(key + "-type").orElse(null)));
    }

    /** Whether anything beyond the defaults is configured for this agency. */
    public boolean customised() {
        return truststore.isPresent() || keystore.isPresent();
    }
}
