#!/usr/bin/env bash
# Soak: 50,000 cells against simulated providers with 20% 429s, 2% 5xx and 1% hangs, driver at -Xmx1g.
# Usage: bench/soak.sh [models=10] [cases=1000] [trials=5] [concurrency=8]
set -euo pipefail
cd "$(dirname "$0")/.."
export SPARK_LOCAL_IP=127.0.0.1
opens="$(sed -n 's:.*<add.opens>\(.*\)</add.opens>.*:\1:p' pom.xml)"
mvn -q -B -ntp test-compile
MAVEN_OPTS="-Xmx1g $opens -Dlog4j2.configurationFile=$PWD/conf/log4j2.properties" \
  mvn -q -B -ntp exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.provbench.bench.SoakBenchmark \
  -Dexec.args="$*" -Dexec.cleanupDaemonThreads=false
