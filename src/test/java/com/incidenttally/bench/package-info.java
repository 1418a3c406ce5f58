/**
 * Benchmark tooling: a deterministic generator of realistic incident CSV files, driven by {@code bench/run.sh},
 * and {@link com.incidenttally.bench.ReportDiff}, which compares two report folders figure by figure, driven by
 * {@code bench/compare.sh}.
 */
package com.incidenttally.bench;
