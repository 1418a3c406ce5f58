package com.incidenttally.tally;

/**
 * The key figures of a period.
 *
 * @param regions  land regions with incidents
 * @param seaAreas sea areas with incidents, never counted among the regions
 */
public record Totals(
        long incidents,
        long uavReported,
        long unknownCount,
        long regions,
        long districts,
        long nights,
        long killed,
        long injured,
        long seaAreas) {

    public static final Totals NONE = new Totals(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The figures of a period without incidents at sea. */
    public Totals(long incidents, long uavReported, long unknownCount, long regions, long districts, long nights,
                  long killed, long injured) {
        this(incidents, uavReported, unknownCount, regions, districts, nights, killed, injured, 0);
    }
}
