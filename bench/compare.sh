#!/usr/bin/env bash
# Compares two report folders of incident-tally: does a new version of the job write the same figures as the
# old one on the same input?
#
# Run from anywhere (paths are taken relative to where you are):
#   bench/compare.sh BEFORE_DIR AFTER_DIR
#   bench/compare.sh ../old/bench/out/run-10000-launcher/reports/all bench/out/run-10000-launcher/reports/all
#
# Each folder is what a run writes under reports/<label>/ (the link itself will do): summary.json,
# rejected.csv, unresolved-names.csv, incident-report-<label>.xlsx and charts/.
#
# Environment:
#   JAVA_HOME                 the JDK (else java on the PATH)
#   COMPARE_JAVA_OPTS="..."   JVM options of the comparison (default: -Xmx1g; a 1M-row report compares in
#                             about 300 MB, its workbook and CSV files being streamed)
#   COMPARE_BUILD=1           compile the test classes and write the classpath again first (done anyway when
#                             either is missing)
#
# What it does:
#   1. Unless they are there, compiles the tests (./mvnw -B -q test-compile) and writes the dependency classpath
#      with the test scope to bench/out/classpath.txt, as bench/run.sh does.
#   2. Runs com.incidenttally.bench.ReportDiff (test scope) on the two folders. It compares the files by name;
#      summary.json as parsed JSON, every field; rejected.csv and unresolved-names.csv record by record; the
#      workbook's sheets and their order, every cell (kind and value, numbers exactly, formulas as formulas),
#      merged regions and print areas, leaving out only the Run info sheet and Summary's "Generated at" row,
#      which each run writes anew; the charts' file names and pixel sizes.
#   3. Prints each difference with its file, where it is (Incidents!C1234, /totals/incidents,
#      "record 7 (line 7) reason") and the value before and after, at most 50 per file and then a count; or one
#      line "Same report: …" with what was compared.
#
# Exit code: 0 the same report, 1 differences (a missing or unreadable file is one), 2 bad usage.
set -euo pipefail

if [ $# -ne 2 ]; then
    echo "usage: bench/compare.sh BEFORE_DIR AFTER_DIR (two report folders, such as reports/all of two runs)" >&2
    exit 2
fi
# Absolute paths, since the comparison runs from the repository root.
args=()
for dir in "$@"; do
    case $dir in
        /*) args+=("$dir") ;;
        *) args+=("$PWD/$dir") ;;
    esac
done

cd "$(dirname "$0")/.."
OUT=bench/out
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
mkdir -p "$OUT"

if [ "${COMPARE_BUILD:-}" = 1 ] || [ ! -f target/test-classes/com/incidenttally/bench/ReportDiff.class ] \
        || [ ! -f "$OUT/classpath.txt" ]; then
    echo "Building the tests (./mvnw -B -q test-compile)…" >&2
    ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" \
        -Dmdep.includeScope=test
fi

# shellcheck disable=SC2086 # the JVM options are a list of words
exec "$JAVA" ${COMPARE_JAVA_OPTS:--Xmx1g} -Djava.awt.headless=true \
    -cp "target/test-classes:target/classes:$(cat "$OUT/classpath.txt")" \
    com.incidenttally.bench.ReportDiff "${args[@]}"
