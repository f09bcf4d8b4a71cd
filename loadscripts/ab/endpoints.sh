#!/usr/bin/env bash
# ab (ApacheBench) against each benchmark endpoint, the command lines of README's "ab" section:
# keep-alive (-k: HTTP/1.0 + Connection: keep-alive), N requests at concurrency C, and the signed-in
# wall with the session cookie (-C) when SESSIONID is given. Prints ab's output, then one line per endpoint:
#   ab PATH complete=N failed=N non2xx=N rps=X
# ("failed" leaves out ab's Length failures: a page whose length varies is still an answer).
#   N=5000 C=50 loadscripts/ab/endpoints.sh http://127.0.0.1:8080 "$(bin/bench token user1 ...)"
set -euo pipefail
base="${1:?usage: endpoints.sh BASE_URL [SESSIONID]}"
sid="${2:-${SESSIONID:-}}"
n="${N:-5000}"
c="${C:-50}"
command -v ab >/dev/null || { echo "endpoints.sh: ab is not installed (apt-get install apache2-utils)" >&2; exit 1; }

run() {
    local path="$1"; shift
    local out
    out="$(ab -k -n "$n" -c "$c" "$@" "$base$path" 2>&1)" || { echo "$out"; echo "ab $path: ab failed" >&2; return 1; }
    echo "$out"
    local complete failed length non2xx rps
    complete="$(sed -n 's/^Complete requests: *//p' <<<"$out")"
    failed="$(sed -n 's/^Failed requests: *//p' <<<"$out")"
    length="$(sed -n 's/.*Length: \([0-9]*\),.*/\1/p' <<<"$out")"
    non2xx="$(sed -n 's/^Non-2xx responses: *//p' <<<"$out")"
    rps="$(sed -n 's/^Requests per second: *\([0-9.]*\).*/\1/p' <<<"$out")"
    echo "ab $path complete=${complete:-0} failed=$(( ${failed:-0} - ${length:-0} )) non2xx=${non2xx:-0} rps=${rps:-0}"
}

run /hello
run /db
run /hello.txt
run /
run /surveys
if [ -n "$sid" ]; then
    run /wall/1 -C "sessionid=$sid"
fi
