-- 0003: the users list searches "contains" in full name and e-mail (ILIKE / LIKE '%q%').
-- Trigram GIN indexes answer those without reading the whole table. pg_trgm is a trusted
-- extension (PostgreSQL 13+), so the database owner may create it.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX ix_users_full_name_trgm ON users USING gin (full_name gin_trgm_ops);

CREATE INDEX ix_users_normalized_email_trgm ON users USING gin (normalized_email gin_trgm_ops);
