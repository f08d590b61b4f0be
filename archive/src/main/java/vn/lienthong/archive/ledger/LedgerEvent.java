package vn.lienthong.archive.ledger;

/**
 * What happened to the archive; every event is one ledger entry (DEPOSIT: a signed PDF kept as it came;
 * EXTEND: a new version at PAdES-BASELINE-LTA; RENEW: a new version with a new document time-stamp;
 * both name the previous and the new blob's SHA-256). New events are only ever added, so old ledgers read.
 */
public enum LedgerEvent {
    INGEST, DEPOSIT, READ, VERIFY, LEGAL_HOLD_SET, LEGAL_HOLD_LIFTED, RETENTION_EXPIRED, DELETE, DELETE_REFUSED, AUDIT, HEAD_SIGNED,
    EXTEND, RENEW
}
