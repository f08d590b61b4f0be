package vn.lienthong.archive;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the code that has just signed a PDF, in this process, states about it: the SHA-256 of the
 * bytes it wrote, their pages, how many signatures they carry and who signed last. A deposit with a
 * statement checks only that the bytes it stored hash to {@code sha256} (so the bytes kept are the
 * bytes signed) instead of parsing the PDF and verifying every signature again; fixity audits and
 * {@link Archive#verify} still check them. Never built from what a caller outside the gateway sends.
 *
 * @param sha256     lower-case hex SHA-256 of the whole file as signed
 * @param pages      its pages
 * @param signatures its signatures (document time-stamps included)
 * @param signer     the last signer's subject (RFC 2253), as a signature check would name it
 */
public record SignerStatement(String sha256, int pages, int signatures, String signer) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public SignerStatement {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(signer, "signer");
        if (!HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits: " + sha256);
        }
        if (pages < 1 || signatures < 1) {
            throw new IllegalArgumentException("A signed PDF has pages and signatures: " + pages + ", " + signatures);
        }
    }
}
