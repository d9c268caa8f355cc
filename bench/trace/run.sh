#!/usr/bin/env bash
# Trace replay timing: replays jobs/trace.yaml (the shipped chat trace, 483 rows over 61 s) against a fresh simulator
# (data/sim/trace-profile.yaml, so every replay starts with cold prefix caches) at each speed factor given, then prints
# the send lag p50/p99/max per deployment from the stored Parquet and the trace table of `analyze`.
# Usage: bench/trace/run.sh [SPEED...]   (default: 1 2); PROVBENCH_JAVA_OPTS passes JVM options (e.g. -XX:+UseZGC),
# BENCH_PORT the simulator's port (default 18766).
set -euo pipefail
cd "$(dirname "$0")/../.."
work="$PWD/target/bench-trace"
port="${BENCH_PORT:-18766}"
mkdir -p "$work"
stamp="$(date +%H%M%S)"
for speed in ${*:-1 2}; do
  ./provbench simulate --profile data/sim/trace-profile.yaml --port "$port" > "$work/sim-$speed.log" 2>&1 &
  sim=$!
  trap 'kill $sim 2>/dev/null || true' EXIT
  for _ in $(seq 60); do grep -q "stats:" "$work/sim-$speed.log" 2>/dev/null && break; sleep 1; done
  run="trace-x$speed-$stamp"
  sed -e "s|../data/traces/chat-trace.jsonl|$PWD/data/traces/chat-trace.jsonl|" -e "s|:8765/|:$port/|g" \
      -e "s|output: ../results|output: $work/results|" -e "s|speed: 1 |speed: $speed |" jobs/trace.yaml > "$work/trace.yaml"
  ./provbench run "$work/trace.yaml" --run-id "$run" --progress-seconds 0 --yes 2>&1 | grep -E "^trace replay|^provbench: run"
  kill "$sim"; wait "$sim" 2>/dev/null || true
  ./provbench sql "$work/results" "SELECT provider, count(*) AS rows, round(percentile(send_lag_ms, 0.5), 2) AS lag_p50_ms,
      round(percentile(send_lag_ms, 0.99), 2) AS lag_p99_ms, round(max(send_lag_ms), 1) AS lag_max_ms,
      count_if(send_lag_ms > 10) AS late FROM cells WHERE run_id = '$run' GROUP BY provider ORDER BY provider" 2>/dev/null
done
