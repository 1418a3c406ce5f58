/**
 * Benchmark tooling: a deterministic generator of realistic incident CSV files, driven by {@code bench/run.sh}.
 */
package com.incidenttally.bench;
