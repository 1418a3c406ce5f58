#!/usr/bin/env bash
# Benchmark of incident-tally: times the whole job as a user runs it, on generated input.
#
# Run from the repository root:
#   bench/run.sh                    the small week, then 10,000, 100,000 and 1,000,000 rows, then "grow"
#   bench/run.sh 10000 100000       only these sizes (any row counts; "small" is the small week)
#   bench/run.sh small              only the small week
#   bench/run.sh grow               a store of 1,000,000 rows, then one new 1,000-row file (weekly report)
#   bench/run.sh grow:10000         the same on a store of 10,000 rows
#
# Environment:
#   JAVA_HOME                       the JDK for the build, the job and the tools (else java on the PATH); the
#                                   build trains the launcher's cache with it
#   BENCH_SKIP_BUILD=1              reuse target/ from the last build instead of building
#   BENCH_RUNNERS="launcher jar"    how the job is started, each in turn on the same input (default: both):
#                                     launcher  bin/incident-tally (extracted jar, trained JVM cache, its flags)
#                                     jar       java -jar target/incident-tally.jar
#                                     nocache   the launcher's extracted jar and flags without the cache
#   BENCH_REPEAT=N                  time each run N times (default 1) and print the median of each as well
#   BENCH_JAVA_OPTS="..."           JVM options of the job (default: -Xmx1g); the launcher gets them as JAVA_OPTS
#   BENCH_JFR=1                     also record a JFR profile of each run (bench/out/run-*/…jfr)
#   BENCH_TIMEOUT=SECONDS           stop a run that takes longer (exit 124 in the table); default none
#   BENCH_GROW_PERIOD="--week=last" the period option of both runs of "grow" (default: the weekly cron job's;
#                                   set it empty for every night in the store, the ad hoc run's default)
#
# What it does:
#   1. Builds once: ./mvnw -B -q package -DskipTests (which compiles the tests, hence the generator, and trains
#      the launcher's JVM cache) and writes the dependency classpath to bench/out/classpath.txt.
#   2. Generates each size's input with com.incidenttally.bench.IncidentCsvGenerator (seed 1, one
#      file per 50,000 rows, at least 3; 52 weeks of nights), cached under bench/out/input-<rows>/ and
#      made again only when the generator or its arguments change. The small week is 1,000 rows over
#      the 7 nights of 2026-W04, run with --week=last as the weekly cron job does. The new file of
#      "grow" is 1,000 rows (seed 2) over the same week, in a sub-folder of a copy of the base input.
#   3. For each size and runner, runs the job under `/usr/bin/time -v`: first on a fresh store (a new H2 file
#      under bench/out/run-<rows>-<runner>/), then again on unchanged input and the same store ("rerun").
#      "grow" runs the base size fresh, then with the new file added ("grow"), each repetition from a copy of
#      the store as the fresh run left it. The run's clock is --now=2026-01-31T12:00:00Z, so the generated
#      dates are all in the past.
#   4. Prints a table: wall time from the command to exit, rows per second (rows / wall time), peak RSS, the
#      job's own time (BATCH_JOB_EXECUTION; wall minus this is JVM and Spring start-up and shut-down), CPU time
#      (user + system, all threads), the load average when the run started (other work on the machine
#      inflates wall times), and the time of each step, from BATCH_STEP_EXECUTION in the store; with
#      BENCH_REPEAT, the median wall and CPU time of each case, runner and run.
#
# Everything it writes is under bench/out/ (git-ignored): inputs, stores, reports, console logs, and
# results.txt, to which each run's tables are appended. It is a benchmark, not a test: ./mvnw verify never
# runs it. Targets (issue 18, launcher, -Xmx1g, 2 cores): 1M rows <= 20 s, ingest >= 200,000 rows/s, peak RSS
# <= 600 MB, a 1M-row store and one new 1,000-row file <= 3 s, the small week <= 2.5 s, unchanged rerun <= 1.2 s.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=bench/out
NOW=2026-01-31T12:00:00Z
JOB_OPTS=${BENCH_JAVA_OPTS:--Xmx1g}
JAR=target/incident-tally.jar
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
RUNNERS=${BENCH_RUNNERS:-launcher jar}
REPEAT=${BENCH_REPEAT:-1}
GROW_PERIOD=${BENCH_GROW_PERIOD---week=last}
mkdir -p "$OUT"

