package com.incidenttally.tally;

/**
 * The key figures of a period.
 *
 * @param regions      land regions with incidents
 * @param killedKnown  incidents for which some report gave a number of killed (0 included)
 * @param injuredKnown the same for injured
 * @param districts    resolved districts with incidents; a district name that matched no district is
 *                     not one of them, however often it was written
 * @param seaAreas     sea areas with incidents, never counted among the regions
 * @param unresolvedDistricts distinct district names with incidents that matched no district, by region
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
        long seaAreas,
        long unresolvedDistricts) {

    public static final Totals NONE = new Totals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The figures of a period whose district names all resolved. */
    public Totals(long incidents, long uavReported, long unknownCount, long regions, long districts, long nights,
                  long killed, long injured, long killedKnown, long injuredKnown, long seaAreas) {
        this(incidents, uavReported, unknownCount, regions, districts, nights, killed, injured, killedKnown,
                injuredKnown, seaAreas, 0);
    }

    /** Land regions and sea areas with incidents: the rows of By region. */
    public long areas() {
        return regions + seaAreas;
    }

    /** The figures of a period without incidents at sea. */
    public Totals(long incidents, long uavReported, long unknownCount, long regions, long districts, long nights,
                  long killed, long injured, long killedKnown, long injuredKnown) {
        this(incidents, uavReported, unknownCount, regions, districts, nights, killed, injured, killedKnown,
                injuredKnown, 0, 0);
    }
}
