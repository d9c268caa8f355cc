#!/usr/bin/env bash
# The demo and a 20,400-cell job on a local standalone cluster and in local mode, side by side.
# Usage: bench/cluster.sh [cores=2]. CPU-heavy: four whole demo commands.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp package -DskipTests
exec bench/run-main.sh dev.provbench.bench.ClusterBenchmark "$@"
