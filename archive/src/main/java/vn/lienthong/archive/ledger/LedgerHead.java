package vn.lienthong.archive.ledger;

/** The position and hash of the newest ledger entry. */
public record LedgerHead(long seq, String hash) {
}
