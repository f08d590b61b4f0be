package vn.lienthong.gateway.domain.certificate;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A certificate the gateway's DEMO PKI issued: to an officer, an agency's seal, the gateway's seal
 * or one of the PKI's own services.
 *
 * @param serial           the serial number in lower-case hexadecimal
 * @param role             OFFICER, AGENCY_SEAL, GATEWAY_SEAL or SERVICE
 * @param holder           who holds the key: "agency/officer" for an officer, the agency code for a seal
 * @param subject          the certificate's subject (RFC 2253)
 * @param notBefore        start of validity
 * @param notAfter         end of validity
 * @param current          whether it is the holder's current certificate (a re-issue retires the old one)
 * @param revokedAt        when it was revoked, or null
 * @param revocationReason the RFC 5280 CRLReason code, or null when not revoked
 */
public record SigningCertificate(String serial, String role, String holder, String subject, OffsetDateTime notBefore,
                                 OffsetDateTime notAfter, boolean current, OffsetDateTime revokedAt,
                                 Integer revocationReason) {

    public static final String OFFICER = "OFFICER";

    public SigningCertificate {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(role, "role");
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    /** Why the gateway may not sign with it at {@code now}, or null when it may. */
    public String unusableAt(OffsetDateTime now) {
        if (revokedAt != null && !revokedAt.isAfter(now)) {
            return "certificate " + serial + " of " + holder + " was revoked at " + revokedAt + " ("
                    + RevocationReason.name(revocationReason) + ")";
        }
        if (now.isAfter(notAfter)) {
            return "certificate " + serial + " of " + holder + " expired at " + notAfter;
        }
        if (now.isBefore(notBefore)) {
            return "certificate " + serial + " of " + holder + " is valid only from " + notBefore;
        }
        return null;
    }
}
