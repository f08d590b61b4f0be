-- The fixity audit judges signers against the trust anchors too (issue 15): records whose bytes are
-- intact but whose signer does not chain to an anchor, or was revoked before its time-stamp, are
-- counted apart from damaged ones. trust_checked is false for audits run without anchors (and for
-- every audit before this version).
-- Portable SQL: H2 2.x and PostgreSQL 13+.
ALTER TABLE archive_audit ADD COLUMN untrusted BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE archive_audit ADD COLUMN trust_checked BOOLEAN DEFAULT FALSE NOT NULL;
