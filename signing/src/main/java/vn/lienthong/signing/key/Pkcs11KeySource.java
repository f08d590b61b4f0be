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
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
    /** False for a key of a {@link Token}: the login is the token's, shared by its other keys. */
    private final boolean ownsLogin;

    private Pkcs11KeySource(Provider provider, PrivateKey key, List<X509Certificate> chain, boolean ownsLogin) {
        this.provider = provider;
        this.key = key;
        this.chain = chain;
        this.ownsLogin = ownsLogin;
    }

    /**
     * One token, logged in once, holding many keys (one per officer): PKCS#11 login is per token and
     * process, so one key's logout would log out the others; the token's close does it once.
     */
    public static final class Token implements AutoCloseable {
        private final Provider provider;
        private final KeyStore store;

        private Token(Provider provider, KeyStore store) {
            this.provider = provider;
            this.store = store;
        }

        /** The key {@code alias} of this token with its certificate chain, sharing the token's login. */
        public synchronized Pkcs11KeySource key(String alias) {
            try {
                return keyOf(provider, store, alias, false);
            } catch (GeneralSecurityException | ProviderException e) {
                throw new KeyAccessException("Cannot use the token: " + rootMessage(e), e);
            }
        }

        /**
         * The certificate chain of every key on the token (each certificate once), read through this
         * token's login: what an expiry watch needs, without a second login that would disturb the keys'.
         */
        public synchronized List<X509Certificate> certificates() {
            try {
                Set<X509Certificate> out = new LinkedHashSet<>();
                for (String alias : Collections.list(store.aliases())) {
                    if (store.isKeyEntry(alias) && store.getCertificateChain(alias) != null) {
                        out.addAll(Pkcs12KeySource.chainOf(store, alias, "token"));
                    }
                }
                return List.copyOf(out);
            } catch (GeneralSecurityException | ProviderException e) {
                throw new KeyAccessException("Cannot read the token's certificates: " + rootMessage(e), e);
            }
        }

        @Override
        public void close() {
            logout(provider);
        }
    }

    /** Opens and logs in to the token described by a SunPKCS11 configuration file, for keys by alias. */
    public static Token token(Path configFile, char[] pin) {
        Provider provider = provider(configFile);
        try {
            return new Token(provider, login(provider, pin));
        } catch (java.io.IOException e) {
            throw new KeyAccessException("Token login failed (wrong PIN?): " + rootMessage(e), e);
        } catch (GeneralSecurityException | ProviderException e) {
            throw new KeyAccessException("Cannot use the token: " + rootMessage(e), e);
        }
    }

    /**
     * Opens the token described by a SunPKCS11 configuration file (name, library, slot).
     * {@code alias} may be null to take the first key that has a certificate.
     */
    public static Pkcs11KeySource open(Path configFile, char[] pin, String alias) {
        Provider provider = provider(configFile);
        try {
            KeyStore store = login(provider, pin);
            return keyOf(provider, store, alias != null ? alias : Pkcs12KeySource.firstKeyAlias(store, "token"), true);
        } catch (java.io.IOException e) {
            throw new KeyAccessException("Token login failed (wrong PIN?): " + rootMessage(e), e);
        } catch (GeneralSecurityException | ProviderException e) {
            throw new KeyAccessException("Cannot use the token: " + rootMessage(e), e);
        }
    }

    private static Provider provider(Path configFile) {
        if (!Files.isReadable(configFile)) {
            throw new KeyAccessException("PKCS#11 config not readable: " + configFile);
        }
        try {
            Provider base = Security.getProvider("SunPKCS11");
            if (base == null) {
                throw new KeyAccessException("This JDK has no SunPKCS11 provider");
            }
            return base.configure(configFile.toString());
        } catch (ProviderException | IllegalArgumentException | UnsupportedOperationException e) {
            throw new KeyAccessException("Cannot load PKCS#11 module from " + configFile + ": "
                    + rootMessage(e), e);
        }
    }

    private static KeyStore login(Provider provider, char[] pin) throws java.io.IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS11", provider);
        store.load(null, pin);
        return store;
    }

    private static Pkcs11KeySource keyOf(Provider provider, KeyStore store, String alias, boolean ownsLogin)
            throws GeneralSecurityException {
        Key key = store.getKey(alias, null);
        if (!(key instanceof PrivateKey privateKey)) {
            throw new KeyAccessException("No private key with alias '" + alias + "' on the token");
        }
        return new Pkcs11KeySource(provider, privateKey, Pkcs12KeySource.chainOf(store, alias, "token"), ownsLogin);
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
        if (ownsLogin) {
            logout(provider);
        }
    }

    private static void logout(Provider provider) {
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
