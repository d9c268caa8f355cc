#!/usr/bin/env bash
# Harness efficiency: wall time / lower bound and client overhead over loopback.
# Usage: bench/harness.sh [models=8] [cases=100] [trials=3] [delayMs=200] [concurrency=3]
exec "$(dirname "$0")/run-main.sh" dev.provbench.bench.HarnessBenchmark "$@"
