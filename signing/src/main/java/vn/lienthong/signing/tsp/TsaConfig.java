package vn.lienthong.signing.tsp;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import vn.lienthong.signing.DigestAlgorithm;

/**
 * Where and how to ask a time-stamp authority.
 *
 * @param url the TSA's HTTP(S) endpoint
 * @param timeout connect and response timeout
 * @param username optional HTTP Basic user
 * @param password optional HTTP Basic password
 * @param policyOid optional TSA policy to request
 * @param digest the imprint digest
 */
public record TsaConfig(URI url, Duration timeout, Optional<String> username, Optional<String> password,
        Optional<String> policyOid, DigestAlgorithm digest) {

    public TsaConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(digest, "digest");
        username = username == null ? Optional.empty() : username;
        password = password == null ? Optional.empty() : password;
        policyOid = policyOid == null ? Optional.empty() : policyOid;
    }

    /** Anonymous TSA, 10 s timeout, SHA-256 imprint. */
    public static TsaConfig of(URI url) {
        return new TsaConfig(url, Duration.ofSeconds(10), Optional.empty(), Optional.empty(), Optional.empty(),
                DigestAlgorithm.SHA256);
    }

    public TsaConfig withCredentials(String user, String pass) {
        return new TsaConfig(url, timeout, Optional.of(user), Optional.of(pass), policyOid, digest);
    }

    public TsaConfig withTimeout(Duration newTimeout) {
        return new TsaConfig(url, newTimeout, username, password, policyOid, digest);
    }
}