if [ $# -eq 0 ]; then
    set -- small 10000 100000 1000000 grow
fi
for size in "$@"; do
    if [[ ! $size =~ ^([0-9]+|small|grow|grow:[0-9]+)$ ]]; then
        echo "bench/run.sh: sizes are row counts, 'small', 'grow' or 'grow:ROWS', got '$size'" >&2
        exit 2
    fi
done
for runner in $RUNNERS; do
    if [[ ! $runner =~ ^(launcher|jar|nocache)$ ]]; then
        echo "bench/run.sh: runners are launcher, jar and nocache, got '$runner'" >&2
        exit 2
    fi
done
if [[ ! $REPEAT =~ ^[1-9][0-9]*$ ]]; then
    echo "bench/run.sh: BENCH_REPEAT is a number of runs, got '$REPEAT'" >&2
    exit 2
fi

if ! /usr/bin/time -v true >/dev/null 2>&1; then
    echo "GNU time is missing; installing the Debian package 'time'" >&2
    if [ "$(id -u)" -eq 0 ]; then
        apt-get install -y -q time >&2
    else
        sudo apt-get install -y -q time >&2
    fi
fi

if [ "${BENCH_SKIP_BUILD:-}" != 1 ] || [ ! -f "$JAR" ] || [ ! -f "$OUT/classpath.txt" ]; then
    # The build trains the launcher's cache with the JVM it runs on: the one benchmarked here.
    echo "Building (./mvnw -B -q package -DskipTests)…" >&2
    ./mvnw -B -q package dependency:build-classpath -DskipTests \
        -Dmdep.outputFile="$OUT/classpath.txt" -Dmdep.includeScope=test
fi
CLASSPATH_FILE="$OUT/classpath.txt"
GENERATOR_CP="target/test-classes:target/classes:$(cat "$CLASSPATH_FILE")"
H2_JAR=$(tr ':' '\n' < "$CLASSPATH_FILE" | grep -m1 '/h2-[0-9][^/]*\.jar$')

# generate NAME ROWS GENERATOR_ARGS… — generates bench/out/input-NAME unless the cached copy matches.
generate() {
    local name=$1 rows=$2
    shift 2
    local dir="$OUT/input-$name" stamp="$OUT/input-$name.stamp"
    local key
    key="$* $(sha256sum target/test-classes/com/incidenttally/bench/IncidentCsvGenerator*.class | sha256sum)"
    key+=" $(sha256sum target/classes/places/*.csv | sha256sum)"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$key" ]; then
        return
    fi
    rm -rf "$dir" "$stamp"
    "$JAVA" -cp "$GENERATOR_CP" com.incidenttally.bench.IncidentCsvGenerator --rows="$rows" --out="$dir" "$@" >&2
    # Dated a minute back, as files written before the run are: the sync step trusts a stored checksum only
    # for a file modified 3 s or more before it was taken (FileStamp), so a run started at once on fresh
    # output would hash it again in every later run that starts from that store (1.3 s of the 1M "grow").
    find "$dir" -type f -exec touch -d '1 minute ago' {} +
    echo "$key" > "$stamp"
}

# h2 STORE SQL — runs one query on the store with H2's own shell; prints rows as "a | b | c".
h2() {
    "$JAVA" -cp "$H2_JAR" org.h2.tools.Shell -url "jdbc:h2:file:$1" -user sa -password "" -sql "$2"
}

SUMMARY_ROWS=()
STEP_ROWS=()
declare -A WALLS CPUS
MEDIAN_KEYS=()
# The launcher's own JVM flags, for the runner that uses them without the cache.
LAUNCHER_FLAGS=$(sed -n 's/^flags="\(.*\)"$/\1/p' bin/incident-tally)

# command_of RUNNER [JVM OPTION…] — sets CMD to the command line that starts the job the way RUNNER does.
command_of() {
    local runner=$1
    shift
    # shellcheck disable=SC2206 # the JVM options are lists of words
    case $runner in
        launcher) CMD=(env "JAVA_OPTS=$JOB_OPTS${*:+ $*}" bin/incident-tally) ;;
        jar) CMD=("$JAVA" $JOB_OPTS "$@" -jar "$JAR") ;;
        nocache) CMD=("$JAVA" $LAUNCHER_FLAGS $JOB_OPTS "$@" -jar target/launcher/incident-tally.jar) ;;
    esac
}

