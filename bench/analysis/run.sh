#!/usr/bin/env bash
# analyze over synthetic results (1M and 10M cells by default) against DuckDB's three write-up tables
# over the same Parquet. Usage: bench/analysis/run.sh [CELLS...]
set -euo pipefail
cd "$(dirname "$0")/../.."
export SPARK_LOCAL_IP=127.0.0.1
opens="$(sed -n 's:.*<add.opens>\(.*\)</add.opens>.*:\1:p' pom.xml)"
cells="${*:-1000000 10000000}"
work="target/bench-analysis"
mkdir -p "$work"
mvn -q -B -ntp test-compile
MAVEN_OPTS="-Xmx6g $opens -Dlog4j2.configurationFile=$PWD/conf/log4j2.properties" \
  mvn -q -B -ntp exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.provbench.analysis.bench.AnalysisBenchmark \
  -Dexec.args="$work $cells" -Dexec.cleanupDaemonThreads=false
