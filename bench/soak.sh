#!/usr/bin/env bash
# Soak: 50,000 cells against simulated providers with 20% 429s, 2% 5xx and 1% hangs, driver at -Xmx1g.
# Usage: bench/soak.sh [models=10] [cases=1000] [trials=5] [concurrency=8]
BENCH_HEAP=1g exec "$(dirname "$0")/run-main.sh" dev.provbench.bench.SoakBenchmark "$@"
