package vn.lienthong.archive.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** One line of the ledger; {@code hash} is the SHA-256 of the line up to it, including {@code previousHash}. */
public record LedgerEntry(long seq, Instant time, LedgerEvent event, String recordId, String blobHash,
                          String actor, String detail, String previousHash, String hash) {

    static final String GENESIS = "0".repeat(64);

    /** The bytes the hash covers: every field but the hash, tab-separated. */
    static byte[] hashedPart(long seq, Instant time, LedgerEvent event, String recordId, String blobHash,
                             String actor, String detail, String previousHash) {
        String text = seq + "\t" + time + "\t" + event + "\t" + field(recordId) + "\t" + field(blobHash) + "\t"
                + field(actor) + "\t" + field(detail) + "\t" + previousHash;
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Fields are escaped so that tabs and newlines cannot forge extra columns or lines. */
    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "-";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '%' -> out.append("%25");
                case '\t' -> out.append("%09");
                case '\n' -> out.append("%0A");
                case '\r' -> out.append("%0D");
                default -> out.append(c);
            }
        }
        return out.toString().equals("-") ? "%2D" : out.toString();
    }

    static String unfield(String value) {
        if (value.equals("-")) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length()) {
                out.append((char) Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
