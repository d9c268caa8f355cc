#!/usr/bin/env bash
# Harness efficiency: wall time / lower bound and client overhead over loopback.
# Usage: bench/harness.sh [models=8] [cases=100] [trials=3] [delayMs=200] [concurrency=3]
set -euo pipefail
cd "$(dirname "$0")/.."
export SPARK_LOCAL_IP=127.0.0.1
opens="$(sed -n 's:.*<add.opens>\(.*\)</add.opens>.*:\1:p' pom.xml)"
mvn -q -B -ntp test-compile
MAVEN_OPTS="-Xmx4g $opens -Dlog4j2.configurationFile=$PWD/conf/log4j2.properties" \
  mvn -q -B -ntp exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.provbench.bench.HarnessBenchmark \
  -Dexec.args="$*" -Dexec.cleanupDaemonThreads=false
