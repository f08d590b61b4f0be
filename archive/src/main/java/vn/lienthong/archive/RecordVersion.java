package vn.lienthong.archive;

import java.time.Instant;
import java.util.Optional;
import vn.lienthong.archive.store.Sha256;

/**
 * One version of an archived record's signed PDF. Version 1 is what was ingested or deposited; an
 * LTA update or a renewal writes the next one as a new blob and keeps every earlier one.
 *
 * @param version      1, 2, …
 * @param blobHash     the SHA-256 naming its blob
 * @param size         bytes
 * @param supersededAt when a newer version replaced it as the current one; empty for the newest
 * @param supersededBy the ledger event that wrote the newer version (EXTEND or RENEW); empty for the newest
 */
public record RecordVersion(int version, Sha256 blobHash, long size, Optional<Instant> supersededAt,
                            Optional<String> supersededBy) {

    public boolean newest() {
        return supersededAt.isEmpty();
    }
}
