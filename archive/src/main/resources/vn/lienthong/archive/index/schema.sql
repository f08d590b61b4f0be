-- One schema for H2 and PostgreSQL: only types and statements both accept.
CREATE TABLE IF NOT EXISTS archive_record (
    id               VARCHAR(36)  NOT NULL PRIMARY KEY,
    dossier_code     VARCHAR(64)  NOT NULL,
    document_type    VARCHAR(128) NOT NULL,
    procedure_code   VARCHAR(64),
    agency_code      VARCHAR(64),
    citizen_id_hash  VARCHAR(64),
    blob_hash        VARCHAR(64)  NOT NULL,
    size_bytes       BIGINT       NOT NULL,
    pages            INTEGER      NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    retain_until     DATE         NOT NULL,
    legal_hold       BOOLEAN      NOT NULL,
    signer           VARCHAR(1000),
    pdfa_part        VARCHAR(8)   NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    deleted_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX IF NOT EXISTS archive_record_dossier ON archive_record (dossier_code);
CREATE INDEX IF NOT EXISTS archive_record_citizen ON archive_record (citizen_id_hash);
CREATE INDEX IF NOT EXISTS archive_record_procedure ON archive_record (procedure_code);
CREATE INDEX IF NOT EXISTS archive_record_created ON archive_record (created_at);
CREATE INDEX IF NOT EXISTS archive_record_blob ON archive_record (blob_hash);
CREATE TABLE IF NOT EXISTS ledger_head (
    id          INTEGER     NOT NULL PRIMARY KEY,
    seq         BIGINT      NOT NULL,
    entry_hash  VARCHAR(64) NOT NULL
);
-- Earlier versions of a record (an LTA update or a renewal wrote a newer blob; the old one is kept).
-- archive_record.blob_hash is the newest; a record without rows here has one version.
CREATE TABLE IF NOT EXISTS archive_record_version (
    record_id      VARCHAR(36)  NOT NULL,
    version        INTEGER      NOT NULL,
    blob_hash      VARCHAR(64)  NOT NULL,
    size_bytes     BIGINT       NOT NULL,
    superseded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    superseded_by  VARCHAR(16)  NOT NULL,
    PRIMARY KEY (record_id, version)
);
CREATE INDEX IF NOT EXISTS archive_record_version_blob ON archive_record_version (blob_hash);
