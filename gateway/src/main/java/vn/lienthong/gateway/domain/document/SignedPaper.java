package vn.lienthong.gateway.domain.document;

import java.util.Objects;

/**
 * What the paper mill states about a paper it has just signed: the SHA-256 of the bytes written, their
 * pages, their signatures and the last signer's subject (RFC 2253). The archive keeps the paper on this
 * statement once the bytes it stored hash to {@code sha256}, instead of checking the signatures again.
 */
public record SignedPaper(String sha256, int pages, int signatures, String signer) {
    public SignedPaper {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(signer, "signer");
    }
}
