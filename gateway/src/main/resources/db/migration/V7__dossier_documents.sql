-- The documents of each dossier (scans, signed results, forms 01 and 06) kept in the archive.
-- Portable SQL: H2 2.x and PostgreSQL 13+.

-- The bytes live in the archive (lienthong.archive.dir: content-addressed store, signed ledger);
-- a row lists one archive record under its dossier. "source" says what the document was made
-- from (an agency message id, "form-01", "scan-<upload id>"); the unique constraint makes a
-- second deposit of the same source, even a concurrent one, answer the first document.
CREATE TABLE dossier_document (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    dossier_code  VARCHAR(64)  NOT NULL,
    kind          VARCHAR(16)  NOT NULL,
    title         VARCHAR(255) NOT NULL,
    content_type  VARCHAR(100) NOT NULL,
    sha256        CHAR(64)     NOT NULL,
    size_bytes    BIGINT       NOT NULL,
    source        VARCHAR(200) NOT NULL,
    archive_id    VARCHAR(36)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_dossier_document_source UNIQUE (dossier_code, source)
);
CREATE INDEX ix_dossier_document_archive ON dossier_document (archive_id);
