#!/usr/bin/env bash
# Session 5's measuring window (2026-12-07 evening), from a frozen clone so edits in /work/main cannot rebuild under it.
set -uo pipefail
out="${OUT:-$PWD/runs/2026-12-07c}"
clone="${CLONE:-$(cd "$(dirname "$0")/../../.." && pwd)}"
mkdir -p $out
cd $clone
echo "== $(date -u +%H:%M:%S) at $(git log --oneline -1)"
echo "== $(date -u +%H:%M:%S) drivers, 2 rounds alternating"
for round in 1 2; do
  for d in embedded ab; do
    bin/bench run driver-conns --driver $d --pin 0:1 --out $out/drivers/conns-$d-$round > $out/drivers-conns-$d-$round.log 2>&1; echo "conns $d $round: $(grep '^| ceiling-nginx | /hello | 32 ' $out/drivers/conns-$d-$round/report.md | awk -F'|' '{print $7, $8, $19}')"
  done
  for d in embedded wrk; do
    bin/bench run driver-keepalive --driver $d --pin 0:1 --out $out/drivers/keepalive-$d-$round > $out/drivers-keepalive-$d-$round.log 2>&1; echo "keepalive $d $round: $(grep '^| ceiling-nginx | /hello | 64 ' $out/drivers/keepalive-$d-$round/report.md | awk -F'|' '{print $7, $8, $19}')"
  done
done
echo "== $(date -u +%H:%M:%S) daemon-fronts --driver ab --pin 0:1"
bin/bench run daemon-fronts --driver ab --pin 0:1 --out $out/daemon-fronts > $out/daemon-fronts.log 2>&1; tail -1 $out/daemon-fronts.log
echo "== $(date -u +%H:%M:%S) daemon-fronts-keepalive --driver wrk --pin 0:1"
bin/bench run daemon-fronts-keepalive --driver wrk --pin 0:1 --out $out/daemon-fronts-keepalive > $out/daemon-fronts-keepalive.log 2>&1; tail -1 $out/daemon-fronts-keepalive.log
echo "== $(date -u +%H:%M:%S) done"
