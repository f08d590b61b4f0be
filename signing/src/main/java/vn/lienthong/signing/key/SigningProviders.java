package vn.lienthong.signing.key;

import java.security.Provider;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finds the native provider (ACCP) once per JVM. It is used per call and never installed
 * globally, so a host application's provider order stays as it was.
 */
public final class SigningProviders {
    private static final Logger LOG = Logger.getLogger(SigningProviders.class.getName());
    /** Set to "false" to keep private-key operations on the JDK, e.g. to compare speeds. */
    public static final String DISABLE_PROPERTY = "lienthong.signing.native";

    private static final Optional<Provider> NATIVE = loadNative();

    private SigningProviders() {
    }

    /** ACCP when it loaded and passed its self tests, else empty. */
    public static Optional<Provider> nativeProvider() {
        return NATIVE;
    }

    /** The provider a software key should sign with under the given preference; empty means "JDK default". */
    public static Optional<Provider> forPreference(ProviderPreference preference) {
        return preference == ProviderPreference.NATIVE_IF_AVAILABLE ? NATIVE : Optional.empty();
    }

    /** A human line for logs and reports, e.g. "AmazonCorrettoCryptoProvider 2.5.0 (native)". */
    public static String describe(Optional<Provider> provider) {
        return provider.map(p -> p.getName() + " " + p.getVersionStr() + " (native)").orElse("JDK providers");
    }

    private static Optional<Provider> loadNative() {
        if ("false".equalsIgnoreCase(System.getProperty(DISABLE_PROPERTY, "true"))) {
            LOG.info("Native crypto disabled by -D" + DISABLE_PROPERTY + "=false; using JDK providers");
            return Optional.empty();
        }
        try {
            Class<?> type = Class.forName("com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider");
            Provider accp = (Provider) type.getField("INSTANCE").get(null);
            Object error = type.getMethod("getLoadingError").invoke(accp);
            if (error != null) {
                LOG.log(Level.INFO, "ACCP did not load on this platform; using JDK providers: {0}", error);
                return Optional.empty();
            }
            type.getMethod("assertHealthy").invoke(accp);
            LOG.fine(() -> "Private-key operations use " + accp.getName() + " " + accp.getVersionStr());
            return Optional.of(accp);
        } catch (ReflectiveOperationException | LinkageError e) {
            // Another OS/CPU, or the jar is absent: the JDK is a correct, slower fallback.
            LOG.log(Level.INFO, "ACCP unavailable; using JDK providers: {0}", e.toString());
            return Optional.empty();
        }
    }
}
