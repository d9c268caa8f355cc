#!/usr/bin/env bash
# analyze over synthetic results (1M and 10M cells by default) against DuckDB's three write-up tables
# over the same Parquet. Usage: bench/analysis/run.sh [CELLS...]
set -euo pipefail
cd "$(dirname "$0")/../.."
work="target/bench-analysis"
mkdir -p "$work"
BENCH_HEAP=${BENCH_HEAP:-6g} exec bench/run-main.sh dev.provbench.analysis.bench.AnalysisBenchmark "$work" ${*:-1000000 10000000}
