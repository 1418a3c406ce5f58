package com.incidenttally.tally;

import com.incidenttally.places.AreaKind;

/** Incidents of one region or sea area in this period and in the previous period of the same length. */
public record RegionComparison(String region, String isoCode, long current, long previous, AreaKind kind) {

    public RegionComparison(String region, String isoCode, long current, long previous) {
        this(region, isoCode, current, previous, AreaKind.REGION);
    }

    public long change() {
        return current - previous;
    }
}
