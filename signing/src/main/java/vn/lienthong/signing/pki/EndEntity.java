package vn.lienthong.signing.pki;

import java.util.Objects;

/**
 * Who an end-entity certificate names. "DEMO" is always part of the common name so that no
 * DEMO certificate can pass for a real one.
 *
 * @param role what the certificate is for
 * @param commonName CN, containing "DEMO"
 * @param organisation O (the agency, or the gateway's operator)
 * @param identifier a stable id put in the subject's serialNumber attribute (officer id, agency code), may be empty
 */
public record EndEntity(PkiRole role, String commonName, String organisation, String identifier) {

    public EndEntity {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(commonName, "commonName");
        Objects.requireNonNull(organisation, "organisation");
        identifier = identifier == null ? "" : identifier;
        if (!commonName.contains("DEMO")) {
            commonName = commonName + " DEMO";
        }
    }

    /** An officer's certificate, named from the token's officer id and agency. */
    public static EndEntity officer(String officerId, String agency) {
        return new EndEntity(PkiRole.OFFICER, "Can bo " + officerId + " DEMO", agency, officerId);
    }

    /** An agency's seal. */
    public static EndEntity agencySeal(String agencyCode, String agency) {
        return new EndEntity(PkiRole.AGENCY_SEAL, agency + " DEMO", agency, agencyCode);
    }

    /** The gateway's seal. */
    public static EndEntity gatewaySeal(String organisation) {
        return new EndEntity(PkiRole.GATEWAY_SEAL, "Lien Thong gateway seal DEMO", organisation, "gateway");
    }

    public static EndEntity ocspResponder(String organisation) {
        return new EndEntity(PkiRole.OCSP_RESPONDER, "Lien Thong OCSP responder DEMO", organisation, "ocsp");
    }

    public static EndEntity tsa(String organisation) {
        return new EndEntity(PkiRole.TSA, "Lien Thong time-stamping authority DEMO", organisation, "tsa");
    }
}
