-- Issue 5 (organisation export): exports queued by administrators and written by a background worker.
-- Status: 0 queued, 1 running, 2 completed, 3 failed, 4 expired (file deleted after the retention period).
-- A worker claims the oldest queued export with FOR UPDATE SKIP LOCKED, so several instances never take the same one.

CREATE TABLE organisation_exports (
    id uuid NOT NULL,
    requested_by uuid NOT NULL,
    requested_at timestamp with time zone NOT NULL,
    status integer NOT NULL,
    worker character varying(200),
    started_at timestamp with time zone,
    heartbeat_at timestamp with time zone,
    finished_at timestamp with time zone,
    current_file character varying(64),
    files_done integer NOT NULL,
    files_total integer NOT NULL,
    rows_written bigint NOT NULL,
    rows_total bigint NOT NULL,
    size_bytes bigint,
    error character varying(300),
    CONSTRAINT pk_organisation_exports PRIMARY KEY (id),
    CONSTRAINT fk_organisation_exports_users_requested_by FOREIGN KEY (requested_by) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE INDEX ix_organisation_exports_status_requested_at ON organisation_exports (status, requested_at);

CREATE INDEX ix_organisation_exports_requested_at_id ON organisation_exports (requested_at, id);

CREATE INDEX ix_organisation_exports_requested_by ON organisation_exports (requested_by);
