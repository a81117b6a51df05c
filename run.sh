#!/usr/bin/env bash
# Runs the MigrantAid portal with demo data on http://localhost:5080.
# Uses ConnectionStrings__Default (and ConnectionStrings__Migrations) when set; otherwise a local PostgreSQL
# cluster in .data/ (git-ignored) that keeps its data between runs, with the two roles of docs/deployment.md
# ("Database roles"): migrantaid owns the database and migrates it, the portal serves as migrantaid_app.
# Ctrl-C stops the portal and the database.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/postgres.sh

ensure_dotnet
ensure_node

PORTAL_URL="${MIGRANTAID_URL:-http://localhost:5080}"
DATA_DIR="$PWD/.data/postgres"
started_db=""

if [ -z "${ConnectionStrings__Default:-}" ]; then
  pg_ensure_installed
  PG_PORT="${MIGRANTAID_PG_PORT:-5433}"
  say "Starting PostgreSQL (data in .data/postgres, port $PG_PORT) ..."
  pg_start "$DATA_DIR" "$PG_PORT"
  started_db=1
  pg_ensure_roles "$PG_PORT" migrantaid migrantaid_app migrantaid
  export ConnectionStrings__Default="Host=127.0.0.1;Port=$PG_PORT;Database=migrantaid;Username=migrantaid_app"
  export ConnectionStrings__Migrations="Host=127.0.0.1;Port=$PG_PORT;Database=migrantaid;Username=migrantaid"
  # The key-encryption key of the encrypted fields, kept beside the local database (docs/deployment.md).
  if [ -z "${Encryption__KeyFile:-}${Encryption__Key:-}" ]; then
    export Encryption__KeyFile="$PWD/.data/field-encryption.key"
    if [ ! -f "$Encryption__KeyFile" ]; then (umask 077 && head -c 32 /dev/urandom | base64 >"$Encryption__KeyFile"); fi
  fi
fi

banner_pid=""
stop_all() {
  trap - INT TERM EXIT
  if [ -n "$banner_pid" ]; then kill "$banner_pid" 2>/dev/null || true; fi
  if [ -n "$started_db" ]; then
    say "Stopping PostgreSQL ..."
    pg_stop "$DATA_DIR"
  fi
}
trap stop_all EXIT
trap 'exit 130' INT TERM

say "Building the portal ..."
dotnet build src/MigrantAid.Web/MigrantAid.Web.csproj -c Debug -nologo -v quiet -clp:ErrorsOnly

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export ASPNETCORE_URLS="$PORTAL_URL"
export Demo__Seed="${Demo__Seed:-true}"

# The address and logins are printed once the portal answers; the portal itself runs in the
# foreground so that Ctrl-C reaches it directly and it shuts down cleanly before the database.
(
  for _ in $(seq 1 180); do
    if curl -fsS "$PORTAL_URL/health/ready" >/dev/null 2>&1; then
      cat >&2 <<MSG

  MigrantAid is running at $PORTAL_URL   (Ctrl-C stops the portal and its database)

  Demo logins, all with the password Demo-2026!
    admin@demo.local         Administrator (Bishkek)
    coordinator@demo.local   Coordinator (St Petersburg)
    lawyer@demo.local        Lawyer (St Petersburg)
    lawyer2@demo.local       Lawyer (Almaty)
    caseworker@demo.local    Caseworker (St Petersburg)
    admin2fa@demo.local      Administrator (Bishkek) who must set up an authenticator app first
  The first five are exempt from the second factor that administrators and coordinators need.

MSG
      exit 0
    fi
    sleep 1
  done
) &
banner_pid=$!

dotnet run --project src/MigrantAid.Web/MigrantAid.Web.csproj -c Debug --no-build --no-launch-profile
