# REPLICA=1 part of scripts/http-benchmark.sh (issue 14, point 5): the reporting pages (dashboards, statistics) at
# concurrency CONCURRENCY, first with the primary serving them, then with a local streaming replica (scripts/pg-replica.sh)
# as the portal's ConnectionStrings__Reporting, and what each run cost the primary: the CPU seconds of its server
# processes and the transactions it committed. Sourced by the script, not run.

# CPU seconds (user + system) of the primary's postmaster and every process it started.
primary_cpu_seconds() {
  local postmaster pids
  postmaster=$(head -n 1 "$own_cluster/postmaster.pid")
  pids="$postmaster $(ps -o pid= --ppid "$postmaster" | tr '\n' ' ')"
  # shellcheck disable=SC2086
  for pid in $pids; do
    [ -r "/proc/$pid/stat" ] && sed 's/^.*) //' "/proc/$pid/stat" | awk '{ print $12 + $13 }'
  done | awk -v hz="$(getconf CLK_TCK)" '{ s += $1 } END { printf "%.2f", s / hz }'
}

primary_transactions() { psql -d postgres -At -c "SELECT sum(xact_commit + xact_rollback) FROM pg_stat_database"; }

# reporting_load SETUP: each reporting page at concurrency CONCURRENCY, with the primary's cost of the run.
reporting_load() {
  local name role method path cpu0 tx0 rps bad
  while IFS='|' read -r name role method path; do
    case "$name" in dashboard* | statistics*) ;; *) continue ;; esac
    hey_args "$role" "$method" "$path"
    sleep 1
    cpu0=$(primary_cpu_seconds) tx0=$(primary_transactions)
    read -r rps bad < <(throughput "$base$path")
    sleep 1
    replica_rows+=("| $name | $1 | $rps | $(awk -v a="$cpu0" -v b="$(primary_cpu_seconds)" 'BEGIN { printf "%.1f", b - a }') | $(($(primary_transactions) - tx0)) |")
    if [ "$bad" != 0 ]; then say "$name ($1): $bad answers were not 200"; failures=$((failures + 1)); fi
  done < <(page_list)
}

replica_comparison() {
  if [ ! -f "$root/scripts/pg-replica.sh" ]; then
    say "REPLICA=1: scripts/pg-replica.sh is missing (issue 14, point 5), so the comparison with a replica is skipped."
    return 0
  fi
  if [ -z "$own_cluster" ]; then
    say "REPLICA=1 needs the script's own cluster (not BENCH_PG=external); skipped."
    return 0
  fi
  . "$root/scripts/pg-replica.sh"
  replica_rows=()
  say "== reporting pages: the primary's load without a replica"
  reporting_load "primary only"
  local replica_port
  replica_port=$(pg_free_port 26401 26499) || { say "No free port for the replica."; return 1; }
  replica_dir="$work/replica"
  replica_start "$PGPORT" "$replica_port" "$replica_dir"
  stop_portal
  start_portal ConnectionStrings__Reporting="Host=127.0.0.1;Port=$replica_port;Database=$db;Username=$app;Application Name=migrantaid-reporting"
  sign_in_all
  say "== reporting pages: the primary's load with the replica on port $replica_port"
  reporting_load "with replica"
  echo
  echo "Reporting pages at concurrency $CONCURRENCY for ${DURATION}s: what each run cost the primary"
  echo
  echo "| page | setup | req/s | primary CPU s | primary transactions |"
  echo "|---|---|---:|---:|---:|"
  printf '%s\n' "${replica_rows[@]}"
  echo
}
