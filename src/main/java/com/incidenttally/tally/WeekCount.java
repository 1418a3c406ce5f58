package com.incidenttally.tally;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Incidents of one ISO week ({@code 2025-W50}), for the weekly trend.
 *
 * @param nights the week's nights the data covers: 7 but for a week the data starts or stops in
 * @param ended  whether the week's last night is over everywhere by the run's clock
 */
public record WeekCount(String isoWeek, LocalDate monday, long incidents, int nights, boolean ended) {

    /** A whole week, over. */
    public WeekCount(String isoWeek, LocalDate monday, long incidents) {
        this(isoWeek, monday, incidents, 7, true);
    }


    /**
     * A part week: fewer than 7 of its nights in the data, or not over yet. Its count is not a
     * week's, so a trend must never draw it as one.
     */
    public boolean part() {
        return nights < 7 || !ended;
    }

    /** The evening date of the week's last night, its Sunday. */
    public LocalDate lastNight() {
        return monday.plusDays(6);
    }

    /**
     * The weeks again, each with the number of its nights from {@code firstNight} to {@code lastNight}
     * (the nights the data covers) and whether its last night has ended by {@code nightEnded}.
     */
    public static List<WeekCount> marked(List<WeekCount> weeks, LocalDate firstNight, LocalDate lastNight,
                                         Predicate<LocalDate> nightEnded) {
        List<WeekCount> marked = new ArrayList<>(weeks.size());
        for (WeekCount week : weeks) {
            int nights = 0;
            for (LocalDate night = week.monday(); !night.isAfter(week.lastNight()); night = night.plusDays(1)) {
                if (!night.isBefore(firstNight) && !night.isAfter(lastNight)) {
                    nights++;
                }
            }
            marked.add(new WeekCount(week.isoWeek(), week.monday(), week.incidents(), nights,
                    nightEnded.test(week.lastNight())));
        }
        return marked;
    }
}
