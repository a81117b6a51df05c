-- Issue 12, point 11: named saved filters of the case list and the desk. A row holds a user's filter as
-- the list's query string only (never results); names are unique per user and list.

CREATE TABLE saved_filters (
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    list character varying(20) NOT NULL,
    name character varying(80) NOT NULL,
    query character varying(2000) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_saved_filters PRIMARY KEY (id),
    CONSTRAINT fk_saved_filters_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX ix_saved_filters_user_id_list_name ON saved_filters (user_id, list, name);
