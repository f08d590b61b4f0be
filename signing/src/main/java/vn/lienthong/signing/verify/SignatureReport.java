package vn.lienthong.signing.verify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The validation of one signature.
 *
 * @param index 1-based position (in PDF revision order for PDFs)
 * @param name the PDF signature field name, or "signer-N" for CMS
 * @param indication TOTAL_PASSED, INDETERMINATE or TOTAL_FAILED
 * @param findings the reasons (those with an indication explain it; the rest are warnings)
 * @param signer the signer certificate subject, or empty when not found
 * @param algorithm e.g. "rsa-pss/SHA-256"
 * @param level e.g. "PAdES-BASELINE-T"
 * @param claimedSigningTime signing-time attribute or PDF /M
 * @param timestampTime the signature time-stamp's genTime, when there is a valid one
 * @param coverage for PDFs, what the ByteRange covers
 */
public record SignatureReport(int index, String name, Indication indication, List<Finding> findings,
        Optional<String> signer, String algorithm, String level, Optional<Instant> claimedSigningTime,
        Optional<Instant> timestampTime, Optional<PdfCoverage> coverage) {

    public SignatureReport {
        findings = List.copyOf(findings);
    }

    public boolean has(Reason reason) {
        return findings.stream().anyMatch(f -> f.reason() == reason);
    }

    /** The reasons that set the indication (empty when TOTAL_PASSED). */
    public List<Reason> subIndications() {
        return findings.stream().map(Finding::reason).filter(r -> r.indication() != null).toList();
    }
}
