#!/usr/bin/env bash
# Scale benchmark (issue 3, point 14; issue 4, point 8): generates a synthetic data set in a database
# of its own, then times the case list, the search, the case page, "My deadlines" and the calendar,
# and records their query plans. Both verbs are the tools project's (tools/MigrantAid.Tools), which is
# built here and never shipped with the portal.
#
#   scripts/benchmark.sh [cases] [runs]        defaults: 1000000 cases, 50 runs per scenario
#
# DATES sets the deadlines and hearings per case (default 3: 1,000,000 cases give 3,000,000 of them).
# ONLY runs only the scenarios whose name contains it (e.g. ONLY=desk, ONLY=calendar).
# The server is taken from the usual libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD; defaults:
# the test server 127.0.0.1:55999 as postgres). BENCH_DB names the database (default ma_bench); it is
# created fresh and DROPPED at the end unless KEEP=1. REPORT is where the timings and the
# EXPLAIN (ANALYZE, BUFFERS) output go (default ./benchmark-report.md).
set -euo pipefail

cases=${1:-1000000}
runs=${2:-50}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-55999} PGUSER=${PGUSER:-postgres}
db=${BENCH_DB:-ma_bench}
report=${REPORT:-$PWD/benchmark-report.md}
root=$(cd "$(dirname "$0")/.." && pwd)

connection="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Database=$db"
if [ -n "${PGPASSWORD:-}" ]; then
  connection="$connection;Password=$PGPASSWORD"
fi

echo "== build (Release)"
dotnet build "$root/tools/MigrantAid.Tools" -c Release -v q -nologo | tail -n 3
dll="$root/tools/MigrantAid.Tools/bin/Release/net10.0/MigrantAid.Tools.dll"

drop() {
  if [ "${KEEP:-0}" != "1" ]; then
    echo "== drop database $db"
    psql -q -d postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"
  fi
}

echo "== database $db on $PGHOST:$PGPORT"
psql -q -d postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" -c "CREATE DATABASE \"$db\""
trap drop EXIT

# Development: the verbs refuse to run in Production without --yes-i-mean-it.
export ConnectionStrings__Default="$connection" ASPNETCORE_ENVIRONMENT=Development Logging__Format=text
cd "$(dirname "$dll")"

echo "== generate $cases cases ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
/usr/bin/time -f "generate: %e s wall, %U s user, %S s system, %M KB max resident" \
  dotnet "$dll" generate --cases "$cases" --seed "${SEED:-42}" --dates-per-case "${DATES:-3}" 2>&1 | grep -v ' INF\] '

psql -q -d "$db" -At -c "SELECT 'database size: ' || pg_size_pretty(pg_database_size(current_database()))"

echo "== benchmark, $runs runs per scenario (load $(cut -d' ' -f1-3 /proc/loadavg))"
only=()
if [ -n "${ONLY:-}" ]; then
  only=(--only "$ONLY")
fi
dotnet "$dll" benchmark --runs "$runs" --report "$report" "${only[@]}" 2>&1 | grep -v ' INF\] '
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
