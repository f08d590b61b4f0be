package vn.lienthong.archive.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import vn.lienthong.archive.BadInputException;
import vn.lienthong.archive.ArchiveException;

/** A SHA-256 digest in lowercase hex; the address of a blob. */
public record Sha256(String hex) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public Sha256 {
        if (hex == null || !HEX.matcher(hex).matches()) {
            throw new BadInputException("Not a SHA-256 hex digest: " + hex);
        }
    }

    public static Sha256 of(byte[] digest) {
        return new Sha256(HexFormat.of().formatHex(digest));
    }

    public static Sha256 ofBytes(byte[] data) {
        return of(newDigest().digest(data));
    }

    /** The JDK's digest on purpose: it uses SHA-NI where BouncyCastle's pure Java one is ~8x slower. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new ArchiveException("The JDK offers no SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return hex;
    }
}
