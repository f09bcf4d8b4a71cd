#!/usr/bin/env bash
# Daemon mode's fronts side by side (issue 25): daemon-p2-t10 /hello behind each front and proxy kind, in one run
# with the same pinning (target tree on CPU 0, driver on CPU 1): ab -n N without keep-alive at c=10,100,200,500 (seed
# 003's shape) and wrk -t1 -c64 keep-alive. Prints one line per measurement:
#   FRONT PROXY BACKEND TOOL c=C rps=X
# and the target tree's CPU per request (utime+stime of the bench serve tree from /proc, over the whole row).
#   loadscripts/daemon/fronts.sh            # every combination
#   COMBOS="undertow:http:undertow nginx:uds:jetty" N=5000 loadscripts/daemon/fronts.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${N:-5000}"
port="${PORT:-18080}"
combos="${COMBOS:-undertow:http:undertow jetty:http:undertow nginx:http:undertow haproxy:http:undertow jetty:http:jetty nginx:http:jetty haproxy:http:jetty jetty:uds:jetty nginx:uds:jetty haproxy:uds:jetty}"
for tool in ab wrk taskset; do
    command -v "$tool" >/dev/null || { echo "fronts.sh: $tool is not installed" >&2; exit 1; }
done

descendants() {
    local child
    for child in $(pgrep -P "$1" || true); do
        echo "$child"
        descendants "$child"
    done
}

# CPU ticks (USER_HZ, 10 ms) of a process and all its descendants
tree_ticks() {
    local total=0 pid
    for pid in "$1" $(descendants "$1"); do
        [ -r "/proc/$pid/stat" ] || continue
        total=$(( total + $(awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat") ))
    done
    echo "$total"
}

for combo in $combos; do
    IFS=: read -r front proxy backend <<<"$combo"
    log="$(mktemp)"
    taskset -c 0 bin/bench serve daemon-p2-t10 --set port="$port" --set host=127.0.0.1 --set front="$front" \
        --set proxy="$proxy" --set backend="$backend" >"$log" 2>&1 &
    serve=$!
    for _ in $(seq 1 240); do
        curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
        kill -0 "$serve" 2>/dev/null || { echo "$combo: did not start: $(tail -1 "$log")"; continue 2; }
        sleep 0.5
    done
    url="http://127.0.0.1:$port/hello"
    taskset -c 1 ab -q -n 2000 -c 10 "$url" >/dev/null 2>&1 || true   # warm-up
    for c in 10 100 200 500; do
        before=$(tree_ticks "$serve")
        rps=$(taskset -c 1 ab -q -n "$n" -c "$c" "$url" 2>/dev/null | awk '/Requests per second/ { print $4 }')
        after=$(tree_ticks "$serve")
        echo "$front $proxy $backend ab c=$c rps=${rps:-?} cpu_us_per_req=$(( (after - before) * 10000 / n ))"
    done
    out=$(taskset -c 1 wrk -t1 -c64 -d10s "$url" 2>/dev/null)
    echo "$front $proxy $backend wrk c=64 rps=$(awk '/Requests\/sec/ { print $2 }' <<<"$out")"
    kill "$serve"
    wait "$serve" 2>/dev/null || true
    rm -f "$log"
done
