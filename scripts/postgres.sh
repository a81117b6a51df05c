# Shared by run.sh and test.sh: find or install PostgreSQL, and start/stop a private cluster.
# Sourced, not run. Works as root (the server then runs as the "postgres" user) or as a normal user.

PG_BIN=""

say() { printf '%s\n' "$*" >&2; }

is_root() { [ "$(id -u)" = "0" ]; }

apt_install() {
  # apt_install PACKAGE... : installs Debian packages when root, else prints the command and fails.
  if is_root && command -v apt-get >/dev/null 2>&1; then
    say "Installing $* with apt-get ..."
    if [ -z "${MIGRANTAID_APT_UPDATED:-}" ]; then
      apt-get update -qq >/dev/null || true
      export MIGRANTAID_APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    say "Missing: $*. Install it first, for example:"
    say "    sudo apt-get update && sudo apt-get install -y $*"
    return 1
  fi
}

pg_find_bin() {
  local candidate
  for candidate in /usr/lib/postgresql/*/bin; do
    if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then PG_BIN="$candidate"; fi
  done
  if [ -z "$PG_BIN" ] && command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    PG_BIN="$(dirname "$(command -v initdb)")"
  fi
  [ -n "$PG_BIN" ]
}

pg_ensure_installed() {
  if pg_find_bin; then return 0; fi
  apt_install postgresql postgresql-contrib || return 1
  pg_find_bin || { say "PostgreSQL was installed but initdb/pg_ctl were not found under /usr/lib/postgresql."; return 1; }
}

# Runs a PostgreSQL binary as the cluster's owner: "postgres" when we are root (initdb refuses root).
pg_as_owner() {
  if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

# pg_start DATA_DIR PORT [extra server options]: initialises DATA_DIR when empty, then starts the server
# on 127.0.0.1:PORT with its socket inside DATA_DIR/../run. Superuser "postgres", trust on loopback only.
pg_start() {
  local data="$1" port="$2" extra="${3:-}"
  local sock
  sock="$(dirname "$data")/run"
  mkdir -p "$data" "$sock"
  if is_root; then
    chown postgres:postgres "$data" "$sock"
    chmod 700 "$data"
    if ! runuser -u postgres -- test -w "$data"; then
      say "The postgres user cannot write to $data (a parent folder is not accessible to it)."
      say "Clone the repository somewhere all users can reach (e.g. /srv or /opt), or set ConnectionStrings__Default."
      return 1
    fi
  fi
  if [ ! -f "$data/PG_VERSION" ]; then
    pg_as_owner "$PG_BIN/initdb" -D "$data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  pg_as_owner "$PG_BIN/pg_ctl" -D "$data" -l "$sock/postgres.log" -w -t 60 \
    -o "-p $port -k $sock -c listen_addresses=127.0.0.1 $extra" start >/dev/null
}

pg_stop() {
  local data="$1"
  if [ -f "$data/postmaster.pid" ]; then
    pg_as_owner "$PG_BIN/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
  fi
}

# pg_ensure_roles PORT OWNER_ROLE APP_ROLE [DATABASE]: creates the two roles of docs/deployment.md ("Database
# roles") in the local cluster on 127.0.0.1:PORT when missing (no passwords: the cluster trusts loopback), and
# DATABASE owned by OWNER_ROLE. A DATABASE left by an older single-role run.sh is handed to OWNER_ROLE.
# Idempotent. The owner migrates; the portal connects as APP_ROLE, which gets its rights from each migration run.
pg_ensure_roles() {
  local port="$1" owner="$2" app="$3" database="${4:-}"
  local psql=("$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -qtA)
  "${psql[@]}" -d postgres -v owner="$owner" -v app="$app" -v db="$database" <<'SQL' >/dev/null || return 1
SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE', :'owner')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'owner') \gexec
SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS', :'app')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'app') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'owner')
WHERE :'db' <> '' AND NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL
  if [ -n "$database" ] && [ "$("${psql[@]}" -d postgres -c "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '$database'")" != "$owner" ]; then
    say "Handing the database $database to the role $owner ..."
    "${psql[@]}" -d "$database" -v owner="$owner" -f "$(dirname "${BASH_SOURCE[0]}")/db/transfer-ownership.sql" >/dev/null || return 1
  fi
}

# Ranges stay below Linux's ephemeral ports (32768–60999 by default): a port in that range can be taken at any
# moment as the local end of an outgoing connection, and a server then fails to bind it although nothing listens.
pg_free_port() {
  local port
  for port in $(seq "${1:-25432}" "${2:-25532}"); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

ensure_node() {
  if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then return 0; fi
  apt_install nodejs npm
}

ensure_dotnet() {
  if command -v dotnet >/dev/null 2>&1; then return 0; fi
  say "The .NET SDK (10.0) is required: https://learn.microsoft.com/dotnet/core/install/linux-debian"
  return 1
}
