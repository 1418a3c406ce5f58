package com.incidenttally.tally;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/** Incidents of one ISO week ({@code 2025-W50}), for the weekly trend. */
public record WeekCount(String isoWeek, LocalDate monday, long incidents) {

    /** The ISO week a day belongs to: {@code 2025-W50}. */
    public static String isoWeek(LocalDate day) {
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
