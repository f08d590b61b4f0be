package vn.lienthong.signing.verify;

import java.util.List;

/**
 * The result of verifying one document: one {@link SignatureReport} per signature, and its JSON form.
 *
 * @param document the file name shown to people
 * @param kind CMS detached, CMS enveloping or PDF
 * @param signatures one report per signature
 * @param provider which provider verified the signature values
 */
public record VerificationReport(String document, DocumentKind kind, List<SignatureReport> signatures,
        String provider) {

    public VerificationReport {
        signatures = List.copyOf(signatures);
    }

    /** The worst indication over all signatures; a document without signatures is TOTAL_FAILED. */
    public Indication indication() {
        if (signatures.isEmpty()) {
            return Indication.TOTAL_FAILED;
        }
        Indication worst = Indication.TOTAL_PASSED;
        for (SignatureReport s : signatures) {
            worst = worst.worst(s.indication());
        }
        return worst;
    }

    public boolean passed() {
        return indication() == Indication.TOTAL_PASSED;
    }

    public String toJson() {
        return ReportJson.write(this);
    }

    /** Plain text for people, Vietnamese first. */
    public String toText() {
        return ReportJson.text(this);
    }
}
