package vn.lienthong.archive.ledger;

import java.util.List;

/** The result of walking the ledger: entries checked, signed heads, and every problem found. */
public record LedgerVerification(long entries, long signedHeads, long unsignedTail, List<String> problems) {
    public LedgerVerification {
        problems = List.copyOf(problems);
    }

    public boolean intact() {
        return problems.isEmpty();
    }
}
