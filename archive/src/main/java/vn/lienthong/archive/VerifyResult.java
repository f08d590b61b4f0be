package vn.lienthong.archive;

/**
 * Whether one record's blob still has its recorded hash, its signature still verifies and, when the
 * archive has trust anchors, its signers chain to them and were not revoked before signing.
 */
public record VerifyResult(String recordId, Outcome outcome, String detail) {

    /**
     * What the check found. {@code UNTRUSTED}: the bytes and signatures are intact, but an outside
     * verifier with the trust anchors would not accept a signature (no chain to an anchor, the signer
     * revoked before its time-stamp, expired when it signed): a question for the PKI, not for the store.
     */
    public enum Outcome { OK, MISSING, CORRUPTED, SIGNATURE_INVALID, UNTRUSTED }

    public boolean ok() {
        return outcome == Outcome.OK;
    }
}
