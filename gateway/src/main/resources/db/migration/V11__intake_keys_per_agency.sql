-- An Idempotency-Key belongs to the receiving agency it was sent for. Keyed by the key alone, a
-- desk of another agency that happened to send the same key was answered with the first agency's
-- dossier, applicant and all, around the agency scope. Existing keys keep their dossier's agency.
CREATE TABLE intake_key (
    agency_code   VARCHAR(40)  NOT NULL,
    idem_key      VARCHAR(200) NOT NULL,
    dossier_code  VARCHAR(64)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_intake_key PRIMARY KEY (agency_code, idem_key)
);
INSERT INTO intake_key (agency_code, idem_key, dossier_code, created_at)
    SELECT d.agency_code, i.idem_key, i.dossier_code, i.created_at
    FROM intake_idempotency i JOIN dossier d ON d.code = i.dossier_code;
DROP TABLE intake_idempotency;
