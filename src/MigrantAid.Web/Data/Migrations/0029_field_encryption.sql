-- Issue 15: field-level encryption (docs/adr/0021-field-encryption.md). The intake accounts and wishes, the
-- texts of case timelines, the clients' contact values and notes, and the documents' bytes are stored encrypted
-- by the portal (AES-GCM, one data key per purpose). The data keys are kept here wrapped by the key-encryption
-- key, which is never in the database.
CREATE TABLE data_keys (
    id uuid NOT NULL,
    purpose character varying(40) NOT NULL,
    wrapped bytea NOT NULL,
    kek_fingerprint character varying(64) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    rewrapped_at timestamp with time zone,
    CONSTRAINT pk_data_keys PRIMARY KEY (id)
);

CREATE UNIQUE INDEX ix_data_keys_purpose ON data_keys (purpose);

-- The columns become bytea. Rows written before keep their text as UTF-8 bytes without the cipher's marker: the
-- portal reads them as they are until 'encrypt-existing' (run by 'migrate' right after this migration) rewrites them.
ALTER TABLE intakes
    ALTER COLUMN account TYPE bytea USING convert_to(account, 'UTF8'),
    ALTER COLUMN client_wishes TYPE bytea USING convert_to(client_wishes, 'UTF8');

ALTER TABLE case_events ALTER COLUMN text TYPE bytea USING convert_to(text, 'UTF8');

ALTER TABLE client_contacts
    ALTER COLUMN value TYPE bytea USING convert_to(value, 'UTF8'),
    ALTER COLUMN note TYPE bytea USING convert_to(note, 'UTF8');
