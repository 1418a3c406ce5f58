package com.incidenttally.tally;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The nights a report covers, by evening date, both ends inclusive.
 *
 * @param label the report's folder label: {@code 2025-W50}, {@code 2025-12-01_2025-12-14} or {@code all}
 */
public record Period(String label, LocalDate from, LocalDate to) {

    public long nights() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    public boolean contains(LocalDate night) {
        return !night.isBefore(from) && !night.isAfter(to);
    }

    /** The period of the same length that ends the night before this one starts. */
    public Period previous() {
        long length = nights();
        return new Period("previous", from.minusDays(length), from.minusDays(1));
    }
}
