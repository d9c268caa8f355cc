#!/usr/bin/env bash
# Fidelity audit: power and false positives against the simulated providers of data/sim/audit-profile.yaml.
# 1. Many audits composed in-process, without HTTP or Spark (AuditPowerTest): each asks the 25 shipped short prompts
#    10 times of each deployment (500 calls per comparison) with its own simulator seed, then runs analyze's fidelity
#    tests (MMD, 1,000 permutations, Holm over the two deployments).
# 2. One end-to-end audit through Spark: `provbench demo --workload audit`, which prints the fidelity table.
# Usage: bench/audit/run.sh [audits=500] [out=a new temporary folder]
set -euo pipefail
cd "$(dirname "$0")/../.."
audits="${1:-500}"
out="${2:-$(mktemp -d)}"
mkdir -p "$out"
for size in "25 10" "25 5" "10 10"; do
  set -- $size
  mvn -B -o -q test -Dtest=AuditPowerTest -Daudit.audits="$audits" -Daudit.prompts="$1" -Daudit.samples="$2" \
    -Dsurefire.failIfNoSpecifiedTests=false > "$out/power-$1x$2.log" 2>&1 || true
  cat target/bench/audit-power.txt
done
echo
echo "== one end-to-end audit through Spark ($out/demo)"
./provbench demo --workload audit --out "$out/demo" --run-id audit 2>/dev/null | sed -n '/^Fidelity/,/^report:/p'
