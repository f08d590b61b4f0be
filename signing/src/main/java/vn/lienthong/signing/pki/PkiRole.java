package vn.lienthong.signing.pki;

/** What an end-entity certificate of the DEMO PKI is for; decides its key usages. */
public enum PkiRole {
    /** One officer's personal signing certificate (nonRepudiation + digitalSignature). */
    OFFICER,
    /** An agency's seal (nonRepudiation + digitalSignature). */
    AGENCY_SEAL,
    /** The gateway's own seal: message log, scans, archive ledger heads. */
    GATEWAY_SEAL,
    /** Signs OCSP responses for the issuing CA (EKU OCSPSigning, id-pkix-ocsp-nocheck). */
    OCSP_RESPONDER,
    /** The RFC 3161 time-stamping unit (EKU timeStamping, critical). */
    TSA;

    boolean signsDocuments() {
        return this == OFFICER || this == AGENCY_SEAL || this == GATEWAY_SEAL;
    }
}
