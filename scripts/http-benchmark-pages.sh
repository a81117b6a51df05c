# The pages of scripts/http-benchmark.sh and how each is measured. Sourced by it, not run: it uses the script's
# variables (work, db, app, base, server_log, tools_dll, RUNS, DURATION, CONCURRENCY).

psql_value() { psql -d "$db" -At -v ON_ERROR_STOP=1 -c "$1"; }

# urlencode TEXT: percent-encodes every byte but the unreserved ones (Cyrillic names included).
urlencode() {
  local LC_ALL=C text="$1" out="" c i
  for ((i = 0; i < ${#text}; i++)); do
    c=${text:i:1}
    case "$c" in
      [a-zA-Z0-9.~_-]) out+="$c" ;;
      *) printf -v c '%%%02X' "'$c"; out+="${c: -3}" ;;
    esac
  done
  printf '%s' "$out"
}

# The people and records the pages are measured with, picked by SQL: the office with the most cases, its coordinator,
# the lawyer with the most open cases, that office's busiest caseworker, a client name typed in Latin for a Cyrillic
# one, the commonest surname, a reference prefix, and an open case.
pick_fixtures() {
  office=$(psql_value "SELECT office_id FROM cases GROUP BY office_id ORDER BY count(*) DESC, office_id LIMIT 1")
  local staff="SELECT u.email FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id
    WHERE u.email LIKE '%@synthetic.invalid' AND r.name ="
  coordinator=$(psql_value "$staff 'Coordinator' AND u.office_id = '$office' ORDER BY u.email LIMIT 1")
  lawyer=$(psql_value "$staff 'Lawyer' ORDER BY (SELECT count(*) FROM cases c WHERE c.lead_lawyer_id = u.id AND c.status <> 2) DESC, u.email LIMIT 1")
  caseworker=$(psql_value "$staff 'Caseworker' AND u.office_id = '$office'
    ORDER BY (SELECT count(*) FROM cases c WHERE c.caseworker_id = u.id) DESC, u.email LIMIT 1")
  # BENCH_NAME measures the searches and the duplicate check with another name (a rare given name after a common
  # surname is the duplicate check's slowest kind: more rounds of candidates).
  latin_name=${BENCH_NAME:-$(psql_value "SELECT cl.latin_name FROM cases c JOIN clients cl ON cl.id = c.principal_client_id
    WHERE c.office_id = '$office' AND cl.full_name ~ '[А-Яа-яЁё]' ORDER BY c.opened_on DESC, c.id LIMIT 1")}
  surname=$(psql_value "SELECT split_part(full_name, ' ', 1) FROM clients GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
  reference_prefix=$(psql_value "SELECT left(reference, length(reference) - 3) FROM cases WHERE office_id = '$office' ORDER BY opened_on DESC, id LIMIT 1")
  case_id=$(psql_value "SELECT id FROM cases WHERE office_id = '$office' AND status <> 2 ORDER BY opened_on DESC, id LIMIT 1")
  # The generator makes no administrator: the first coordinator of another office is given the role in this
  # database only (the privacy pages are an administrator's).
  admin=$(psql_value "$staff 'Coordinator' AND u.office_id <> '$office' ORDER BY u.email LIMIT 1")
  for value in "$coordinator" "$lawyer" "$caseworker" "$admin" "$latin_name" "$surname" "$reference_prefix" "$case_id"; do
    [ -n "$value" ] || { say "The generated data lacks a fixture the pages need (too few cases?)."; exit 1; }
  done
  say "== fixtures: $coordinator, $lawyer, $caseworker; the office with the most cases; commonest surname and a name as picked by SQL"
}

# The administrator of the privacy pages, and a retention schedule, so that the retention page counts what falls due
# (issue 15): closed cases after 5 years, rejected intakes after 12 months, drafts after 30 days, audit after 7 years.
prepare_admin() {
  psql_value "INSERT INTO user_roles (user_id, role_id) SELECT u.id, r.id FROM users u, roles r
    WHERE u.email = '$admin' AND r.name = 'Admin' ON CONFLICT DO NOTHING" >/dev/null
  psql_value "UPDATE retention_policies SET closed_case_years = 5, rejected_intake_months = 12, draft_intake_days = 30, audit_years = 7" >/dev/null
}

# The form's antiforgery token in the page just fetched.
form_token() { sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' "$1" | head -n 1; }

# sign_in ROLE EMAIL: the login form, as a browser sends it, from a new jar; the cookies stay in $work/ROLE.jar.
sign_in() {
  local jar="$work/$1.jar" code
  rm -f "$jar"
  curl -s -c "$jar" -b "$jar" -o "$work/login.html" "$base/account/login"
  code=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' --data-urlencode "Email=$2" \
    --data-urlencode "Password@$work/password" --data-urlencode "__RequestVerificationToken=$(form_token "$work/login.html")" "$base/account/login")
  [ "$code" = 302 ] || { say "Signing in as $1 answered $code (expected a redirect)."; exit 1; }
}

sign_in_all() {
  sign_in coordinator "$coordinator"
  sign_in lawyer "$lawyer"
  sign_in caseworker "$caseworker"
  sign_in admin "$admin"
  feed_file=$(create_feed)
}

# The lawyer's calendar feed address, made through the portal's own form; prints "<token>.ics".
create_feed() {
  local jar="$work/lawyer.jar"
  curl -s -c "$jar" -b "$jar" -o "$work/feed.html" "$base/calendar/feed"
  curl -s -c "$jar" -b "$jar" -o "$work/feed.html" --data-urlencode "__RequestVerificationToken=$(form_token "$work/feed.html")" "$base/calendar/feed"
  grep -o 'calendar/feed/[A-Za-z0-9_-]*\.ics' "$work/feed.html" | head -n 1 | sed 's|.*/||'
}

# The Cookie header of a role's jar (curl's jar marks HttpOnly cookies with a "#HttpOnly_" prefix on the line).
cookie_header() {
  [ -f "$work/$1.jar" ] || return 0
  awk -F'\t' 'NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$work/$1.jar"
}

# The client duplicate check posts the "find before you create" form: its body with a fresh token.
duplicate_check_body() {
  local jar="$work/coordinator.jar"
  curl -s -c "$jar" -b "$jar" -o "$work/register.html" "$base/clients/new"
  printf 'FullName=%s&__RequestVerificationToken=%s' "$(urlencode "$latin_name")" "$(urlencode "$(form_token "$work/register.html")")"
}

# name|role|method|path: the issue's table, each address taken from its controller's route.
page_list() {
  local today year_ago
  today=$(date -u +%F) year_ago=$(date -u -d '-365 days' +%F)
  cat <<EOF
case list, coordinator|coordinator|GET|/cases
case list, lawyer's My cases|lawyer|GET|/cases?scope=mine
search, a name typed in Latin for a Cyrillic name (coordinator)|coordinator|GET|/cases?q=$(urlencode "$latin_name")
search, the same name by a caseworker with an office filter|caseworker|GET|/cases?scope=all&office=$office&q=$(urlencode "$latin_name")
search, a common surname alone|coordinator|GET|/cases?q=$(urlencode "$surname")
search, a reference prefix|coordinator|GET|/cases?q=$(urlencode "$reference_prefix")
case page|coordinator|GET|/cases/$case_id
client list|coordinator|GET|/clients
client duplicate check|coordinator|POST|/clients/new
desk, lawyer|lawyer|GET|/desk
month calendar, lawyer|lawyer|GET|/calendar
iCalendar feed, lawyer|anonymous|GET|/calendar/feed/$feed_file
dashboard, 12 weeks|coordinator|GET|/dashboard
dashboard, a year|coordinator|GET|/dashboard?from=$year_ago&to=$today
statistics, category × outcome|coordinator|GET|/statistics?rows=category&cols=outcome
home, lawyer|lawyer|GET|/
home, caseworker|caseworker|GET|/
privacy page, administrator|admin|GET|/privacy
retention schedule with what falls due, administrator|admin|GET|/privacy/retention
records due, closed cases, administrator|admin|GET|/privacy/retention/due/ClosedCases
EOF
}

# hey_args ROLE METHOD PATH: the request as hey sends it (cookie, method, form body).
# A browser keeps the cookie the portal renews after its once-a-minute security-stamp check; hey sends the same
# cookie for the whole phase. Once that cookie is a minute old, every request of the phase repeats the check (five
# statements, the claims rebuilt, the cookie re-encrypted): 25-30 % fewer requests/s on the client list, and
# statements the capture of one request does not contain. A request that merely passes by the portal renews the
# cookie only when it is already a minute old, so it cannot promise a fresh one. So each role signs in again before
# each phase of a page (warm-up, latency, throughput, capture; each well under a minute), as a browser's user would
# have a cookie at most a minute old.
fresh_cookie() {
  [ -f "$work/$1.jar" ] || return 0
  sign_in "$1" "${!1}"
}

hey_args() {
  args=()
  local cookie
  cookie=$(cookie_header "$1")
  if [ -n "$cookie" ]; then args+=(-H "Cookie: $cookie"); fi
  args+=(-m "$2")
  if [ "$2" = POST ]; then args+=(-T application/x-www-form-urlencoded -d "$(duplicate_check_body)"); fi
  return 0
}

# One request by curl, as hey will send it: the status code; the body lands in $work/page.html.
probe() {
  local curl_args=(-s -o "$work/page.html" -w '%{http_code}' -X "$1") i
  for ((i = 0; i < ${#args[@]}; i += 2)); do
    case "${args[i]}" in
      -H) curl_args+=(-H "${args[i + 1]}") ;;
      -T) curl_args+=(-H "Content-Type: ${args[i + 1]}") ;;
      -d) curl_args+=(--data-binary "${args[i + 1]}") ;;
    esac
  done
  curl "${curl_args[@]}" "$2"
}

# latency URL: RUNS requests at concurrency 1 → "p50 p95 max non200" in milliseconds.
latency() {
  hey -n "$RUNS" -c 1 -o csv "${args[@]}" "$1" >"$work/c1.csv"
  tail -n +2 "$work/c1.csv" | awk -F, '{ print $1 * 1000, $7 }' | sort -g | awk '
    { t[NR] = $1; if ($2 != 200) bad++ }
    END { p50 = int((NR + 1) * 0.50); p95 = int(NR * 0.95 + 0.999); if (p50 < 1) p50 = 1; if (p95 < 1) p95 = 1
          printf "%.1f %.1f %.1f %d\n", t[p50], t[p95], t[NR], bad + 0 }'
}

# throughput URL: requests/s at CONCURRENCY for DURATION seconds, and how many answers were not 200.
# warm_up URL: rounds of WARMUP seconds (5) at concurrency CONCURRENCY, not measured, until a round's requests/s is
# within 5 % of the round before, either way (a round slower than the one before is not a steady state either; at
# most WARMUP_ROUNDS, 8); prints how many rounds it took. A fresh portal runs the
# first requests of a page while .NET still compiles its code (tiered compilation, on the same two cores): at 1,000,000
# cases the first page measured needed about 30 seconds of load before its requests/s stopped rising, which is not
# the steady state a portal serving an office all day is in.
warm_up() {
  [ "${WARMUP:-5}" -gt 0 ] || { echo 0; return 0; }
  local previous=0 current round
  for ((round = 1; round <= ${WARMUP_ROUNDS:-8}; round++)); do
    current=$(hey -z "${WARMUP:-5}s" -c "$CONCURRENCY" "${args[@]}" "$1" | awk '/Requests\/sec:/ { print $2 }')
    if awk -v p="$previous" -v c="${current:-0}" 'BEGIN { exit !(p > 0 && c < p * 1.05 && c > p * 0.95) }'; then break; fi
    previous=${current:-0}
  done
  echo "$((round > ${WARMUP_ROUNDS:-8} ? ${WARMUP_ROUNDS:-8} : round))"
}

throughput() {
  hey -z "${DURATION}s" -c "$CONCURRENCY" "${args[@]}" "$1" >"$work/c8.txt"
  local rps bad
  rps=$(awk '/Requests\/sec:/ { printf "%.1f", $2 }' "$work/c8.txt")
  bad=$(awk '/^\s*\[[0-9]+\]/ { gsub(/[\[\]]/, "", $1); if ($1 != 200) bad += $2 } END { print bad + 0 }' "$work/c8.txt")
  echo "${rps:-0} $bad"
}

# capture NAME METHOD URL: the statements of one request, from the server log written with log_statement = all
# for that request only; writes $work/NAME.sql (a pgbench script) and prints how many statements there were.
capture() {
  [ -n "$server_log" ] && [ -r "$server_log" ] || { echo "-"; return 0; }
  psql -q -d postgres -c "ALTER SYSTEM SET log_statement = 'all'" -c "SELECT pg_reload_conf()" >/dev/null
  sleep 0.5
  local start end
  start=$(stat -c %s "$server_log")
  probe "$2" "$3" >/dev/null
  sleep 0.5
  end=$(stat -c %s "$server_log")
  psql -q -d postgres -c "ALTER SYSTEM RESET log_statement" -c "SELECT pg_reload_conf()" >/dev/null
  tail -c +"$((start + 1))" "$server_log" | head -c "$((end - start))" >"$work/$1.log"
  dotnet "$tools_dll" capture-sql --out "$work/$1.sql" <"$work/$1.log" || echo "0"
}

# replay NAME: pgbench running the captured statements as one transaction → transactions/s, or "error".
replay() {
  [ -s "$work/$1.sql" ] || { echo "-"; return 0; }
  if pgbench -n -c "$CONCURRENCY" -j 2 -T "$DURATION" -U "$app" -f "$work/$1.sql" "$db" >"$work/$1.pgbench" 2>&1 \
    && ! grep -q 'aborted' "$work/$1.pgbench"; then
    awk '/^tps = / { printf "%.1f", $3 }' "$work/$1.pgbench"
  else
    echo "error"
  fi
}

rows=()
failures=0

measure_page() {
  local name=$1 role=$2 method=$3 path=$4 url="$base$4" code key p50 p95 max bad1 rps bad8 statements tps ratio kb rounds
  key=$(printf '%s' "$name" | tr -c 'a-zA-Z0-9' '_')
  hey_args "$role" "$method" "$path"
  code=$(probe "$method" "$url")
  if [ "$code" != 200 ]; then
    say "$name: $method $path answered $code"
    rows+=("| $name | answered $code | | | | | | | |")
    failures=$((failures + 1))
    return 0
  fi
  kb=$(awk -v b="$(stat -c %s "$work/page.html")" 'BEGIN { printf "%.0f", b / 1024 }')
  cp "$work/page.html" "$work/$key.html"
  fresh_cookie "$role"; hey_args "$role" "$method" "$path"
  rounds=$(warm_up "$url")
  read -r p50 p95 max bad1 < <(latency "$url")
  fresh_cookie "$role"; hey_args "$role" "$method" "$path"
  read -r rps bad8 < <(throughput "$url")
  # A new session's first request reads its row (then cached, ADR 0011); the capture is of the next request, as the
  # load phases' requests are.
  fresh_cookie "$role"; hey_args "$role" "$method" "$path"
  probe "$method" "$url" >/dev/null
  statements=$(capture "$key" "$method" "$url")
  tps=$(replay "$key")
  ratio=$(awk -v r="$rps" -v t="$tps" 'BEGIN { if (t + 0 > 0) printf "%.2f", r / t; else print "-" }')
  if [ "$bad1" != 0 ] || [ "$bad8" != 0 ]; then say "$name: $bad1 + $bad8 answers were not 200"; failures=$((failures + 1)); fi
  if [ "$tps" = error ]; then say "$name: pgbench failed on the captured statements ($work/$key.pgbench):"; grep -m 3 -i 'error' "$work/$key.pgbench" >&2 || true; failures=$((failures + 1)); fi
  say "   $name: $rounds warm-up round(s), $statements statements, p50 $p50 ms, p95 $p95 ms, max $max ms, $rps req/s, pgbench $tps tps, ratio $ratio"
  rows+=("| $name | $statements | $p50 | $p95 | $max | $rps | $tps | $ratio | $kb |")
}

# warm_all: one WARMUP-second round per page before any is measured, so that the code every page shares (sign-in,
# layout, EF Core's pipeline) is compiled before the first page's measurement, not during it.
warm_all() {
  [ "${WARMUP:-5}" -gt 0 ] || return 0
  local name role method path
  say "== warming every page for ${WARMUP:-5}s"
  while IFS='|' read -r name role method path; do
    if [ -n "${ONLY:-}" ] && [[ "$name" != *"$ONLY"* ]]; then continue; fi
    fresh_cookie "$role"; hey_args "$role" "$method" "$path"
    hey -z "${WARMUP:-5}s" -c "$CONCURRENCY" "${args[@]}" "$base$path" >/dev/null
  done < <(page_list)
}

run_pages() {
  local name role method path
  warm_all
  while IFS='|' read -r name role method path; do
    if [ -n "${ONLY:-}" ] && [[ "$name" != *"$ONLY"* ]]; then continue; fi
    measure_page "$name" "$role" "$method" "$path"
  done < <(page_list)
}

print_report() {
  echo
  echo "HTTP benchmark: $(psql_value "SELECT count(*) FROM cases") cases, $(psql_value "SELECT (SELECT count(*) FROM case_deadlines) + (SELECT count(*) FROM hearings)") deadlines and hearings;" \
    "$(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo);" \
    "PostgreSQL $(psql_value "SHOW server_version"); RUNS=$RUNS, DURATION=${DURATION}s, concurrency $CONCURRENCY;" \
    "load average before $load_before, after $load_after"
  echo
  echo "| page | statements | p50 ms (c=1) | p95 ms (c=1) | max ms (c=1) | req/s (c=$CONCURRENCY) | pgbench tps (c=$CONCURRENCY) | ratio | HTML KB |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
  echo
}
