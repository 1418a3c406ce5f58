package com.incidenttally.report;

import java.time.LocalDate;

import com.incidenttally.normalize.NightCalendar;
import com.incidenttally.tally.Period;

/** How nights, weeks and periods are written in every output, so the workbook, charts and JSON agree. */
public final class NightLabels {

    private NightLabels() {
    }

    /**
     * The night that begins on the evening of {@code evening}: {@code 2025-12-07/08}; the morning
     * is written in full when it falls in another month or year ({@code 2025-12-31/2026-01-01}).
     */
    public static String nightLabel(LocalDate evening) {
        return NightCalendar.label(evening);
    }

    /** The ISO week a night belongs to, by its evening date: {@code 2025-W50}. */
    public static String isoWeek(LocalDate evening) {
        return NightCalendar.isoWeek(evening);
    }

    /** A period as people read it: {@code 2025-W50 (nights 2025-12-08/09 to 2025-12-14/15)}. */
    public static String periodText(Period period) {
        return period.label() + " (" + nightsText(period) + ")";
    }

    /** The nights of a period without its label: {@code nights 2025-12-08/09 to 2025-12-14/15}. */
    public static String nightsText(Period period) {
        return period.from().equals(period.to())
                ? "night " + nightLabel(period.from())
                : "nights " + nightLabel(period.from()) + " to " + nightLabel(period.to());
    }
}
