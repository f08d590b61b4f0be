package vn.lienthong.signing.pki;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * One revoked certificate.
 *
 * @param issuer the issuing CA's subject (RFC 2253), so each CA's CRL lists only its own
 * @param serial the certificate's serial number
 * @param revokedAt when it stopped being valid
 * @param reason RFC 5280 CRLReason code (0 unspecified, 1 keyCompromise, 3 affiliationChanged, 4 superseded,
 *     5 cessationOfOperation)
 */
public record Revocation(String issuer, BigInteger serial, Instant revokedAt, int reason) {

    public static final int UNSPECIFIED = 0;
    public static final int KEY_COMPROMISE = 1;
    public static final int AFFILIATION_CHANGED = 3;
    public static final int SUPERSEDED = 4;
    public static final int CESSATION_OF_OPERATION = 5;

    public Revocation {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(revokedAt, "revokedAt");
        if (reason < 0 || reason > 10 || reason == 7) {
            throw new IllegalArgumentException("Not an RFC 5280 CRLReason: " + reason);
        }
    }

    public static Revocation of(java.security.cert.X509Certificate certificate, Instant at, int reason) {
        return new Revocation(certificate.getIssuerX500Principal().getName(), certificate.getSerialNumber(), at,
                reason);
    }
}
