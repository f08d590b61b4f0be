package vn.lienthong.gateway.domain.messagelog;

/**
 * What a walk over the whole log found.
 *
 * @param records         records checked
 * @param batches         signed batches checked
 * @param unsignedRecords records after the last signed batch (signed within the batch interval)
 * @param startsAfter     the last purged record id (0 when nothing was ever purged)
 * @param firstBadRecord  the lowest record that failed, with the reason; null when all is well
 */
public record Verification(boolean ok, long records, long batches, long unsignedRecords, long startsAfter,
                           BadRecord firstBadRecord) {

    /** A record that failed verification and why. */
    public record BadRecord(long id, String reason) {
    }
}
