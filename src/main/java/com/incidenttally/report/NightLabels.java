package com.incidenttally.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;

import com.incidenttally.tally.Period;

/** How nights, weeks and periods are written in every output, so the workbook, charts and JSON agree. */
public final class NightLabels {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd");

    private NightLabels() {
    }

    /**
     * The night that begins on the evening of {@code evening}: {@code 2025-12-07/08}; the morning
     * is written in full when it falls in another month or year ({@code 2025-12-31/2026-01-01}).
     */
    public static String nightLabel(LocalDate evening) {
        LocalDate morning = evening.plusDays(1);
        if (morning.getMonth() == evening.getMonth()) {
            return evening + "/" + DAY.format(morning);
        }
        return evening + "/" + morning;
    }

    /** The ISO week a night belongs to, by its evening date: {@code 2025-W50}. */
    public static String isoWeek(LocalDate evening) {
        return String.format("%d-W%02d", evening.get(IsoFields.WEEK_BASED_YEAR),
                evening.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
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
