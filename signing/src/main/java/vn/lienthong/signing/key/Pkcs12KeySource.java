package vn.lienthong.signing.key;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import vn.lienthong.signing.KeyAccessException;
import vn.lienthong.signing.SignatureSpec;

/** A software key in a PKCS#12 file; signs with ACCP when available, else with the JDK. */
public final class Pkcs12KeySource implements KeySource {
    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final Optional<Provider> provider;

    private Pkcs12KeySource(PrivateKey key, List<X509Certificate> chain, Optional<Provider> provider) {
        this.key = provider.map(p -> nativeKey(key, p)).orElse(key);
        this.chain = chain;
        this.provider = provider;
    }

    /** Opens the file; {@code alias} may be null to take the only (or first) key entry. */
    public static Pkcs12KeySource open(Path file, char[] password, String alias) {
        return open(file, password, alias, ProviderPreference.NATIVE_IF_AVAILABLE);
    }

    public static Pkcs12KeySource open(Path file, char[] password, String alias, ProviderPreference preference) {
        KeyStore store;
        try (InputStream in = Files.newInputStream(file)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
        } catch (NoSuchFileException e) {
            throw new KeyAccessException("Keystore not found: " + file);
        } catch (IOException e) {
            throw new KeyAccessException("Cannot read keystore " + file
                    + " (wrong --storepass or not a PKCS#12 file): " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new KeyAccessException("Cannot open keystore " + file + ": " + e.getMessage(), e);
        }
        return fromKeyStore(store, password, alias, preference, file.toString());
    }

    /** Wraps a software key already in memory (for example one issued by {@link TrialPki}). */
    public static Pkcs12KeySource ofKey(PrivateKey key, List<X509Certificate> chain, ProviderPreference preference) {
        if (chain.isEmpty()) {
            throw new KeyAccessException("A key source needs at least the signer certificate");
        }
        return new Pkcs12KeySource(key, List.copyOf(chain), SigningProviders.forPreference(preference));
    }

    /** Takes a key entry from an already loaded key store (PKCS#12 or JKS). */
    public static Pkcs12KeySource fromKeyStore(KeyStore store, char[] password, String alias,
            ProviderPreference preference, String origin) {
        try {
            String chosen = alias != null ? alias : firstKeyAlias(store, origin);
            Key key = store.getKey(chosen, password);
            if (!(key instanceof PrivateKey privateKey)) {
                throw new KeyAccessException("No private key under alias '" + chosen + "' in " + origin);
            }
            return new Pkcs12KeySource(privateKey, chainOf(store, chosen, origin),
                    SigningProviders.forPreference(preference));
        } catch (GeneralSecurityException e) {
            throw new KeyAccessException("Cannot read key from " + origin + ": " + e.getMessage(), e);
        }
    }

    static String firstKeyAlias(KeyStore store, String origin) throws GeneralSecurityException {
        for (String a : Collections.list(store.aliases())) {
            if (store.isKeyEntry(a)) {
                return a;
            }
        }
        throw new KeyAccessException("No key entry in " + origin);
    }

    static List<X509Certificate> chainOf(KeyStore store, String alias, String origin)
            throws GeneralSecurityException {
        Certificate[] certs = store.getCertificateChain(alias);
        if (certs == null || certs.length == 0) {
            throw new KeyAccessException("Alias '" + alias + "' in " + origin + " has no certificate chain");
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate c : certs) {
            chain.add((X509Certificate) c);
        }
        return List.copyOf(chain);
    }

    /**
     * Converts the key to the native provider's own class once. Handing ACCP a JDK key object makes
     * it re-import (and re-check) the key on every signature, which costs more than the RSA operation.
     */
    private static PrivateKey nativeKey(PrivateKey key, Provider provider) {
        try {
            return (PrivateKey) KeyFactory.getInstance(key.getAlgorithm(), provider).translateKey(key);
        } catch (GeneralSecurityException | ClassCastException e) {
            // The provider signs with the key as given; only slower.
            return key;
        }
    }

    @Override
    public List<X509Certificate> certificateChain() {
        return chain;
    }

    @Override
    public byte[] sign(byte[] dataToSign, SignatureSpec spec) {
        return JcaSigning.sign(key, provider.orElse(null), dataToSign, spec);
    }

    @Override
    public String providerDescription() {
        return SigningProviders.describe(provider);
    }

    @Override
    public void close() {
        // Nothing to release: a software key is only garbage once unreferenced.
    }
}
