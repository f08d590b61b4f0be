package vn.lienthong.gateway.domain.messagelog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Where the chain starts after a retention purge: the id and hash of the last purged record,
 * signed by the gateway. Verification starts from the newest anchor instead of from record 1.
 */
public record PurgeAnchor(long id, long lastPurgedId, String lastPurgedHash, Instant purgedAt, long recordsPurged,
                          byte[] signature, String signer) {

    public PurgeAnchor {
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    public byte[] signedContent() {
        return content(lastPurgedId, lastPurgedHash, purgedAt);
    }

    public static byte[] content(long lastPurgedId, String lastPurgedHash, Instant purgedAt) {
        return ("lienthong-message-log-anchor/1\n" + lastPurgedId + "\n" + lastPurgedHash + "\n" + purgedAt + "\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
