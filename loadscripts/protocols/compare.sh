#!/usr/bin/env bash
# loadscripts/protocols/compare.sh: undertow-nio against nginx over h2c (h2load -c64 -m10) and over TLS
# (wrk keep-alive; ab -f without keep-alive: new handshakes a second), side by side, one certificate for both.
# Pins the servers to CPU 0 and the load tools to CPU 1 (TARGET_CPU, LOAD_CPU). Run from the clone's root:
#   loadscripts/protocols/compare.sh            # 45 s warm-up, 3 rounds; prints each tool's summary line
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
target_cpu="${TARGET_CPU:-0}"
load_cpu="${LOAD_CPU:-1}"
rounds="${ROUNDS:-3}"
warmup="${WARMUP:-45}"   # seconds of h2load per target before the rounds (a JIT-compiled server, not a cold one)
dir="$(mktemp -d)"
chmod 755 "$dir"   # nginx's workers (www-data when started as root) read the file from here
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$dir/key.pem" -out "$dir/cert.pem" \
    -subj /CN=localhost -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" -days 2 2>/dev/null
printf 'Hello World!\n' > "$dir/hello"   # 13 bytes, as /hello.txt; the targets' /hello is 24
sed -e "s#@DIR@#$dir#g" -e "s#@H2C_PORT@#18081#" -e "s#@TLS_PORT@#18444#" "$home/loadscripts/protocols/nginx.conf" > "$dir/nginx.conf"
taskset -c "$target_cpu" /usr/sbin/nginx -c "$dir/nginx.conf" -p "$dir" & pids+=($!)
taskset -c "$target_cpu" "$home/bin/bench" serve undertow-nio-h2c --set host=127.0.0.1 --set port=18082 > "$dir/h2c.log" 2>&1 & pids+=($!)
taskset -c "$target_cpu" "$home/bin/bench" serve undertow-nio-tls --set host=127.0.0.1 --set port=18445 \
    --set tls.cert="$dir/cert.pem" --set tls.key="$dir/key.pem" > "$dir/tls.log" 2>&1 & pids+=($!)
for port in 18081 18444 18082 18445; do
    for _ in $(seq 1 120); do (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 1; done
done
load() { taskset -c "$load_cpu" "$@"; }
warm() { load h2load -c64 -m10 -D "$warmup" "$1" > /dev/null; }
warm http://127.0.0.1:18082/hello; warm https://127.0.0.1:18445/hello

for round in $(seq 1 "$rounds"); do
    echo "== round $round"
    echo "h2c nginx:    $(load h2load -c64 -m10 -D 10 http://127.0.0.1:18081/hello | grep '^finished in')"
    echo "h2c undertow: $(load h2load -c64 -m10 -D 10 http://127.0.0.1:18082/hello | grep '^finished in')"
    echo "TLS keep-alive nginx:    $(load wrk -t1 -c64 -d10s https://127.0.0.1:18444/hello | grep 'Requests/sec')"
    echo "TLS keep-alive undertow: $(load wrk -t1 -c64 -d10s https://127.0.0.1:18445/hello | grep 'Requests/sec')"
    for version in TLS1.2 TLS1.3; do
        echo "handshakes $version nginx:    $(load ab -f "$version" -n 5000 -c 32 https://127.0.0.1:18444/hello 2>&1 | grep 'Requests per second')"
        echo "handshakes $version undertow: $(load ab -f "$version" -n 5000 -c 32 https://127.0.0.1:18445/hello 2>&1 | grep 'Requests per second')"
    done
done
