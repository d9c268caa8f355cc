#!/usr/bin/env bash
# How long `analyze` and `report` of a demo-sized run take against `sql RESULTS "select 1"` (Spark start-up in
# every one) and DuckDB computing comparable per-experiment tables over the same Parquet: each command a fresh
# process, the repetitions interleaved so that a shared machine's load falls on all alike; medians at the end.
# Usage: bench/analysis/speed.sh [RESULTS] [REPETITIONS]   (default: a demo run under target/bench-speed/demo, 5)
# BASELINE=/path/to/another/checkout/provbench times that launcher's commands too, in the same rounds.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=target/bench-speed
results=${1:-$work/demo}
reps=${2:-5}
mkdir -p "$work"
export SPARK_LOCAL_IP=127.0.0.1

if ! ls -d "$results"/run_id=* >/dev/null 2>&1; then
  echo "making a demo run in $results" >&2
  ./provbench demo --out "$results" >"$work/demo.log"
fi
./provbench sql "$results" "select 1" >/dev/null # builds the launcher's jar when sources changed
[ -n "${BASELINE:-}" ] && "$BASELINE" sql "$results" "select 1" >/dev/null
mvn -q -B -ntp test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/test-classpath.txt"
duck_cp="target/test-classes:target/classes:$(cat "$work/test-classpath.txt")"

timings="$work/timings.tsv"
: >"$timings"
run() { # label command...
  local start end
  start=$(date +%s%N)
  "${@:2}" >"$work/last.out" 2>"$work/last.err" || { echo "$1 failed: see $work/last.err" >&2; exit 1; }
  end=$(date +%s%N)
  printf '%s\t%s\n' "$1" "$(( (end - start) / 1000000 ))" >>"$timings"
}

launchers=("provbench=./provbench")
[ -n "${BASELINE:-}" ] && launchers+=("baseline=$BASELINE")
for i in $(seq "$reps"); do
  for l in "${launchers[@]}"; do
    name=${l%%=*}; launcher=${l#*=}
    run "$name select-1" "$launcher" sql "$results" "select 1"
    run "$name analyze" "$launcher" analyze "$results"
    run "$name report" "$launcher" report "$results" --out "$work/report-$name"
  done
  run "duckdb tables" java -cp "$duck_cp" dev.provbench.analysis.bench.DuckDbTables "$results" 2
  echo "round $i of $reps done (load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
done

cells=$(./provbench sql "$results" "SELECT count(*) AS n FROM cells" | sed -n 3p | tr -dc 0-9)
echo "results: $results ($cells cells); $reps rounds; $(nproc) cores; seconds per command, a fresh JVM each"
stats() { # label -> "median min max" in seconds
  awk -F'\t' -v k="$1" '$1 == k { print $2 / 1000 }' "$timings" | sort -g |
    awk '{ a[NR] = $1 } END { printf "%.2f %.2f %.2f", (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2), a[1], a[NR] }'
}
printf '%-22s %8s %8s %8s\n' command median min max
cut -f1 "$timings" | sort -u | while read -r label; do
  read -r med low high <<<"$(stats "$label")"
  printf '%-22s %8s %8s %8s\n' "$label" "$med" "$low" "$high"
done
duck=$(stats "duckdb tables" | cut -d' ' -f1)
for l in "${launchers[@]}"; do
  name=${l%%=*}
  a=$(stats "$name analyze" | cut -d' ' -f1); s=$(stats "$name select-1" | cut -d' ' -f1); r=$(stats "$name report" | cut -d' ' -f1)
  awk -v n="$name" -v a="$a" -v s="$s" -v r="$r" -v d="$duck" 'BEGIN {
    printf "%s: analyze / select 1 = %.2f; report - analyze = %.1f s; analyze / duckdb = %.1f\n", n, a / s, r - a, a / d }'
done
