-- Issue 15, point 6: an export of client data beyond Exports:ApprovalAboveRows rows needs a second person's
-- approval. A row is one request: kind 0 the case list CSV, 1 the organisation export; status 0 pending,
-- 1 approved, 2 refused. The filters are kept as the export's query string; the file is made at download time.

CREATE TABLE export_approvals (
    id uuid NOT NULL,
    kind integer NOT NULL,
    requested_by uuid NOT NULL,
    requested_at timestamp with time zone NOT NULL,
    filters character varying(2000) NOT NULL,
    filter_text character varying(2000) NOT NULL,
    rows integer NOT NULL,
    reason character varying(1000) NOT NULL,
    status integer NOT NULL,
    decided_by uuid,
    decided_at timestamp with time zone,
    export_id uuid,
    CONSTRAINT pk_export_approvals PRIMARY KEY (id),
    CONSTRAINT fk_export_approvals_users_requested_by FOREIGN KEY (requested_by) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT fk_export_approvals_users_decided_by FOREIGN KEY (decided_by) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT fk_export_approvals_organisation_exports_export_id FOREIGN KEY (export_id) REFERENCES organisation_exports (id) ON DELETE RESTRICT
);

CREATE INDEX ix_export_approvals_status_requested_at ON export_approvals (status, requested_at);

CREATE INDEX ix_export_approvals_requested_by_requested_at ON export_approvals (requested_by, requested_at);

CREATE INDEX ix_export_approvals_decided_by ON export_approvals (decided_by);

CREATE UNIQUE INDEX ix_export_approvals_export_id ON export_approvals (export_id);
