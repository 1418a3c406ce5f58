package com.incidenttally.tally;

import java.time.LocalDate;

/**
 * One group of incidents: a region, a district of a region, or a night (the fields that do not
 * apply to the grouping are null).
 *
 * @param killedKnown  incidents of the group for which some report gave a number of killed (0 included);
 *                     when none did, {@code killed} is not a reported zero but unknown
 * @param injuredKnown the same for {@code injured}
 */
public record TallyRow(
        String region,
        String isoCode,
        String district,
        LocalDate night,
        long incidents,
        long nightTime,
        long daytime,
        long shotDown,
        long debris,
        long impact,
        long attack,
        long uavReported,
        long unknownCount,
        long killed,
        long injured,
        long sources,
        long killedKnown,
        long injuredKnown) {
}
