package vn.lienthong.archive.ledger;

/** What happened to the archive; every event is one ledger entry (DEPOSIT: a signed PDF kept as it came). */
public enum LedgerEvent {
    INGEST, DEPOSIT, READ, VERIFY, LEGAL_HOLD_SET, LEGAL_HOLD_LIFTED, RETENTION_EXPIRED, DELETE, DELETE_REFUSED, AUDIT, HEAD_SIGNED
}
