#!/usr/bin/env bash
# HTTP benchmark (issue 14, point 4): every page of docs/performance.md's table over real HTTP, each beside pgbench
# running that page's own SQL statements, so the ratio "page requests/s ÷ pgbench transactions/s" says how much of
# the database's speed the portal passes on (1.0 is the limit).
#
#   scripts/http-benchmark.sh [cases]            default 1000000
#
# Steps: builds the portal and the tools (Release); starts a PostgreSQL cluster of its own on a free port (or uses
# the server of PGHOST/PGPORT/PGUSER, a superuser, when BENCH_PG=external; then PG_LOG names that server's log file);
# creates a fresh database; runs the tools' `generate --cases N`, which marks the database as generated; gives a busy
# coordinator, lawyer and caseworker a random password for this run (`benchmark-users`, refused on any database the
# generator did not make; the password stays in a temp file readable by its owner); starts the portal (Release,
# Production, its own port, the application role, demo data off) and signs each role in through the login form.
# Then for each page: checks it answers 200; concurrency 1, RUNS requests (p50/p95/max); concurrency CONCURRENCY for
# DURATION seconds (requests/s); the statements of one request, read from the server log (log_statement = all only
# for that request) by the tools' `capture-sql`, run by `pgbench -n -c CONCURRENCY -j 2 -T DURATION` (transactions/s).
# It prints one markdown table, the machine and the load average before and after, stops everything it started, and
# drops its database unless KEEP=1 (which also keeps the cluster and the work folder).
#
# WARMUP (5: seconds per round of unmeasured requests per page first, while .NET compiles the page's code; rounds repeat until
# requests/s change by less than 5 % either way, at most WARMUP_ROUNDS, 8; before any page is measured, every page gets one round), RUNS (100),
# DURATION (10), CONCURRENCY (8), SEED (42), DATES (3 deadlines and hearings per case), ONLY (pages whose
# name contains it), REPLICA=1 (also measures dashboards and statistics with a streaming replica as the reporting
# connection, through scripts/pg-replica.sh, and prints the primary's load with and without it), REUSE_DATA (the
# pg/data folder of an earlier KEEP=1 run: its cluster is started again and, when its database is a finished
# generated one, the generation (17 minutes at 1,000,000 cases) is skipped; the cluster is stopped, never deleted).
#
# The benchmark portal differs from a production configuration in six settings, all for the benchmark only:
# Security__TwoFactor__RequiredRoles is empty (the generated coordinator has no authenticator to enrol),
# DataProtection__AllowUnencryptedKeys=true (a throw-away database needs no key certificate),
# Security__CookieSecurePolicy=SameAsRequest (plain HTTP on localhost), the calendar-feed throttle is lifted (the
# feed is fetched thousands of times from one address), the sign-in throttle is raised (the benchmark signs in again
# before each phase of each page, see fresh_cookie in http-benchmark-pages.sh), and the reminder, export and
# retention workers are off (their statements would mix into the capture, and the retention schedule the benchmark
# sets for the privacy pages would start anonymising the data being measured).
set -euo pipefail

cases=${1:-1000000}
RUNS=${RUNS:-100} DURATION=${DURATION:-10} CONCURRENCY=${CONCURRENCY:-8}
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/postgres.sh"
. "$root/scripts/http-benchmark-pages.sh"

work=$(mktemp -d /tmp/migrantaid-httpbench.XXXXXX)
chmod 755 "$work"
db=${BENCH_DB:-ma_httpbench}
owner=migrantaid_bench_owner app=migrantaid_bench_app
portal_pid="" replica_dir="" own_cluster=""

