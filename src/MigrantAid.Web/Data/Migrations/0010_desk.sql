-- 0010: the lawyer's desk, the calendar and calendar feeds (issue 4, points 5 and 8).
--
-- calendar_feeds: a user's secret calendar address. Only the SHA-256 of the token is kept; a revoked
-- address keeps its row (revoked_at) so the audit trail's references stay meaningful. One live address
-- per user (partial unique index).
--
-- Indexes the desk and the calendar read by:
-- * open deadlines of a case by date (partial: "overdue" is found without walking the done ones);
-- * every open deadline by date (a coordinator's desk over all offices, a page at a time);
-- * deadlines that are not dismissed by date (the calendar over all offices, a few a day);
-- * hearings by time (the same two, for hearings).

CREATE TABLE calendar_feeds (
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    token_hash bytea NOT NULL,
    created_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone,
    CONSTRAINT pk_calendar_feeds PRIMARY KEY (id),
    CONSTRAINT fk_calendar_feeds_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX ix_calendar_feeds_token_hash ON calendar_feeds (token_hash);

CREATE INDEX ix_calendar_feeds_user_id ON calendar_feeds (user_id);

CREATE UNIQUE INDEX ix_calendar_feeds_user_id_active ON calendar_feeds (user_id) WHERE revoked_at IS NULL;

CREATE INDEX ix_case_deadlines_open_case_id_due_on ON case_deadlines (case_id, due_on) WHERE status = 0;

CREATE INDEX ix_case_deadlines_open_due_on_id ON case_deadlines (due_on, id) WHERE status = 0;

CREATE INDEX ix_case_deadlines_due_on_id_not_dismissed ON case_deadlines (due_on, id) WHERE status <> 2;

CREATE INDEX ix_hearings_starts_at_id ON hearings (starts_at, id);
