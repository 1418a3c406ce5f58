package com.incidenttally.tally;

/**
 * The key figures of a period.
 *
 * @param killedKnown  incidents for which some report gave a number of killed (0 included)
 * @param injuredKnown the same for injured
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
        long injuredKnown) {

    public static final Totals NONE = new Totals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
