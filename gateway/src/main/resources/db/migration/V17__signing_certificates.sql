-- The certificates the gateway's DEMO PKI issued, with their revocations: what its CRLs and OCSP
-- answers are made from, so that every node answers alike. Officers' and agencies' keys are kept
-- here as password-protected PKCS#12 (base64), so that every node signs with the same key; the CAs,
-- the OCSP responder, the TSA and the gateway's seal keep their keys in the shared keys directory
-- (keystore NULL). One current certificate per (role, holder); a re-issue keeps the old row.
CREATE TABLE pki_certificate (
    serial            VARCHAR(64)  NOT NULL,
    issuer            VARCHAR(500) NOT NULL,
    role              VARCHAR(20)  NOT NULL,
    holder            VARCHAR(200),
    subject           VARCHAR(500) NOT NULL,
    not_before        TIMESTAMP WITH TIME ZONE NOT NULL,
    not_after         TIMESTAMP WITH TIME ZONE NOT NULL,
    certificate       TEXT         NOT NULL,
    keystore          TEXT,
    current_key       BOOLEAN      NOT NULL,
    revoked_at        TIMESTAMP WITH TIME ZONE,
    revocation_reason INTEGER,
    issued_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_pki_certificate PRIMARY KEY (serial)
);
CREATE INDEX ix_pki_certificate_holder ON pki_certificate (role, holder);
CREATE INDEX ix_pki_certificate_issuer ON pki_certificate (issuer, revoked_at);

-- One row per key holder, written once and locked (SELECT ... FOR UPDATE) while its key is made,
-- so that two nodes asked for the same officer's first paper at once make one key, not two.
CREATE TABLE pki_key_holder (
    role        VARCHAR(20)  NOT NULL,
    holder      VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_pki_key_holder PRIMARY KEY (role, holder)
);
