package vn.lienthong.gateway.domain.messagelog;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Walks the records in id order and checks, for each: that it follows the previous one without a
 * gap, that its fields still hash to its stored hash, and that it links to the previous record's
 * hash; for each batch: that the batches run on without gap or overlap, that the signature is
 * the gateway's, and that the signed last hash is the chain's; and that the chain head and the
 * newest purge anchor agree with what is stored. Runs without the rest of the gateway (as X-Road's
 * stand-alone verifier does): it needs the rows and a signature checker only.
 */
public final class ChainVerifier {

    private final ChainSigner signatures;
    private final ChainHead head;
    private final long startsAfter;
    private final Map<Long, SignedBatch> batchEnds = new HashMap<>();
    private final long lastBatchedId;
    private final int batchCount;
    private Verification.BadRecord firstBad;
    private long expectedId;
    private String previousHash;
    private long records;

    /**
     * @param anchor  the newest purge anchor, if records were ever purged
     * @param batches every stored batch
     * @param head    the chain head as stored
     */
    public ChainVerifier(ChainSigner signatures, Optional<PurgeAnchor> anchor, List<SignedBatch> batches,
                         ChainHead head) {
        this.signatures = signatures;
        this.head = head;
        this.startsAfter = anchor.map(PurgeAnchor::lastPurgedId).orElse(0L);
        this.expectedId = startsAfter + 1;
        this.previousHash = anchor.map(PurgeAnchor::lastPurgedHash).orElse(ChainHash.GENESIS);
        anchor.ifPresent(a -> signatures.problem(a.signedContent(), a.signature()).ifPresent(problem ->
                fail(a.lastPurgedId() + 1, "the purge anchor " + a.id() + " (chain starts after record "
                        + a.lastPurgedId() + ") is not the gateway's signature: " + problem)));
        List<SignedBatch> sorted = batches.stream().sorted(Comparator.comparingLong(SignedBatch::firstRecordId)).toList();
        long next = startsAfter + 1;
        for (SignedBatch b : sorted) {
            if (b.firstRecordId() != next || b.lastRecordId() < b.firstRecordId()) {
                fail(Math.min(next, b.firstRecordId()), "batch " + b.id() + " covers records " + b.firstRecordId()
                        + "–" + b.lastRecordId() + " where a batch starting at " + next
                        + " was expected (a batch was removed, added or altered)");
            }
            Optional<String> problem = signatures.problem(b.signedContent(), b.signature());
            if (problem.isPresent()) {
                fail(b.lastRecordId(), "the signature of batch " + b.id() + " (records " + b.firstRecordId() + "–"
                        + b.lastRecordId() + ") does not hold: " + problem.get());
            }
            batchEnds.put(b.lastRecordId(), b);
            next = b.lastRecordId() + 1;
        }
        this.lastBatchedId = next - 1;
        this.batchCount = sorted.size();
    }

    /** The next record in id order. */
    public void record(MessageRecord r) {
        records++;
        boolean intact = false;
        if (r.id() != expectedId) {
            fail(Math.min(r.id(), expectedId), r.id() > expectedId
                    ? "records " + expectedId + (r.id() - 1 > expectedId ? "–" + (r.id() - 1) : "")
                            + " are missing: the chain jumps to record " + r.id()
                    : "record " + r.id() + " appears out of order");
        } else if (!r.recomputedHash().equals(r.hash())) {
            fail(r.id(), "the stored fields (body, headers, status, ids, time or previous hash) do not hash to the "
                    + "record's stored hash: the record or its hash was altered");
        } else if (!r.previousHash().equals(previousHash)) {
            fail(r.id(), "the record does not link to the hash of record " + (r.id() - 1) + " before it");
        } else {
            intact = true;
        }
        SignedBatch batch = batchEnds.get(r.id());
        // A record that fails on its own is named above; a batch mismatch on an intact-looking record
        // means the chain was recomputed after a change somewhere in the batch.
        if (intact && batch != null && !batch.lastHash().equals(r.hash())) {
            fail(batch.firstRecordId(), "batch " + batch.id() + " signed hash " + batch.lastHash() + " for record "
                    + r.id() + ", which now hashes to " + r.hash() + ": records " + batch.firstRecordId() + "–"
                    + batch.lastRecordId() + " were rewritten and their hashes recomputed");
        }
        expectedId = r.id() + 1;
        previousHash = r.hash();
    }

    /** A row that could not even be read as a record, e.g. an unknown kind. */
    public void unreadable(long id, String reason) {
        records++;
        fail(id, "unreadable record: " + reason);
        expectedId = id + 1;
        previousHash = "?";
    }

    public Verification finish() {
        long lastSeen = expectedId - 1;
        if (lastBatchedId > lastSeen) {
            fail(lastSeen + 1, "records " + (lastSeen + 1) + "–" + lastBatchedId + " were signed in a batch but are "
                    + "missing");
        }
        if (head.lastId() != lastSeen) {
            fail(Math.min(head.lastId(), lastSeen) + 1, "the chain head names record " + head.lastId()
                    + " as the newest, but the stored chain ends at record " + lastSeen
                    + " (records were removed from or added to the end)");
        } else if (lastSeen > startsAfter && !head.lastHash().equals(previousHash)) {
            fail(lastSeen, "the chain head holds another hash for record " + lastSeen + " than the record itself");
        }
        long unsigned = Math.max(0, lastSeen - Math.max(lastBatchedId, startsAfter));
        return new Verification(firstBad == null, records, batchCount, unsigned, startsAfter, firstBad);
    }

    private void fail(long id, String reason) {
        if (firstBad == null || id < firstBad.id()) {
            firstBad = new Verification.BadRecord(id, reason);
        }
    }
}
