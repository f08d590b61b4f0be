-- Forms 02 to 05 state what the officer decided (reason, documents to add, the new date); the
-- decision is kept with its paper's job as JSON, so the paper says what was decided whenever it is
-- rendered. Null for the papers made from the dossier alone (results, forms 01 and 06).
ALTER TABLE paper_job ADD COLUMN decision VARCHAR(12000);
