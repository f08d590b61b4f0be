package vn.lienthong.gateway.domain.messagelog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/**
 * The canonical encoding of a record and its SHA-256. Every field is length-prefixed (4 bytes,
 * big-endian; -1 for null) in a fixed order after a version tag, so no two different records
 * encode alike, whatever their fields contain; the previous record's hash is the last field.
 */
public final class ChainHash {

    /** The "previous hash" of the very first record. */
    public static final String GENESIS = "0".repeat(64);
    private static final byte[] TAG = "lienthong-message-log/1".getBytes(StandardCharsets.US_ASCII);

    private ChainHash() {
    }

    public static String of(long id, MessageKind kind, String agencyId, String messageId, String dossierCode,
                            Integer httpStatus, String headers, String body, Instant loggedAt, String previousHash) {
        MessageDigest sha = sha256();
        sha.update(TAG);
        field(sha, Long.toString(id));
        field(sha, kind.name());
        field(sha, agencyId);
        field(sha, messageId);
        field(sha, dossierCode);
        field(sha, httpStatus == null ? null : httpStatus.toString());
        field(sha, headers);
        field(sha, body);
        field(sha, loggedAt.toString());
        field(sha, previousHash);
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * The headers as one JSON object with sorted keys: what is stored, and so what is hashed.
     * Written here rather than by a JSON library so that its bytes never depend on one.
     */
    public static String headerText(Map<String, String> sortedHeaders) {
        StringBuilder json = new StringBuilder(64 + 48 * sortedHeaders.size()).append('{');
        boolean first = true;
        for (Map.Entry<String, String> e : sortedHeaders.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            quote(json, e.getKey());
            json.append(':');
            quote(json, e.getValue());
        }
        return json.append('}').toString();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static void field(MessageDigest sha, String value) {
        if (value == null) {
            sha.update(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        sha.update(bytes);
    }

    private static void quote(StringBuilder json, String s) {
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
