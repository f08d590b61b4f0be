package vn.lienthong.gateway.infrastructure.agency;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import javax.net.ssl.SSLContext;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.camel.spi.Registry;
import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.SecureSocketProtocolsParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.eclipse.microprofile.config.Config;

/**
 * Transport security of the calls to agencies: per agency, Camel {@link SSLContextParameters}
 * with TLS 1.3/1.2 only, the configured truststore (or the platform default) and, where
 * configured, the client certificate for mutual TLS. camel-http keeps its default hostname
 * verifier, so the agency's certificate must name the host of its URL.
 * <p>
 * The stores are loaded by this class, not by Camel, so that a wrong path, password or alias
 * fails with the configuration key to fix: logged once at start, and again on each delivery to
 * that agency (a transient failure: the messages wait in the outbox until it is fixed).
 */
@ApplicationScoped
public class AgencyTls {

    private static final Logger LOG = Logger.getLogger(AgencyTls.class.getName());

    @Inject
    Config config;

    private final Map<String, SSLContextParameters> checked = new ConcurrentHashMap<>();

    /** The Camel registry name of an agency's parameters, as endpoint URIs reference it. */
    public static String beanName(String agencyId) {
        return "agencyTls-" + agencyId;
    }

    public AgencyTlsSettings settings(String agencyId) {
        return AgencyTlsSettings.read(agencyId, key -> config.getOptionalValue(key, String.class));
    }

    /** The agency's parameters, with its stores loaded and checked once; throws {@link AgencyTlsException}. */
    public SSLContextParameters parameters(String agencyId) {
        return checked.computeIfAbsent(agencyId, id -> build(settings(id)));
    }

    /**
     * The camel-http options for a call to {@code url}: over https, the agency's parameters
     * (checked first, so a broken store fails here with its key); over plain http, none, since
     * camel-http would turn an http URL into https whenever parameters are given.
     */
    public String endpointOptions(String agencyId, String url) {
        if (url == null || !url.regionMatches(true, 0, "https:", 0, 6)) {
            return "";
        }
        parameters(agencyId);
        return "&sslContextParameters=#" + beanName(agencyId);
    }

    /** A JDK SSLContext with the agency's trust and client certificate, for calls outside Camel (OAuth2 tokens). */
    public SSLContext sslContext(String agencyId) {
        try {
            return parameters(agencyId).createSSLContext(null);
        } catch (GeneralSecurityException | IOException e) {
            throw new AgencyTlsException("cannot set up TLS for " + agencyId + ": " + e.getMessage(), e);
        }
    }

    /** Makes every configured agency's parameters available to endpoint URIs ({@code #agencyTls-<id>}). */
    public void bindTo(Registry registry) {
        for (String id : agencyIds()) {
            registry.bind(beanName(id), SSLContextParameters.class, () -> parameters(id));
        }
    }

    /** One clear log line per misconfigured agency at start, rather than a stack trace at its first delivery. */
    void checkAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        for (String id : agencyIds()) {
            AgencyTlsSettings s = settings(id);
            if (!s.customised()) {
                continue;
            }
            String url = config.getOptionalValue("lienthong.agency." + id + ".url", String.class).orElse("");
            if (url.regionMatches(true, 0, "http:", 0, 5)) {
                LOG.warning(() -> "lienthong.agency." + id + ".url is plain http: its truststore and client certificate "
                        + "are not used");
            }
            try {
                parameters(id);
                LOG.info(() -> "TLS to " + id + ": " + s.truststore().map(TlsStore::toString).orElse("default truststore")
                        + s.keystore().map(k -> ", client certificate " + k + s.keyAlias().map(a -> " alias " + a).orElse(""))
                        .orElse(""));
            } catch (AgencyTlsException e) {
                LOG.severe(() -> "Deliveries to " + id + " will wait until this is fixed: " + e.getMessage());
            }
        }
    }

    private List<String> agencyIds() {
        return config.getOptionalValues("lienthong.agencies", String.class).orElse(List.of()).stream()
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    static SSLContextParameters build(AgencyTlsSettings settings) {
        SSLContextParameters p = new SSLContextParameters();
        p.setSecureSocketProtocol("TLS");
        SecureSocketProtocolsParameters protocols = new SecureSocketProtocolsParameters();
        protocols.setSecureSocketProtocol(AgencyTlsSettings.PROTOCOLS);
        p.setSecureSocketProtocols(protocols);
        settings.truststore().ifPresent(t -> {
            TrustManagersParameters trust = new TrustManagersParameters();
            trust.setKeyStore(loaded(t.load()));
            p.setTrustManagers(trust);
        });
        settings.keystore().ifPresent(k -> {
            KeyStore store = k.load();
            String alias = settings.keyAlias().orElse(null);
            requireKeyEntry(k, store, alias, settings.agencyId());
            KeyManagersParameters keys = new KeyManagersParameters();
            keys.setKeyStore(loaded(store));
            keys.setKeyPassword(k.password());
            p.setKeyManagers(keys);
            p.setCertAlias(alias);
        });
        try {
            p.createSSLContext(null); // the key password is only checked here
        } catch (GeneralSecurityException | IOException e) {
            String key = settings.keystore().map(k -> k.key() + "-password").orElse(AgencyTlsSettings.GLOBAL_TRUSTSTORE);
            throw new AgencyTlsException("cannot set up TLS for " + settings.agencyId() + " (check " + key + "): "
                    + e.getMessage(), e);
        }
        return p;
    }

    private static void requireKeyEntry(TlsStore k, KeyStore store, String alias, String agencyId) {
        try {
            List<String> keys = Collections.list(store.aliases()).stream().filter(a -> isKey(store, a)).toList();
            if (alias == null ? keys.isEmpty() : !store.isKeyEntry(alias)) {
                String aliasKey = "lienthong.agency." + agencyId + ".keystore-alias";
                throw new AgencyTlsException(k + ": no private key" + (alias == null ? "" : " under " + aliasKey + "=" + alias)
                        + "; its keys are " + keys, null);
            }
        } catch (KeyStoreException e) {
            throw new AgencyTlsException(k + ": " + e.getMessage(), e);
        }
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (KeyStoreException e) {
            return false;
        }
    }

    private static KeyStoreParameters loaded(KeyStore store) {
        KeyStoreParameters p = new KeyStoreParameters();
        p.setKeyStore(store);
        return p;
    }
}
