#!/usr/bin/env bash
# Run once by the postgres image when it initialises an empty volume (mounted into /docker-entrypoint-initdb.d by
# docker-compose.yml). Creates the two roles of docs/deployment.md ("Database roles") and the database:
#   migrantaid      owns the database and its schema; the one-shot "migrate" service connects as it.
#   migrantaid_app  what the portal serves requests as: no superuser, owns nothing; each migration run grants it
#                   SELECT/INSERT/UPDATE/DELETE on the tables (audit_events: INSERT and SELECT only).
# The superuser (POSTGRES_USER) is used by nothing else. Passwords come from the environment (see .env).
set -euo pipefail

: "${MIGRANTAID_OWNER_PASSWORD:?set MIGRANTAID_OWNER_PASSWORD}"
: "${MIGRANTAID_APP_PASSWORD:?set MIGRANTAID_APP_PASSWORD}"

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$MIGRANTAID_OWNER_PASSWORD" -v app_password="$MIGRANTAID_APP_PASSWORD" <<'SQL'
CREATE ROLE migrantaid LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'owner_password';
CREATE ROLE migrantaid_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS PASSWORD :'app_password';
CREATE DATABASE migrantaid OWNER migrantaid;
SQL
