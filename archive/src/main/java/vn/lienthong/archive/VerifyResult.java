package vn.lienthong.archive;

/** Whether one record's blob still has its recorded hash and its signature still verifies. */
public record VerifyResult(String recordId, Outcome outcome, String detail) {

    /** What the check found. */
    public enum Outcome { OK, MISSING, CORRUPTED, SIGNATURE_INVALID }

    public boolean ok() {
        return outcome == Outcome.OK;
    }
}