cleanup() {
  local status=$?
  stop_portal
  if [ -n "$replica_dir" ] && declare -F replica_stop >/dev/null; then replica_stop "$replica_dir" || true; fi
  if [ "${KEEP:-0}" = "1" ]; then
    say "KEEP=1: database $db kept on port ${PGPORT:-(none: it did not start)}; work folder $work"
  else
    if [ -n "${REUSE_DATA:-}" ]; then
      pg_stop "$own_cluster"
      say "REUSE_DATA: database $db kept in $own_cluster (stopped)"
    else
      psql -q -d postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 || true
      if [ -n "$own_cluster" ]; then pg_stop "$own_cluster"; fi
    fi
    rm -rf "$work"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

need_tools() {
  pg_ensure_installed || exit 1
  export PATH="$PG_BIN:$PATH"
  command -v hey >/dev/null 2>&1 || apt_install hey || exit 1
  command -v pgbench >/dev/null 2>&1 || { say "pgbench is missing (Debian: postgresql-contrib or postgresql-client)."; exit 1; }
}

build() {
  # NO_BUILD=1 (test.sh, which has just built the solution) uses the Release build as it is.
  if [ "${NO_BUILD:-0}" != "1" ]; then
    say "== build (Release): portal and tools"
    dotnet build "$root/tools/MigrantAid.Tools" -c Release -nologo -v quiet -clp:ErrorsOnly
  fi
  tools_dll="$root/tools/MigrantAid.Tools/bin/Release/net10.0/MigrantAid.Tools.dll"
  web_dll="$root/src/MigrantAid.Web/bin/Release/net10.0/MigrantAid.Web.dll"
}

start_database() {
  if [ "${BENCH_PG:-own}" = "external" ]; then
    export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
    server_log=${PG_LOG:-}
    owner=$PGUSER app=$PGUSER
    psql -q -d postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" -c "CREATE DATABASE \"$db\""
  else
    local port
    port=$(pg_free_port 26300 26400) || { say "No free port for the benchmark database."; exit 1; }
    own_cluster=${REUSE_DATA:-$work/pg/data}
    say "== PostgreSQL cluster of its own on port $port ($own_cluster)"
    # max_connections stays at its default (100, plenty for concurrency 8): a standby must have at least the primary's.
    pg_start "$own_cluster" "$port" "-c shared_buffers=${PG_SHARED_BUFFERS:-1GB}" || exit 1
    server_log="$(dirname "$own_cluster")/run/postgres.log"
    export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres
    pg_ensure_roles "$port" "$owner" "$app" "$db" || exit 1
  fi
  psql -q -d postgres -c "ALTER SYSTEM SET log_line_prefix = '%m [%p] %a '" -c "SELECT pg_reload_conf()" >/dev/null
  # The field encryption key lives beside the data it protects, so that REUSE_DATA finds it again.
  key_file=${own_cluster:+$(dirname "$own_cluster")/field-encryption.key}
  key_file=${key_file:-$work/field-encryption.key}
  if [ ! -f "$key_file" ]; then (umask 077 && head -c 32 /dev/urandom | base64 >"$key_file"); fi
  connection_of() { echo "Host=$PGHOST;Port=$PGPORT;Database=$db;Username=$1${PGPASSWORD:+;Password=$PGPASSWORD}"; }
  owner_connection=$(connection_of "$owner")
  app_connection="$(connection_of "$app");Application Name=migrantaid-portal;Maximum Pool Size=100"
}

tools() {
  # The tools' verbs as the owner role, in Development (they refuse Production); their information lines left out.
  local status=0
  ConnectionStrings__Default="$app_connection" ConnectionStrings__Migrations="$owner_connection" Encryption__KeyFile="$key_file" \
    ASPNETCORE_ENVIRONMENT=Development Logging__Format=text dotnet "$tools_dll" "$@" >"$work/tools.log" 2>&1 || status=$?
  grep -v -e ' INF\] ' -e '^generate: [0-9,]*/' "$work/tools.log" || true
  return "$status"
}

generated() {
  psql -d "$db" -At -c "SELECT 1 WHERE shobj_description((SELECT oid FROM pg_database WHERE datname = current_database()), 'pg_database') IS NOT NULL" \
    | grep -q 1
}

generate() {
  if [ -n "${REUSE_DATA:-}" ] && generated; then
    say "== REUSE_DATA: $db is already generated ($(psql -d "$db" -At -c 'SELECT count(*) FROM cases') cases); not generated again"
    return 0
  fi
  say "== generate $cases cases ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
  tools generate --cases "$cases" --seed "${SEED:-42}" --dates-per-case "${DATES:-3}"
  generated || { say "generate did not complete."; exit 1; }
}

start_portal() {
  # start_portal [extra VAR=value ...]: the portal as operators run it, on a port of its own.
  web_port=$(pg_free_port 26500 26600) || { say "No free port for the portal."; exit 1; }
  base="http://127.0.0.1:$web_port"
  say "== portal on $base $*"
  (cd "$(dirname "$web_dll")" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" \
    ConnectionStrings__Default="$app_connection" ConnectionStrings__Migrations="$owner_connection" Encryption__KeyFile="$key_file" \
    Demo__Seed=false DataProtection__AllowUnencryptedKeys=true \
    Security__TwoFactor__RequiredRoles= Security__CookieSecurePolicy=SameAsRequest \
    Security__SignInLimits__FeedPerAddress__PermitLimit=100000000 \
    Security__SignInLimits__PerAddress__PermitLimit=1000 Security__SignInLimits__PerAccount__PermitLimit=100000 \
    Reminders__RunInBackground=false Exports__RunInBackground=false Retention__RunInBackground=false Exports__Directory="$work/exports" \
    "$@" dotnet "$web_dll" >"$work/portal.log" 2>&1) &
  portal_pid=$!
  for _ in $(seq 1 120); do
    if curl -fs -o /dev/null "$base/health/ready"; then return 0; fi
    kill -0 "$portal_pid" 2>/dev/null || break
    sleep 1
  done
  say "The portal did not become ready:"; tail -n 30 "$work/portal.log" >&2; exit 1
}

stop_portal() {
  if [ -n "$portal_pid" ] && kill -0 "$portal_pid" 2>/dev/null; then
    kill "$portal_pid" 2>/dev/null || true
    wait "$portal_pid" 2>/dev/null || true
  fi
  portal_pid=""
}

main() {
  need_tools
  build
  start_database
  generate
  pick_fixtures
  tools benchmark-users --emails "$coordinator,$lawyer,$caseworker,$admin" --password-file "$work/password"
  prepare_admin
  start_portal
  sign_in_all
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  say "== pages: RUNS=$RUNS at concurrency 1, ${DURATION}s at concurrency $CONCURRENCY (load $load_before)"
  run_pages
  load_after=$(cut -d' ' -f1-3 /proc/loadavg)
  print_report
  if [ "${REPLICA:-0}" = "1" ]; then
    . "$root/scripts/http-benchmark-replica.sh"
    replica_comparison
  fi
  if [ "$failures" != 0 ]; then say "$failures page(s) failed (see above)."; exit 1; fi
}

main
