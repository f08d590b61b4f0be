package vn.lienthong.signing.ltv;

import java.util.List;

/**
 * What extending a PDF to PAdES-BASELINE-LT achieved. When revocation data was missing the
 * PDF is left unchanged at B-T and {@link #missing()} says why: queue an LT update for later.
 *
 * @param level "PAdES-BASELINE-LT" when the DSS dictionary was written, "PAdES-BASELINE-LTA" when a
 *              document time-stamp and its validation data followed, "PAdES-BASELINE-T" when not
 * @param certificates certificates written
 * @param ocspResponses OCSP responses written
 * @param crls CRLs written
 * @param missing why the level stayed at B-T (empty when LT)
 */
public record LongTermResult(String level, int certificates, int ocspResponses, int crls, List<String> missing) {
    public static final String LT = "PAdES-BASELINE-LT";
    public static final String T = "PAdES-BASELINE-T";
    public static final String LTA = "PAdES-BASELINE-LTA";

    public LongTermResult {
        missing = List.copyOf(missing);
    }

    public boolean longTerm() {
        return LT.equals(level) || LTA.equals(level);
    }
}
