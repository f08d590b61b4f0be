package vn.lienthong.archive.index;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.lienthong.archive.ArchiveException;

/**
 * Turns a citizen ID into a keyed hash (HMAC-SHA256 with the archive's salt) so the index can be
 * searched by it without ever holding it in clear (Decree 13/2023 on personal data).
 */
public final class CitizenIdHasher {
    private final SecretKeySpec key;

    public CitizenIdHasher(byte[] salt) {
        if (salt.length < 16) {
            throw new IllegalArgumentException("The citizen-ID salt must have at least 16 bytes");
        }
        this.key = new SecretKeySpec(salt.clone(), "HmacSHA256");
    }

    public String hash(String citizenId) {
        String normalized = citizenId.strip().replace(" ", "");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(normalized.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new ArchiveException("HMAC-SHA256 is not available", e);
        }
    }
}
