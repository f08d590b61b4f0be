package vn.lienthong.signing.ltv;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Where revocation data for a certificate comes from when a signature is extended to
 * PAdES-BASELINE-LT: in-process in demo mode ({@code pki.DemoRevocationSource}), the CA's own
 * URLs in production ({@link HttpRevocationSource}). An empty answer means "not available now",
 * never an exception: the caller falls back (OCSP → CRL) or stays at B-T.
 */
public interface RevocationSource {

    /** The DER of an OCSPResponse for {@code certificate}, or empty. */
    Optional<byte[]> ocsp(X509Certificate certificate, X509Certificate issuer);

    /** A CRL of {@code issuer} that covers {@code certificate}, or empty. */
    Optional<X509CRL> crl(X509Certificate certificate, X509Certificate issuer);
}
