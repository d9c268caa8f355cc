#!/usr/bin/env bash
# The report of synthetic results (1M cells by default): time to write it, the page's size, and the time headless
# Chromium takes to open it until every chart and table is drawn. Usage: bench/report/run.sh [CELLS...]
set -euo pipefail
cd "$(dirname "$0")/../.."
work="target/bench-report"
mkdir -p "$work"
export SPARK_LOCAL_IP=127.0.0.1
opens="$(sed -n 's:.*<add.opens>\(.*\)</add.opens>.*:\1:p' pom.xml)"
mvn -q -B -ntp test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt"
# shellcheck disable=SC2086 # the flags are words
exec java -Xmx"${BENCH_HEAP:-4g}" $opens -Dlog4j2.configurationFile="$PWD/conf/log4j2.properties" \
  -cp "target/classes:target/test-classes:$(cat "$work/classpath.txt")" \
  dev.provbench.report.bench.ReportBenchmark "$work" ${*:-1000000}
