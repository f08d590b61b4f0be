package vn.lienthong.archive.ledger;

import java.util.Optional;

/** A second place that remembers the ledger head, so a truncated tail is noticed. */
public interface HeadAnchor {
    void record(LedgerHead head);

    Optional<LedgerHead> latest();

    /** For a ledger verified on its own, without the index. */
    static HeadAnchor none() {
        return new HeadAnchor() {
            @Override
            public void record(LedgerHead head) {
                // nothing to remember
            }

            @Override
            public Optional<LedgerHead> latest() {
                return Optional.empty();
            }
        };
    }
}