# run NAME ROWS RUNNER fresh|rerun|grow INPUT [JOB OPTIONS…] — one timed run of the job.
run() {
    local name=$1 rows=$2 runner=$3 mode=$4 input=$5
    shift 5
    local work="$OUT/run-$name-$runner"
    if [ "$mode" = fresh ]; then
        rm -rf "$work"
    fi
    mkdir -p "$work"
    local store="$ROOT/$work/store/incidents" log="$work/$mode.log" timing="$work/$mode.time"
    local jfr=()
    if [ "${BENCH_JFR:-}" = 1 ]; then
        jfr=("-XX:StartFlightRecording=filename=$work/$mode.jfr,settings=profile")
    fi
    local load
    load=$(cut -d' ' -f1 /proc/loadavg)
    echo "Running $name with $runner ($mode)…" >&2
    local status=0 limit=()
    if [ -n "${BENCH_TIMEOUT:-}" ]; then
        limit=(timeout -k 10 "$BENCH_TIMEOUT")
    fi
    command_of "$runner" "${jfr[@]}"
    /usr/bin/time -v -o "$timing" "${limit[@]}" "${CMD[@]}" \
        --input="$input" --output="$work/reports" --db="jdbc:h2:file:$store" --now="$NOW" "$@" \
        > "$log" 2>&1 || status=$?
    if [ "$status" -ne 0 ]; then
        echo "  exit code $status; the end of $log:" >&2
        tail -5 "$log" | sed 's/^/    /' >&2
    fi
    local wall rss cpu
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0;
        for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' "$timing")
    rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$timing")
    cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$timing")
    local key="$name $runner $mode"
    if [ -z "${WALLS[$key]:-}" ]; then
        MEDIAN_KEYS+=("$key")
    fi
    WALLS[$key]+="$wall "
    CPUS[$key]+="$cpu "
    local job
    job=$(h2 "$store" "SELECT DATEDIFF('MILLISECOND', START_TIME, END_TIME) FROM BATCH_JOB_EXECUTION
        WHERE JOB_EXECUTION_ID = (SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION)" 2>/dev/null \
        | awk 'NR == 2 && $1 ~ /^[0-9]+$/ { printf "%.2f", $1 / 1000 }')
    local done_line
    done_line=$(grep -o 'Done: [^;]*; [0-9,]* incidents' "$log" | tail -1 || true)
    SUMMARY_ROWS+=("$(printf '%-10s %9s %-8s %-6s %4s %8s %10s %8s %7s %7s %5s  %s' "$name" "$rows" "$runner" "$mode" \
        "$status" "$wall" "$(awk -v r="$rows" -v w="$wall" 'BEGIN { if (w > 0) printf "%.0f", r / w }')" "$rss" \
        "${job:--}" "$cpu" "$load" "${done_line:-(no Done line)}")")
    local steps
    steps=$(h2 "$store" "SELECT STEP_NAME, DATEDIFF('MILLISECOND', START_TIME, END_TIME), READ_COUNT, WRITE_COUNT,
        STATUS FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = (SELECT MAX(JOB_EXECUTION_ID)
        FROM BATCH_JOB_EXECUTION) ORDER BY STEP_EXECUTION_ID" 2>/dev/null | tail -n +2 | grep ' | ' || true)
    while IFS='|' read -r step ms read written stepStatus; do
        [ -n "$step" ] || continue
        STEP_ROWS+=("$(awk -v n="$name" -v rn="$runner" -v m="$mode" -v s="$step" -v ms="$ms" -v r="$read" \
            -v w="$written" -v st="$stepStatus" 'BEGIN { gsub(/ /, "", s); gsub(/ /, "", st); ms += 0; r += 0; w += 0;
            printf "%-10s %-8s %-6s %-12s %8.2f %10d %10d %10s  %s", n, rn, m, s, ms / 1000, r, w,
            (ms > 0 && r > 0) ? sprintf("%.0f", r * 1000 / ms) : "-", st }')")
    done <<< "$steps"
}

# median "1.0 3.0 2.0" — prints 2.0
median() {
    tr ' ' '\n' <<< "$1" | grep . | sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2];
        else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# fresh_and_rerun NAME ROWS INPUT [JOB OPTIONS…] — for each runner: fresh runs, then reruns on the last store.
fresh_and_rerun() {
    local name=$1 rows=$2 input=$3
    shift 3
    local runner i
    for runner in $RUNNERS; do
        for ((i = 0; i < REPEAT; i++)); do
            run "$name" "$rows" "$runner" fresh "$input" "$@"
        done
        for ((i = 0; i < REPEAT; i++)); do
            run "$name" "$rows" "$runner" rerun "$input" "$@"
        done
    done
}

# grow BASE_ROWS — a store of BASE_ROWS rows, then one new 1,000-row file.
grow() {
    local base=$1 name="grow-$1"
    local files=$(( base / 50000 > 3 ? base / 50000 : 3 ))
    generate "$base" "$base" --files="$files" --seed=1
    generate grow-new 1000 --files=1 --seed=2 --nights=7 --last-night=2026-01-25
    local input="$OUT/input-$name"
    local runner i
    for runner in $RUNNERS; do
        rm -rf "$input"
        cp -al "$OUT/input-$base" "$input"
        # shellcheck disable=SC2086 # an option, or none
        run "$name" "$base" "$runner" fresh "$input" $GROW_PERIOD
        # Each repetition starts from the store and the reports as the fresh run left them: with the
        # reports of an earlier repetition in place, the run would find its report written already.
        local store="$OUT/run-$name-$runner/store" reports="$OUT/run-$name-$runner/reports"
        rm -rf "$store.base" "$reports.base"
        cp -a "$store" "$store.base"
        cp -a "$reports" "$reports.base"
        cp -r "$OUT/input-grow-new" "$input/new"
        for ((i = 0; i < REPEAT; i++)); do
            rm -rf "$store" "$reports"
            cp -a "$store.base" "$store"
            cp -a "$reports.base" "$reports"
            # shellcheck disable=SC2086
            run "$name" "$base" "$runner" grow "$input" $GROW_PERIOD
        done
        rm -rf "$store.base" "$reports.base"
    done
}

for size in "$@"; do
    case $size in
        small)
            generate small 1000 --files=3 --seed=1 --nights=7 --last-night=2026-01-25
            fresh_and_rerun small 1000 "$OUT/input-small" --week=last
            ;;
        grow) grow 1000000 ;;
        grow:*) grow "${size#grow:}" ;;
        *)
            files=$(( size / 50000 > 3 ? size / 50000 : 3 ))
            generate "$size" "$size" --files="$files" --seed=1
            fresh_and_rerun "$size" "$size" "$OUT/input-$size"
            ;;
    esac
