package vn.lienthong.gateway.sandbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Deterministic identifiers: the same request id always gives the same numbers. */
public final class SandboxNumbers {

    private SandboxNumbers() {
    }

    /** {@code length} decimal digits derived from SHA-256 of the seed. */
    public static String digits(String seed, int length) {
        byte[] h = sha256(seed);
        StringBuilder s = new StringBuilder();
        for (int i = 0; s.length() < length; i++) {
            s.append(Math.floorMod(h[i % h.length] + i * 7, 10));
        }
        return s.toString();
    }

    static int hash(String seed) {
        return ByteBuffer.wrap(sha256(seed)).getInt();
    }

    private static byte[] sha256(String seed) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
