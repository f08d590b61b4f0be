package vn.lienthong.signing.ltv;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What a PDF's DSS dictionary carries for long-term validation.
 *
 * @param certificates every certificate needed to build and check the chains
 * @param ocspResponses DER of complete OCSPResponses
 * @param crls CRLs
 * @param missing for each certificate whose status could not be had, why (empty: complete)
 */
public record ValidationData(List<X509Certificate> certificates, List<byte[]> ocspResponses, List<X509CRL> crls,
        List<String> missing) {

    public ValidationData {
        certificates = List.copyOf(certificates);
        ocspResponses = List.copyOf(ocspResponses);
        crls = List.copyOf(crls);
        missing = List.copyOf(missing);
    }

    /** Whether every certificate that needs a status has one. */
    public boolean complete() {
        return missing.isEmpty();
    }
}
