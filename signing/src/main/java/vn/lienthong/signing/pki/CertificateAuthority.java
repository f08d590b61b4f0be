package vn.lienthong.signing.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/** A DEMO CA's key and certificate; the key signs certificates, CRLs and nothing else. */
public record CertificateAuthority(PrivateKey key, X509Certificate certificate) {

    public CertificateAuthority {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(certificate, "certificate");
    }
}
