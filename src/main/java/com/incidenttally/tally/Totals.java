package com.incidenttally.tally;

/** The key figures of a period. */
public record Totals(
        long incidents,
        long uavReported,
        long unknownCount,
        long regions,
        long districts,
        long nights,
        long killed,
        long injured) {

    public static final Totals NONE = new Totals(0, 0, 0, 0, 0, 0, 0, 0);
}
