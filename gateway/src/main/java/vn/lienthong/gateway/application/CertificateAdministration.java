package vn.lienthong.gateway.application;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.lienthong.gateway.domain.certificate.CertificateNotFoundException;
import vn.lienthong.gateway.domain.certificate.RevocationReason;
import vn.lienthong.gateway.domain.certificate.SigningCertificate;
import vn.lienthong.gateway.domain.certificate.SigningCertificates;
import vn.lienthong.gateway.domain.dossier.InvalidDossierException;

/**
 * The officers' DEMO signing certificates for administrators: which exist, revoking one (the
 * gateway then refuses to sign with it), issuing an officer a new one. Demo mode only (404
 * otherwise); every change is a line of the audit trail, as every POST is.
 */
@ApplicationScoped
public class CertificateAdministration {

    @Inject
    SigningCertificates certificates;

    public List<SigningCertificate> officers() {
        requireDemo();
        return certificates.officers();
    }

    public SigningCertificate revoke(String serial, String reason) {
        requireDemo();
        RevocationReason why = reason == null || reason.isBlank() ? RevocationReason.UNSPECIFIED
                : RevocationReason.parse(reason).orElseThrow(() -> new InvalidDossierException("reason",
                        "Lý do thu hồi không hợp lệ; dùng một trong: " + names(),
                        "Unknown revocation reason; use one of: " + names()));
        return certificates.revoke(serial, why);
    }

    public SigningCertificate issueOfficer(String officerId, String agencyCode) {
        requireDemo();
        if (officerId == null || officerId.isBlank() || agencyCode == null || agencyCode.isBlank()) {
            throw new InvalidDossierException("officerId", "Cần mã cán bộ (officerId) và mã đơn vị (agencyCode)",
                    "officerId and agencyCode are both required");
        }
        return certificates.issueOfficer(officerId.trim(), agencyCode.trim());
    }

    private void requireDemo() {
        if (!certificates.available()) {
            throw CertificateNotFoundException.pkiOff();
        }
    }

    private static String names() {
        return String.join(", ", java.util.Arrays.stream(RevocationReason.values())
                .map(r -> r.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).toList());
    }
}
