#!/usr/bin/env bash
# Decide with fewer calls: full runs against the simulated providers (the demo profile over the 600-case eval of
# jobs/adaptive.yaml and over the 60-case reference set; the adaptive easy, hard and null profiles), then
# `provbench replay` of the adaptive policy over each, many times in shuffled case orders.
# Usage: bench/replay/run.sh [replays=1000] [out=a new temporary folder]
# Prints, per run, how often the adaptive policy reached the full run's decisions, how often it claimed a difference,
# and the share of the full matrix's calls it used.
set -euo pipefail
cd "$(dirname "$0")/../.."
replays="${1:-1000}"
out="${2:-$(mktemp -d)}"
mkdir -p "$out"
decisions="most_accurate,fastest"
run() { # name job profile
  ./provbench demo --job "$2" --profile "$3" --out "$out/$1" --run-id full > "$out/$1.log" 2>&1
}
run demo-600 jobs/factuality-600.yaml data/sim/demo-profile.yaml
run demo jobs/demo.yaml data/sim/demo-profile.yaml
for p in easy hard null; do run "$p" jobs/adaptive-8b.yaml "data/sim/adaptive-$p-profile.yaml"; done
echo "== demo-600: replay of jobs/adaptive.yaml's policy (rounds of 20 cases) over the full run ($out/demo-600)"
./provbench replay "$out/demo-600" --run full --job jobs/adaptive.yaml --replays "$replays" 2>/dev/null
echo
for r in demo-600 demo easy hard null; do
  echo "== $r: replay of the full run ($out/$r)"
  ./provbench replay "$out/$r" --run full --decide "$decisions" --replays "$replays" 2>/dev/null
  echo
done
echo "== null, a look after every case: the family-wise rate of claimed differences"
./provbench replay "$out/null" --run full --decide "$decisions" --replays "$replays" --round-cases 1 2>/dev/null
