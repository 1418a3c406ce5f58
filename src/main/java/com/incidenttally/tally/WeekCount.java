package com.incidenttally.tally;

import java.time.LocalDate;

/** Incidents of one ISO week ({@code 2025-W50}), for the weekly trend. */
public record WeekCount(String isoWeek, LocalDate monday, long incidents) {
}
