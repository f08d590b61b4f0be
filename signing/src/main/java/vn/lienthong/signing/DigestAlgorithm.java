package vn.lienthong.signing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/** The digests Circular 15/2025/TT-BKHCN allows for signatures. */
public enum DigestAlgorithm {
    SHA256("SHA-256", "2.16.840.1.101.3.4.2.1", 32),
    SHA384("SHA-384", "2.16.840.1.101.3.4.2.2", 48),
    SHA512("SHA-512", "2.16.840.1.101.3.4.2.3", 64);

    private final String jcaName;
    private final String oid;
    private final int length;

    DigestAlgorithm(String jcaName, String oid, int length) {
        this.jcaName = jcaName;
        this.oid = oid;
        this.length = length;
    }

    public String jcaName() {
        return jcaName;
    }

    public String oid() {
        return oid;
    }

    public int length() {
        return length;
    }

    /** The name without the dash, as used in JCA signature names ("SHA256withRSA"). */
    public String shortName() {
        return name();
    }

    /** A fresh digest from the JDK's providers, which use SHA-NI where the CPU has it. */
    public MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new SignatureCreationException("JDK lacks " + jcaName, e);
        }
    }

    public static DigestAlgorithm fromOid(String oid) {
        for (DigestAlgorithm d : values()) {
            if (d.oid.equals(oid)) {
                return d;
            }
        }
        throw new MalformedInputException("Unsupported digest algorithm OID " + oid);
    }

    /** Accepts "sha256", "SHA-256", "sha-384" and the like. */
    public static DigestAlgorithm parse(String text) {
        String t = text.toUpperCase(Locale.ROOT).replace("-", "");
        for (DigestAlgorithm d : values()) {
            if (d.name().equals(t)) {
                return d;
            }
        }
        throw new IllegalArgumentException("Unknown digest '" + text + "'; use sha256, sha384 or sha512");
    }
}
