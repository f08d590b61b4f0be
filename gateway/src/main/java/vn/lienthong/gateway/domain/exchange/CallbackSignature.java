package vn.lienthong.gateway.domain.exchange;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature an agency puts on a callback when it has no client certificate: HMAC-SHA256 over
 * {@code "<timestamp>.<body>"} with the agency's shared secret, sent as {@code X-LienThong-Timestamp}
 * (epoch seconds) and {@code X-LienThong-Signature: sha256=<hex>}.
 */
public final class CallbackSignature {

    public static final String TIMESTAMP_HEADER = "X-LienThong-Timestamp";
    public static final String SIGNATURE_HEADER = "X-LienThong-Signature";
    private static final String SCHEME = "sha256=";

    private CallbackSignature() {
    }

    /** The MAC of {@code body} sent at {@code epochSeconds}, keyed with the agency's {@code secret}. */
    public static byte[] mac(byte[] secret, long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((epochSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The signature header's value for a MAC. */
    public static String header(byte[] mac) {
        return SCHEME + HexFormat.of().formatHex(mac);
    }

    /** The MAC a signature header presents; empty when the header is not {@code sha256=<hex>}. */
    public static Optional<byte[]> presented(String header) {
        if (header == null || !header.startsWith(SCHEME)) {
            return Optional.empty();
        }
        try {
            return Optional.of(HexFormat.of().parseHex(header.substring(SCHEME.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
