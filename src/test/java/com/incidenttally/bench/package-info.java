/**
 * Benchmark tooling: a deterministic generator of realistic incident CSV files, driven by {@code bench/run.sh},
 * and {@link com.incidenttally.bench.ReportDiff}, which compares two report folders figure by figure, driven by
 * {@code bench/compare.sh}; {@link com.incidenttally.bench.StoreAlternatives}, which times the row store designs of
 * issue 18 on the same normalized rows.
 */
package com.incidenttally.bench;
