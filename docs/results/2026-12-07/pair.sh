#!/usr/bin/env bash
# Paired wrk rounds of two paths against one target: warm-up, then ROUNDS x (A, B) alternating order; prints req/s
# per round and the per-round ratio B/A. Usage: pair.sh PROFILE PATH_A PATH_B [ROUNDS] [SECONDS] [extra bench serve args...]
set -euo pipefail
profile=$1; a=$2; b=$3; rounds=${4:-5}; secs=${5:-10}; shift 5 || true
cd /work/main
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
log=$(mktemp)
taskset -c 0 bin/bench serve "$profile" --set port=$port --set host=127.0.0.1 "$@" > "$log" 2>&1 &
pid=$!
for _ in $(seq 1 300); do grep -q "listening on port" "$log" && break; sleep 1; done
url=http://127.0.0.1:$port
rps() { taskset -c 1 wrk -t1 -c64 -d${2}s "$url$1" | awk '/Requests\/sec/ {print $2}'; }
rps "$a" 25 >/dev/null; rps "$b" 25 >/dev/null   # 50 s warm-up on both paths
echo "round $a $b ratio"
for r in $(seq 1 "$rounds"); do
  if [ $((r % 2)) = 1 ]; then x=$(rps "$a" $secs); y=$(rps "$b" $secs); else y=$(rps "$b" $secs); x=$(rps "$a" $secs); fi
  echo "$r $x $y $(python3 -c "print(round($y/$x,3))")"
done
kill -TERM $pid; wait $pid 2>/dev/null || true