done

{
    echo
    echo "incident-tally benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(git describe --always --dirty 2>/dev/null || echo '?')," \
        "$(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg), $("$JAVA" -version 2>&1 | head -1), JVM options: $JOB_OPTS"
    for runner in $RUNNERS; do
        command_of "$runner"
        echo "  $runner: ${CMD[*]}"
    done
    echo
    printf '%-10s %9s %-8s %-6s %4s %8s %10s %8s %7s %7s %5s  %s\n' case rows runner run exit "wall s" "rows/s" \
        "RSS MB" "job s" "CPU s" load "job's summary"
    printf '%s\n' "${SUMMARY_ROWS[@]}"
    echo
    printf '%-10s %-8s %-6s %-12s %8s %10s %10s %10s  %s\n' case runner run step "s" read written "read/s" status
    printf '%s\n' "${STEP_ROWS[@]}"
    if [ "$REPEAT" -gt 1 ]; then
        echo
        echo "Medians of $REPEAT runs:"
        printf '%-10s %-8s %-6s %8s %7s   %s\n' case runner run "wall s" "CPU s" "(wall s of each run)"
        for key in "${MEDIAN_KEYS[@]}"; do
            read -r name runner mode <<< "$key"
            printf '%-10s %-8s %-6s %8s %7s   %s\n' "$name" "$runner" "$mode" "$(median "${WALLS[$key]}")" \
                "$(median "${CPUS[$key]}")" "${WALLS[$key]}"
        done
    fi
} | tee -a "$OUT/results.txt"
