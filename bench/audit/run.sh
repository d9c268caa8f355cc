#!/usr/bin/env bash
# Fidelity audit: power and false positives against the simulated providers of data/sim/audit-profile.yaml.
# 1. Many audits composed in-process, without HTTP or Spark (AuditPowerTest): each asks the 25 shipped short prompts
#    10 times of each deployment (500 calls per comparison) with its own simulator seed, then runs analyze's fidelity
#    tests (MMD, 1,000 permutations, Holm over the two deployments).
# 2. The log-probability test from 1-token calls (AuditPowerTest's second test): many small audits of
#    `max_tokens: 1`, `logprobs: true, top_logprobs: 5`, the MMD on the same calls beside it.
# 3. One end-to-end audit through Spark: `provbench demo --workload audit`, which prints the fidelity table (both tests).
# Usage: bench/audit/run.sh [audits=500] [out=a new temporary folder] [logprob audits=4000]
set -euo pipefail
cd "$(dirname "$0")/../.."
audits="${1:-500}"
out="${2:-$(mktemp -d)}"
logprob_audits="${3:-4000}"
mkdir -p "$out"
for size in "25 10" "25 5" "10 10"; do
  set -- $size
  mvn -B -o -q test -Dtest='AuditPowerTest#flagsTheQuantizedDeploymentAndRarelyTheIdenticalOne' -Daudit.audits="$audits" \
    -Daudit.prompts="$1" -Daudit.samples="$2" -Dsurefire.failIfNoSpecifiedTests=false > "$out/power-$1x$2.log" 2>&1 || true
  cat target/bench/audit-power.txt
done
echo
echo "== the log-probability test from 1-token calls"
for size in "5 2" "10 2" "3 2"; do
  set -- $size
  mvn -B -o -q test -Dtest='AuditPowerTest#theLogprobTestFlagsTheQuantizedDeploymentFromOneTokenCalls' \
    -Daudit.logprob.audits="$logprob_audits" -Daudit.logprob.prompts="$1" -Daudit.logprob.samples="$2" \
    -Dsurefire.failIfNoSpecifiedTests=false > "$out/logprob-power-$1x$2.log" 2>&1 || true
  cat target/bench/audit-logprob-power.txt
done
echo
echo "== one end-to-end audit through Spark ($out/demo)"
./provbench demo --workload audit --out "$out/demo" --run-id audit 2>/dev/null | sed -n '/^Fidelity/,/^report:/p'
