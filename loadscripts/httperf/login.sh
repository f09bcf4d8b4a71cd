#!/usr/bin/env bash
# Seed 002's "log in to the site and check your cookies", with curl: loads the sign-in form (its
# csrftoken cookie and hidden csrf field), posts it, and prints the sessionid value the target set.
#   sid=$(loadscripts/httperf/login.sh http://127.0.0.1:8080 user1 [password])    # password default: benchpass
# httperf cannot do this itself: it keeps one cookie per session (--session-cookie) and cannot read
# the form's hidden field, and the sign-in form needs both (a signed double-submit token).
set -euo pipefail
base="${1:?usage: login.sh BASE_URL USER [PASSWORD]}"
user="${2:?usage: login.sh BASE_URL USER [PASSWORD]}"
password="${3:-benchpass}"
jar="$(mktemp)"
trap 'rm -f "$jar"' EXIT
csrf="$(curl -fsS -c "$jar" "$base/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)"
[ -n "$csrf" ] || { echo "login.sh: no csrf field in $base/login" >&2; exit 1; }
status="$(curl -sS -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" \
    --data-urlencode "csrf=$csrf" --data-urlencode "username=$user" --data-urlencode "password=$password" "$base/login")"
[ "$status" = 303 ] || { echo "login.sh: POST $base/login as $user answered $status, expected 303" >&2; exit 1; }
sid="$(awk '$6 == "sessionid" { print $7 }' "$jar")"
[ -n "$sid" ] || { echo "login.sh: no sessionid cookie after signing in" >&2; exit 1; }
echo "$sid"
