package vn.lienthong.signing.pki;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * Which certificates the DEMO CAs issued and which are revoked: what CRLs and OCSP answers are
 * made from. The gateway backs it with its database; {@link MemoryRevocationRegistry} is the
 * in-process one.
 */
public interface RevocationRegistry {

    /** Records a certificate a CA issued (so OCSP can tell "good" from "unknown"). */
    void issued(X509Certificate certificate);

    /** Whether a certificate with this issuer and serial was issued. */
    boolean isIssued(String issuer, BigInteger serial);

    /** Records a revocation; revoking twice keeps the first. */
    void revoke(Revocation revocation);

    Optional<Revocation> find(String issuer, BigInteger serial);

    /** Every revocation by this CA, for its CRL. */
    List<Revocation> revokedBy(String issuer);
}
