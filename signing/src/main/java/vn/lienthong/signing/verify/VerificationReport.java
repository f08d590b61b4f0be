package vn.lienthong.signing.verify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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

    /** One link of a document's chain of time-stamps. */
    public record TimestampLink(int index, String name, boolean documentTimestamp, Instant time) {
    }

    /**
     * Every valid time-stamp, oldest first: the signatures' time-stamps, then the document
     * time-stamps of PAdES-BASELINE-LTA, each over everything before it (renewals add links).
     */
    public List<TimestampLink> timestampChain() {
        List<TimestampLink> chain = new ArrayList<>();
        for (SignatureReport s : signatures) {
            s.timestampTime().ifPresent(t -> chain.add(new TimestampLink(s.index(), s.name(),
                    SignerCheck.DOCUMENT_TIMESTAMP.equals(s.level()), t)));
        }
        chain.sort(Comparator.comparing(TimestampLink::time));
        return List.copyOf(chain);
    }

    public String toJson() {
        return ReportJson.write(this);
    }

    /** Plain text for people, Vietnamese first. */
    public String toText() {
        return ReportJson.text(this);
    }
}
