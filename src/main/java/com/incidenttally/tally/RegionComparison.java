package com.incidenttally.tally;

/** Incidents of one region in this period and in the previous period of the same length. */
public record RegionComparison(String region, String isoCode, long current, long previous) {

    public long change() {
        return current - previous;
    }
}
