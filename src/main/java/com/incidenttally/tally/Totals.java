package com.incidenttally.tally;

/**
 * The key figures of a period.
 *
 * @param regions      land regions with incidents
 * @param killedKnown  incidents for which some report gave a number of killed (0 included)
 * @param injuredKnown the same for injured
 * @param seaAreas     sea areas with incidents, never counted among the regions
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
        long killedKnown,
        long injuredKnown,
        long seaAreas) {

    public static final Totals NONE = new Totals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The figures of a period without incidents at sea. */
    public Totals(long incidents, long uavReported, long unknownCount, long regions, long districts, long nights,
                  long killed, long injured, long killedKnown, long injuredKnown) {
        this(incidents, uavReported, unknownCount, regions, districts, nights, killed, injured, killedKnown,
                injuredKnown, 0);
    }
}
