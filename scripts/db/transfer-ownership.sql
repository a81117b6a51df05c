-- Hands the current database and everything the portal created in its public schema to the owner role
-- (docs/deployment.md, "Database roles": moving a single-role installation to two roles).
-- Run as a superuser (or the present owner), connected to the portal's database:
--   psql -v owner=migrantaid -d migrantaid -f scripts/db/transfer-ownership.sql
-- Extension objects (pg_trgm) stay with whoever installed them. Idempotent.
\set ON_ERROR_STOP on
SELECT set_config('migrantaid.new_owner', :'owner', false);

DO $transfer$
DECLARE
    new_owner text := current_setting('migrantaid.new_owner');
    item record;
BEGIN
    EXECUTE format('ALTER DATABASE %I OWNER TO %I', current_database(), new_owner);
    IF (SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = 'public') <> 'pg_database_owner' THEN
        EXECUTE format('ALTER SCHEMA public OWNER TO %I', new_owner);
    END IF;

    -- Tables, views and stand-alone sequences; indexes and identity sequences follow their table.
    FOR item IN
        SELECT c.oid::regclass AS name, c.relkind
        FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace
          AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
          AND c.relowner <> new_owner::regrole
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i', 'e'))
    LOOP
        EXECUTE format('ALTER %s %s OWNER TO %I', CASE WHEN item.relkind = 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, item.name, new_owner);
    END LOOP;

    -- The portal's functions (trigger functions, *_rebuild()), not those of extensions.
    FOR item IN
        SELECT p.oid::regprocedure AS name
        FROM pg_proc p
        WHERE p.pronamespace = 'public'::regnamespace
          AND p.proowner <> new_owner::regrole
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
    LOOP
        EXECUTE format('ALTER ROUTINE %s OWNER TO %I', item.name, new_owner);
    END LOOP;
END
$transfer$;
