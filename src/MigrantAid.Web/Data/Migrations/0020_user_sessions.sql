-- Issue 11 (trust), point 4: server-side sessions (ADR 0011). Each sign-in is a row; the sign-in cookie
-- carries its id, and every request checks the row (through a cache of a few seconds), so ending the
-- row (sign-out, password change, disabled account, "end session") ends every copy of the cookie.

CREATE TABLE user_sessions (
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    last_seen_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    ended_at timestamp with time zone,
    ended_reason character varying(40),
    user_agent character varying(300),
    client_address character varying(45),
    CONSTRAINT pk_user_sessions PRIMARY KEY (id),
    CONSTRAINT fk_user_sessions_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

-- A user's open sessions, newest last: the profile's list and ending them all at once.
CREATE INDEX ix_user_sessions_active_user_id_created_at ON user_sessions (user_id, created_at) WHERE ended_at IS NULL;

CREATE INDEX ix_user_sessions_user_id ON user_sessions (user_id);
