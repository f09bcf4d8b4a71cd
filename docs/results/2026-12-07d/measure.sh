#!/usr/bin/env bash
# Issue 29: one full run of each seed's experiment with its chart, pinned (target CPU 0, load CPU 1), from a frozen
# clone (edits elsewhere cannot rebuild under it). Seeds 000, 003 and 004 were ab runs without keep-alive: ab drives
# them here too (the embedded driver opens new connections at 0.55-0.62x ab's rate, 2026-12-07c); seed 001 (locust)
# and 002 (httperf) use the embedded driver's journeys.
# Usage: CLONE=/work/measure-clone OUT=DIR measure.sh seed-004 seed-003 ...
set -uo pipefail
out="${OUT:-$PWD/runs/2026-12-07d}"
clone="${CLONE:-$(cd "$(dirname "$0")/../../.." && pwd)}"
mkdir -p "$out"
cd "$clone"
echo "== $(date -u +%H:%M:%S) at $(git log --oneline -1)"
for seed in "$@"; do
  driver=embedded
  case $seed in seed-000|seed-003|seed-004) driver=ab ;; esac
  start=$(date +%s)
  echo "== $(date -u +%H:%M:%S) $seed --driver $driver --pin 0:1 (load average $(cut -d' ' -f1 /proc/loadavg))"
  bin/bench run "$seed" --driver $driver --pin 0:1 --out "$out/$seed" > "$out/$seed.log" 2>&1
  echo "   rc $? after $(( $(date +%s) - start )) s"
  # the report's first screen: title and the seed's own chart
  chromium --headless --no-sandbox --hide-scrollbars --window-size=900,700 --screenshot="$out/$seed.png" \
      "file://$out/$seed/report.html" > /dev/null 2>&1
done
echo "== $(date -u +%H:%M:%S) done"
