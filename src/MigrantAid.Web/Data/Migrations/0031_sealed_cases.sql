-- Issue 15, point 5: sealed cases. A sealed case is seen only by the people named on it (coordinators included);
-- each named person gives a reason before viewing it, held for one sign-in session and one case for 30 minutes
-- (docs/adr/0023-sealed-cases.md).
ALTER TABLE cases ADD COLUMN is_sealed boolean NOT NULL DEFAULT FALSE;
ALTER TABLE cases ALTER COLUMN is_sealed DROP DEFAULT; -- no case is sealed yet: false is every case's value

-- The few sealed cases: lists leave out those a viewer is not named on.
CREATE INDEX ix_cases_sealed ON cases (id) WHERE is_sealed;

CREATE TABLE case_sealed_people (
    case_id uuid NOT NULL,
    user_id uuid NOT NULL,
    named_by uuid NOT NULL,
    named_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_case_sealed_people PRIMARY KEY (case_id, user_id),
    CONSTRAINT fk_case_sealed_people_cases_case_id FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE CASCADE,
    CONSTRAINT fk_case_sealed_people_users_named_by FOREIGN KEY (named_by) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT fk_case_sealed_people_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE INDEX ix_case_sealed_people_named_by ON case_sealed_people (named_by);

CREATE INDEX ix_case_sealed_people_user_id_case_id ON case_sealed_people (user_id, case_id);

CREATE TABLE sealed_view_reasons (
    session_id uuid NOT NULL,
    case_id uuid NOT NULL,
    user_id uuid NOT NULL,
    reason character varying(500) NOT NULL,
    given_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_sealed_view_reasons PRIMARY KEY (session_id, case_id),
    CONSTRAINT fk_sealed_view_reasons_cases_case_id FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE CASCADE,
    CONSTRAINT fk_sealed_view_reasons_user_sessions_session_id FOREIGN KEY (session_id) REFERENCES user_sessions (id) ON DELETE CASCADE,
    CONSTRAINT fk_sealed_view_reasons_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX ix_sealed_view_reasons_case_id ON sealed_view_reasons (case_id);

CREATE INDEX ix_sealed_view_reasons_expires_at ON sealed_view_reasons (expires_at);

CREATE INDEX ix_sealed_view_reasons_user_id ON sealed_view_reasons (user_id);
