package vn.lienthong.archive.audit;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.lienthong.signing.SigningException;
import vn.lienthong.signing.verify.Indication;
import vn.lienthong.signing.verify.RevocationMode;
import vn.lienthong.signing.verify.SignatureReport;
import vn.lienthong.signing.verify.SignatureVerifier;
import vn.lienthong.signing.verify.VerificationPolicy;
import vn.lienthong.signing.verify.VerificationReport;

/**
 * Whether an intact record's signatures are valid under the configured trust anchors: the signing
 * module's verifier, offline, deciding revocation from the validation data the document carries (a
 * signer revoked before its time-stamp fails; one revoked later does not). Nothing is fetched: an
 * archive audit must give the same answer tomorrow without the CA.
 */
public final class SignerTrust {
    private final SignatureVerifier verifier;
    private final int anchors;

    private SignerTrust(List<X509Certificate> anchors) {
        // WARN: a record still waiting for its validation data (B-T) is not untrusted for that; its
        // long-term update brings the data, and a record that has the data is judged by it.
        this.verifier = new SignatureVerifier(VerificationPolicy.of(anchors, List.of())
                .withRevocation(RevocationMode.WARN));
        this.anchors = anchors.size();
    }

    /** Trusts these certificates (the national root, or the DEMO root in demo mode); at least one. */
    public static SignerTrust anchoredAt(List<X509Certificate> anchors) {
        if (anchors.isEmpty()) {
            throw new IllegalArgumentException("no trust anchor: without one every signer would be untrusted");
        }
        return new SignerTrust(anchors);
    }

    /**
     * Empty when every signature and time-stamp of {@code signedPdf} is TOTAL_PASSED; otherwise, per
     * signature that is not, its signer and the reasons (ETSI sub-indications) with their detail.
     */
    public Optional<String> problems(Path signedPdf) {
        VerificationReport report;
        try {
            report = verifier.verifyPdf(signedPdf);
        } catch (SigningException e) {
            return Optional.of("the verifier could not read it: " + e.getMessage());
        }
        String problems = report.signatures().stream().filter(s -> s.indication() != Indication.TOTAL_PASSED)
                .map(SignerTrust::describe).collect(Collectors.joining("; "));
        return problems.isEmpty() ? Optional.empty() : Optional.of(problems);
    }

    private static String describe(SignatureReport s) {
        return "signature " + s.index() + " (" + s.signer().orElse("no signer certificate") + ") " + s.indication()
                + ": " + s.findings().stream().filter(f -> f.reason().indication() != null)
                .map(f -> f.reason() + " " + f.reason().en() + (f.detail().isEmpty() ? "" : " (" + f.detail() + ")"))
                .collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return anchors + " trust anchor(s)";
    }
}
