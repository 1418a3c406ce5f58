package com.incidenttally.tally;

import java.time.LocalDate;

/**
 * One group of incidents: a region, a district of a region, or a night (the fields that do not
 * apply to the grouping are null).
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
        long sources) {
}
