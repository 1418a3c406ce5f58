package com.incidenttally.tally;

import java.time.LocalDate;
import java.util.List;

/**
 * Incident counts by region (rows) and night (columns). Regions are ordered by total, largest
 * first; nights ascending and contiguous over the period.
 */
public record RegionNightMatrix(List<String> regions, List<LocalDate> nights, long[][] counts) {

    public long count(int region, int night) {
        return counts[region][night];
    }
}
