package vn.lienthong.gateway.domain.certificate;

import java.util.List;

/**
 * The officers' signing certificates of the gateway's DEMO PKI, for administrators: list them,
 * revoke one, issue an officer a new key and certificate. Exists only in demo mode: a province's
 * real CA revokes and issues its certificates itself.
 */
public interface SigningCertificates {

    /** Whether the DEMO PKI runs here (demo mode). */
    boolean available();

    /** Every officer certificate, current and retired, newest first. */
    List<SigningCertificate> officers();

    /**
     * Revokes a certificate now; the next CRL lists it and OCSP answers "revoked". Revoking twice keeps the first.
     *
     * @throws CertificateNotFoundException when no certificate of the DEMO PKI has this serial
     */
    SigningCertificate revoke(String serial, RevocationReason reason);

    /** A new key and certificate for the officer, which becomes the one their papers are signed with. */
    SigningCertificate issueOfficer(String officerId, String agencyCode);
}
