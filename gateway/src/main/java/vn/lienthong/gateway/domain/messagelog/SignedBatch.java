package vn.lienthong.gateway.domain.messagelog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The gateway's signature over a run of records: a detached CMS over (first id, last id, last
 * hash). The last hash covers every record before it through the chain, so one signature vouches
 * for the whole run, as X-Road signs its message log in batches.
 */
public record SignedBatch(long id, long firstRecordId, long lastRecordId, String lastHash, Instant signedAt,
                          byte[] signature, String signer) {

    public SignedBatch {
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The bytes the signature is over. */
    public byte[] signedContent() {
        return content(firstRecordId, lastRecordId, lastHash);
    }

    public static byte[] content(long firstRecordId, long lastRecordId, String lastHash) {
        return ("lienthong-message-log-batch/1\n" + firstRecordId + "\n" + lastRecordId + "\n" + lastHash + "\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    public long records() {
        return lastRecordId - firstRecordId + 1;
    }
}
