#!/usr/bin/env bash
# Runs a benchmark's main class from the test sources with Spark's --add-opens flags.
# Usage: bench/run-main.sh CLASS [args...]; BENCH_HEAP sets the JVM's heap (default 4g).
set -euo pipefail
cd "$(dirname "$0")/.."
export SPARK_LOCAL_IP=127.0.0.1
main="$1"; shift
opens="$(sed -n 's:.*<add.opens>\(.*\)</add.opens>.*:\1:p' pom.xml)"
mvn -q -B -ntp test-compile
MAVEN_OPTS="-Xmx${BENCH_HEAP:-4g} $opens -Dlog4j2.configurationFile=$PWD/conf/log4j2.properties" \
  mvn -q -B -ntp exec:java -Dexec.classpathScope=test -Dexec.mainClass="$main" \
  -Dexec.args="$*" -Dexec.cleanupDaemonThreads=false
