#!/usr/bin/env bash
# Benchmark of .xlsx input: the whole job on the same generated rows as one CSV file and as one
# workbook sheet, each run on a fresh store, and the job's peak memory on a large workbook.
#
# Run from the repository root:
#   bench/xlsx.sh                   100,000 rows timed (CSV and .xlsx, 3 runs each), 500,000 rows for memory
#   bench/xlsx.sh 20000 50000       other sizes: rows timed, rows for memory
#
# Environment: JAVA_HOME (else java on the PATH), BENCH_REPEAT=N (runs of each kind, default 3),
# BENCH_JAVA_OPTS (default -Xmx1g), BENCH_SKIP_BUILD=1 (reuse target/ from the last build).
#
# Prints, per size and kind, each run's wall time and peak RSS (GNU time) and its ingest step's time,
# then the medians and the ratio of the .xlsx median to the CSV median. Reading alone, without the
# job around it: com.incidenttally.bench.XlsxReadBench (see its Javadoc). Everything it writes is under bench/out/xlsx/
# (git-ignored); results are appended to bench/out/xlsx/results.txt.
set -euo pipefail

cd "$(dirname "$0")/.."
OUT=bench/out/xlsx
TIMED=${1:-100000}
MEMORY=${2:-500000}
REPEAT=${BENCH_REPEAT:-3}
JOB_OPTS=${BENCH_JAVA_OPTS:--Xmx1g}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
BUILT=target/incident-tally.jar
# The job runs from a copy, so that a build while the benchmark runs does not change it.
JAR=$OUT/incident-tally.jar
NOW=2026-01-31T12:00:00Z
mkdir -p "$OUT"

if [ "${BENCH_SKIP_BUILD:-}" != 1 ] || [ ! -f "$JAR" ] || [ ! -f "$OUT/classpath.txt" ]; then
    echo "Building (./mvnw -B -q package -DskipTests, without the launcher's training run)…" >&2
    ./mvnw -B -q package dependency:build-classpath -DskipTests -P '!launcher' \
        -Dmdep.outputFile="$OUT/classpath.txt" -Dmdep.includeScope=test
    cp "$BUILT" "$JAR"
fi
CP="target/test-classes:target/classes:$(cat "$OUT/classpath.txt")"
H2_JAR=$(tr ':' '\n' < "$OUT/classpath.txt" | grep -m1 '/h2-[0-9][^/]*\.jar$')

# input ROWS — one CSV file of ROWS generated rows (seed 1) under csv-ROWS/, and the same rows as
# one sheet of xlsx-ROWS/log.xlsx.
input() {
    local rows=$1
    if [ ! -f "$OUT/xlsx-$rows/log.xlsx" ]; then
        rm -rf "$OUT/csv-$rows" "$OUT/xlsx-$rows"
        "$JAVA" -cp "$CP" com.incidenttally.bench.IncidentCsvGenerator --rows="$rows" --files=1 --seed=1 \
            --out="$OUT/csv-$rows" >&2
        mkdir -p "$OUT/xlsx-$rows"
        "$JAVA" -Xmx2g -cp "$CP" com.incidenttally.bench.CsvToXlsx "$OUT"/csv-"$rows"/*.csv "$OUT/xlsx-$rows/log.xlsx" >&2
    fi
}

# job KIND ROWS RUN — runs the job on a fresh store; prints "wall_seconds rss_kb exit_code ingest_ms"
# (the ingest step's time, from the job repository in the store).
job() {
    local kind=$1 rows=$2 run=$3 dir="$OUT/run-$1-$2-$3"
    rm -rf "$dir"
    mkdir -p "$dir"
    # shellcheck disable=SC2086 # JOB_OPTS is a list of words
    /usr/bin/time -v -o "$dir/time.txt" "$JAVA" $JOB_OPTS -Djava.awt.headless=true -jar "$JAR" \
        --input="$OUT/$kind-$rows" --output="$dir/reports" --db="jdbc:h2:file:./$dir/store/incidents" \
        --now="$NOW" > "$dir/console.log" 2>&1 && code=0 || code=$?
    local wall rss
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$dir/time.txt" \
        | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$dir/time.txt")
    local ingest
    ingest=$("$JAVA" -cp "$H2_JAR" org.h2.tools.Shell -url "jdbc:h2:file:./$dir/store/incidents" -user sa -password "" \
        -sql "SELECT DATEDIFF('MILLISECOND', START_TIME, END_TIME) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'ingestStep'" \
        | sed -n 2p | tr -dc '0-9')
    echo "$wall $rss $code ${ingest:-0}"
}

median() {
    sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

{
    echo "== $(date -u +%FT%TZ) $(uname -n) nproc=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg) opts=$JOB_OPTS"
    for rows in $TIMED $MEMORY; do
        input "$rows"
        echo "rows=$rows csv=$(du -k "$OUT"/csv-"$rows"/*.csv | cut -f1) kB xlsx=$(du -k "$OUT/xlsx-$rows/log.xlsx" | cut -f1) kB"
        runs=$REPEAT
        [ "$rows" = "$MEMORY" ] && [ "$rows" != "$TIMED" ] && runs=1
        declare -A walls=() ingests=()
        for run in $(seq 1 "$runs"); do
            for kind in csv xlsx; do
                read -r wall rss code ingest < <(job "$kind" "$rows" "$run")
                echo "  $kind run $run: ${wall}s (ingest step ${ingest} ms), peak RSS $((rss / 1024)) MB, exit $code," \
                    "load $(cut -d' ' -f1 /proc/loadavg)"
                walls[$kind]+="$wall "
                ingests[$kind]+="$ingest "
            done
        done
        csv=$(echo "${walls[csv]}" | tr ' ' '\n' | grep . | median)
        xlsx=$(echo "${walls[xlsx]}" | tr ' ' '\n' | grep . | median)
        echo "  median of $runs: csv ${csv}s, xlsx ${xlsx}s, xlsx/csv $(awk -v a="$xlsx" -v b="$csv" 'BEGIN { printf "%.2f", a / b }')"
        csv=$(echo "${ingests[csv]}" | tr ' ' '\n' | grep . | median)
        xlsx=$(echo "${ingests[xlsx]}" | tr ' ' '\n' | grep . | median)
        echo "  ingest step, median of $runs: csv ${csv} ms, xlsx ${xlsx} ms," \
            "xlsx/csv $(awk -v a="$xlsx" -v b="$csv" 'BEGIN { printf "%.2f", a / b }')"
        unset walls ingests
    done
} | tee -a "$OUT/results.txt"
