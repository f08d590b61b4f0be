package vn.lienthong.signing;

import java.util.Locale;

/** The signature schemes this module produces: RSASSA-PSS (default for RSA), RSA PKCS#1 v1.5, ECDSA. */
public enum SignatureAlgorithm {
    RSA_PSS("rsa-pss", "RSA"),
    RSA_PKCS1("rsa", "RSA"),
    ECDSA("ecdsa", "EC");

    private final String cliName;
    private final String keyAlgorithm;

    SignatureAlgorithm(String cliName, String keyAlgorithm) {
        this.cliName = cliName;
        this.keyAlgorithm = keyAlgorithm;
    }

    public String cliName() {
        return cliName;
    }

    /** The JCA key algorithm this scheme needs: "RSA" or "EC". */
    public String keyAlgorithm() {
        return keyAlgorithm;
    }

    /** The default scheme for a key: PSS for RSA as the Circular asks, ECDSA for EC. */
    public static SignatureAlgorithm defaultFor(String keyAlgorithm) {
        return "EC".equalsIgnoreCase(keyAlgorithm) ? ECDSA : RSA_PSS;
    }

    public static SignatureAlgorithm parse(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        for (SignatureAlgorithm a : values()) {
            if (a.cliName.equals(t)) {
                return a;
            }
        }
        throw new IllegalArgumentException("Unknown algorithm '" + text + "'; use rsa-pss, rsa or ecdsa");
    }
}
