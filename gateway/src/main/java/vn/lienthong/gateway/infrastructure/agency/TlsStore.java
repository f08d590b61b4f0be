package vn.lienthong.gateway.infrastructure.agency;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.UnrecoverableKeyException;

/**
 * A key or trust store file as configuration names it: {@code key} is the configuration key of
 * its path (its password and type keys are {@code key-password}, {@code key-type}), so every
 * error tells the operator which line to fix. An empty type means "detect PKCS12 or JKS".
 */
public record TlsStore(String key, Path path, String password, String type) {

    /** Loads the store; failures name the key, the file and what is wrong with it. */
    public KeyStore load() {
        if (!Files.isRegularFile(path)) {
            throw new AgencyTlsException(key + "=" + path + ": file not found (không tìm thấy tệp)", null);
        }
        if (!Files.isReadable(path)) {
            throw new AgencyTlsException(key + "=" + path + ": file not readable by the gateway's user", null);
        }
        char[] secret = password == null ? null : password.toCharArray();
        try {
            if (type == null || type.isBlank()) {
                return KeyStore.getInstance(path.toFile(), secret);
            }
            KeyStore store = KeyStore.getInstance(type);
            try (InputStream in = Files.newInputStream(path)) {
                store.load(in, secret);
            }
            return store;
        } catch (KeyStoreException e) {
            throw new AgencyTlsException(key + "=" + path + ": not a " + (type == null || type.isBlank() ? "PKCS12 or JKS" : type)
                    + " key store (" + key + "-type): " + e.getMessage(), e);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new AgencyTlsException(key + "=" + path + ": wrong password (" + key + "-password)", e);
            }
            throw new AgencyTlsException(key + "=" + path + ": cannot be read as a key store (" + key + "-type, "
                    + key + "-password): " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new AgencyTlsException(key + "=" + path + ": " + e.getMessage(), e);
        }
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return key + "=" + path + (type == null || type.isBlank() ? "" : " (" + type + ")");
    }
}
