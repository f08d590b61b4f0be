package vn.lienthong.signing.key;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.security.auth.login.LoginException;
import vn.lienthong.signing.KeyAccessException;
import vn.lienthong.signing.SignatureSpec;

/**
 * A key on a PKCS#11 token or HSM, reached through the JDK's SunPKCS11. The private key is a
 * handle: every signature is computed on the token, the key material never enters the JVM.
 */
public final class Pkcs11KeySource implements KeySource {
    private static final Logger LOG = Logger.getLogger(Pkcs11KeySource.class.getName());
    private final Provider provider;
    private final PrivateKey key;
    private final List<X509Certificate> chain;

    private Pkcs11KeySource(Provider provider, PrivateKey key, List<X509Certificate> chain) {
        this.provider = provider;
        this.key = key;
        this.chain = chain;
    }

    /**
     * Opens the token described by a SunPKCS11 configuration file (name, library, slot).
     * {@code alias} may be null to take the first key that has a certificate.
     */
    public static Pkcs11KeySource open(Path configFile, char[] pin, String alias) {
        if (!Files.isReadable(configFile)) {
            throw new KeyAccessException("PKCS#11 config not readable: " + configFile);
        }
        Provider provider;
        try {
            Provider base = Security.getProvider("SunPKCS11");
            if (base == null) {
                throw new KeyAccessException("This JDK has no SunPKCS11 provider");
            }
            provider = base.configure(configFile.toString());
        } catch (ProviderException | IllegalArgumentException | UnsupportedOperationException e) {
            throw new KeyAccessException("Cannot load PKCS#11 module from " + configFile + ": "
                    + rootMessage(e), e);
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, pin);
            String chosen = alias != null ? alias : Pkcs12KeySource.firstKeyAlias(store, "token");
            Key key = store.getKey(chosen, null);
            if (!(key instanceof PrivateKey privateKey)) {
                throw new KeyAccessException("No private key with alias '" + chosen + "' on the token");
            }
            return new Pkcs11KeySource(provider, privateKey, Pkcs12KeySource.chainOf(store, chosen, "token"));
        } catch (java.io.IOException e) {
            throw new KeyAccessException("Token login failed (wrong PIN?): " + rootMessage(e), e);
        } catch (GeneralSecurityException | ProviderException e) {
            throw new KeyAccessException("Cannot use the token: " + rootMessage(e), e);
        }
    }

    @Override
    public List<X509Certificate> certificateChain() {
        return chain;
    }

    @Override
    public byte[] sign(byte[] dataToSign, SignatureSpec spec) {
        try {
            return JcaSigning.sign(key, provider, dataToSign, spec);
        } catch (ProviderException e) {
            throw new KeyAccessException("The token refused to sign with " + spec + ": " + rootMessage(e), e);
        }
    }

    @Override
    public String providerDescription() {
        return provider.getName() + " (PKCS#11 token)";
    }

    @Override
    public void close() {
        if (provider instanceof AuthProvider auth) {
            try {
                auth.logout();
            } catch (LoginException e) {
                // The token may already be gone (unplugged); there is nothing left to release.
                LOG.log(Level.FINE, "PKCS#11 logout failed: {0}", e.toString());
            }
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c == t ? String.valueOf(t.getMessage()) : t.getMessage() + " (" + c + ")";
    }
}
