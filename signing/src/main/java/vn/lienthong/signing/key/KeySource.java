package vn.lienthong.signing.key;

import java.security.cert.X509Certificate;
import java.util.List;
import vn.lienthong.signing.SignatureAlgorithm;
import vn.lienthong.signing.SignatureSpec;

/**
 * Holds one private key and its certificate chain, and signs data-to-sign with it.
 * The key never leaves: callers hand bytes in and get a signature value back.
 */
public interface KeySource extends AutoCloseable {

    /** The certificate chain, signer first, then issuers up to (and possibly including) the root. */
    List<X509Certificate> certificateChain();

    /** Signs {@code dataToSign} (the DER of the CMS signed attributes) and returns the raw signature value. */
    byte[] sign(byte[] dataToSign, SignatureSpec spec);

    /** Which provider performs the private-key operation, for logs and reports. */
    String providerDescription();

    default X509Certificate signerCertificate() {
        return certificateChain().get(0);
    }

    /** RSASSA-PSS for RSA keys, ECDSA for EC keys. */
    default SignatureAlgorithm defaultAlgorithm() {
        return SignatureAlgorithm.defaultFor(signerCertificate().getPublicKey().getAlgorithm());
    }

    /** Releases the token session or forgets the key; never throws a checked exception. */
    @Override
    void close();
}
