#!/usr/bin/env bash
# Measures issue 11's figures against a running portal with demo data (./run.sh), over real HTTP:
# session revocation, equal answers, sign-in throttling, the NUL rule and the Server header.
# Usage: scripts/trust-check.sh [URL]   (default http://localhost:5080; demo password Demo-2026!)
# Run it on a freshly started portal: it spends the sign-in budget of this client address.
set -uo pipefail
url="${1:-http://localhost:5080}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

token() { # token COOKIEJAR PATH: the antiforgery token of a form page
  curl -s -b "$1" -c "$1" "$url$2" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"\|name="__RequestVerificationToken" value="[^"]*"' \
    | head -n 1 | sed 's/.*value="//; s/"$//'
}

sign_in() { # sign_in JAR EMAIL PASSWORD: prints "STATUS TIME_MS"
  local t
  t="$(token "$1" /account/login)"
  curl -s -o /dev/null -b "$1" -c "$1" -w '%{http_code} %{time_total}\n' \
    --data-urlencode "Email=$2" --data-urlencode "Password=$3" --data-urlencode "__RequestVerificationToken=$t" \
    "$url/account/login" | awk '{ printf "%s %.0f\n", $1, $2 * 1000 }'
}

status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }

echo "== Session revocation (a cookie copied before sign-out)"
jar="$work/lawyer"
sign_in "$jar" lawyer@demo.local 'Demo-2026!' >/dev/null
cp "$jar" "$work/copy"
echo "copied cookie before sign-out: /cases -> $(status -b "$work/copy" "$url/cases")"
t="$(token "$jar" /cases)"
curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "__RequestVerificationToken=$t" "$url/account/logout"
echo "copied cookie after sign-out:  /cases -> $(status -b "$work/copy" "$url/cases") (302 = sent to sign-in)"

echo "== Equal answers (ms per attempt; 4 each, within this address's budget)"
for who in "lawyer@demo.local" "nobody-$RANDOM@demo.local"; do
  times=""
  for _ in 1 2 3 4; do times="$times $(sign_in "$work/t$RANDOM" "$who" 'Wrong-Passw0rd!' | cut -d' ' -f2)"; done
  echo "$who:$times"
done

echo "== NUL in input"
jar="$work/coordinator"
sign_in "$jar" coordinator@demo.local 'Demo-2026!' >/dev/null
echo "search /cases?q=%00: $(status -b "$jar" "$url/cases?q=Ab%00c")"
echo "search /clients?q=%00: $(status -b "$jar" "$url/clients?q=Ab%00c")"

echo "== Throttling: 200 wrong sign-ins from this address"
: >"$work/codes"
for _ in $(seq 1 200); do sign_in "$work/b" lawyer2@demo.local 'Wrong-Passw0rd!' | cut -d' ' -f1 >>"$work/codes"; done
sort "$work/codes" | uniq -c | awk '{ printf "  %s answered %s\n", $1, $2 }'
echo "Retry-After: $(curl -s -D - -o /dev/null -b "$work/b" -c "$work/b" --data "Email=x@demo.local&Password=x&__RequestVerificationToken=$(token "$work/b" /account/login)" "$url/account/login" | tr -d '\r' | grep -i '^retry-after' | cut -d' ' -f2)"

echo "== Headers"
curl -s -D - -o /dev/null "$url/account/login" | tr -d '\r' | grep -i '^server:' || echo "no Server header"
