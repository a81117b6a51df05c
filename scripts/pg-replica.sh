# A local streaming replica (hot standby) of a cluster started by scripts/postgres.sh's pg_start, for the
# benchmark script's "reports on a replica" runs (issue 14, point 5). Sourced after scripts/postgres.sh,
# not run: it uses PG_BIN, pg_find_bin, pg_as_owner, is_root and say from there.
#
#   replica_start PRIMARY_PORT REPLICA_PORT DATADIR [extra server options]
#       copies the primary on 127.0.0.1:PRIMARY_PORT with pg_basebackup -R (as "postgres", over the
#       replication line that initdb's default pg_hba.conf already trusts on 127.0.0.1), then starts it as a
#       hot standby on 127.0.0.1:REPLICA_PORT, its socket in DATADIR/../run. DATADIR is replaced.
#   replica_wait [REPLICA_PORT] [PRIMARY_PORT] [TIMEOUT_SECONDS]
#       waits until the standby accepts queries and has replayed everything the primary had written when
#       called (defaults: the ports of the last replica_start, 120 s). Fails after the timeout.
#   replica_lag [REPLICA_PORT]
#       prints how far the standby's replay is behind, in seconds (0 when idle and caught up).
#   replica_reads PORT DATABASE
#       prints "rows blocks" read so far by DATABASE on that server (pg_stat_database: tuples returned and
#       fetched, blocks hit and read): the difference over a run is the work the server did for it, so a run
#       with and without the replica shows what the replica takes off the primary.
#   replica_stop DATADIR
#       stops the standby (fast shutdown); the files stay until the caller removes them.

REPLICA_LAST_PORT=""
REPLICA_LAST_PRIMARY=""

replica_psql() {
  # replica_psql PORT SQL: one value, no headers, as the postgres superuser of the local clusters.
  "$PG_BIN/psql" -h 127.0.0.1 -p "$1" -U postgres -d postgres -qtA -v ON_ERROR_STOP=1 -c "$2"
}

replica_start() {
  local primary="$1" port="$2" data="$3" extra="${4:-}"
  local sock setting value settings=""
  [ -n "$PG_BIN" ] || pg_find_bin || { say "PostgreSQL is not installed (pg_ensure_installed)."; return 1; }
  sock="$(dirname "$data")/run"
  if [ -f "$data/postmaster.pid" ]; then replica_stop "$data"; fi
  rm -rf "$data"
  mkdir -p "$data" "$sock"
  chmod 700 "$data"
  if is_root; then chown postgres:postgres "$data" "$sock"; fi

  # A hot standby refuses to start with a smaller value than its primary's for these: copy them.
  for setting in max_connections max_worker_processes max_wal_senders max_prepared_transactions max_locks_per_transaction; do
    value="$(replica_psql "$primary" "SHOW $setting")" || { say "The primary on port $primary does not answer."; return 1; }
    settings="$settings -c $setting=$value"
  done

  say "Copying the primary (127.0.0.1:$primary) into $data ..."
  pg_as_owner "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$primary" -U postgres -D "$data" -R -X stream -c fast >/dev/null || {
    say "pg_basebackup failed: the primary must allow replication connections from 127.0.0.1 (pg_hba.conf, wal_level=replica)."
    return 1
  }
  pg_as_owner "$PG_BIN/pg_ctl" -D "$data" -l "$sock/postgres.log" -w -t 120 \
    -o "-p $port -k $sock -c listen_addresses=127.0.0.1 -c hot_standby=on -c hot_standby_feedback=on $settings $extra" start >/dev/null || {
    say "The standby did not start; see $sock/postgres.log"
    return 1
  }
  REPLICA_LAST_PORT="$port"
  REPLICA_LAST_PRIMARY="$primary"
}

replica_wait() {
  local port="${1:-$REPLICA_LAST_PORT}" primary="${2:-$REPLICA_LAST_PRIMARY}" timeout="${3:-120}"
  local target deadline=$((SECONDS + timeout))
  target="$(replica_psql "$primary" "SELECT pg_current_wal_lsn()")" || return 1
  until [ "$(replica_psql "$port" "SELECT pg_is_in_recovery() AND pg_last_wal_replay_lsn() >= '$target'::pg_lsn" 2>/dev/null)" = "t" ]; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      say "The standby on port $port has not replayed up to $target after $timeout s."
      return 1
    fi
    sleep 0.2
  done
}

replica_lag() {
  local port="${1:-$REPLICA_LAST_PORT}"
  replica_psql "$port" "SELECT CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                               ELSE round(extract(epoch FROM now() - pg_last_xact_replay_timestamp())::numeric, 3) END"
}

replica_reads() {
  replica_psql "$1" "SELECT tup_returned + tup_fetched, blks_hit + blks_read FROM pg_stat_database WHERE datname = '$2'" | tr '|' ' '
}

replica_stop() {
  local data="$1"
  [ -n "$PG_BIN" ] || pg_find_bin || return 0
  if [ -f "$data/postmaster.pid" ]; then
    pg_as_owner "$PG_BIN/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
  fi
}
