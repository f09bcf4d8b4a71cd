#!/usr/bin/env bash
# Paired wrk rounds of one path against two builds of the same target (e.g. Undertow 2.3 against 2.4): both started
# as bench starts targets (TargetJvm's memory options), both pinned to CPU 0, wrk on CPU 1; a warm-up on each, then
# ROUNDS x (A, B) in alternating order; prints req/s per round and the ratio B/A.
# Usage: pair-jars.sh JAR_A JAR_B PROFILE PATH [ROUNDS] [SECONDS]
set -euo pipefail
jar_a=$1; jar_b=$2; profile=$3; path=$4; rounds=${5:-5}; secs=${6:-10}
java=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
opts=(-XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -Xms32m -Xmx128m -Xss512k -XX:MaxDirectMemorySize=32m
      -XX:ReservedCodeCacheSize=40m -XX:MaxMetaspaceSize=96m)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
start() { # JAR PORT LOG
  MALLOC_ARENA_MAX=2 taskset -c 0 "$java" "${opts[@]}" -jar "$1" "$profile" --set host=127.0.0.1 --set port="$2" > "$3" 2>&1 &
  echo $!
}
port_a=$(free_port); port_b=$(free_port)
log_a=$(mktemp); log_b=$(mktemp)
pid_a=$(start "$jar_a" "$port_a" "$log_a"); pid_b=$(start "$jar_b" "$port_b" "$log_b")
trap 'kill -TERM $pid_a $pid_b 2>/dev/null || true; wait 2>/dev/null || true' EXIT
for log in "$log_a" "$log_b"; do
  for _ in $(seq 1 120); do grep -q "listening on port" "$log" && break; sleep 1; done
done
rps() { taskset -c 1 wrk -t1 -c64 -d"$2"s "http://127.0.0.1:$1$path" | awk '/Requests\/sec/ {print $2}'; }
rps "$port_a" 30 >/dev/null; rps "$port_b" 30 >/dev/null; rps "$port_a" 15 >/dev/null; rps "$port_b" 15 >/dev/null
echo "round A B ratio(B/A)"
for r in $(seq 1 "$rounds"); do
  if [ $((r % 2)) = 1 ]; then x=$(rps "$port_a" "$secs"); y=$(rps "$port_b" "$secs"); else y=$(rps "$port_b" "$secs"); x=$(rps "$port_a" "$secs"); fi
  echo "$r $x $y $(python3 -c "print(round($y/$x,3))")"
done
