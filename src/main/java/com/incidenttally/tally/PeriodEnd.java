package com.incidenttally.tally;

import com.incidenttally.normalize.NightCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

/**
 * Whether a period is over: its last night ends at noon the next day in every region's own zone,
 * so the period is complete once the last of those noons has passed by the run's clock (for
 * Russia and Ukraine, Kaliningrad's and Kyiv's noon). Before that the report is provisional:
 * incidents of the last night may still come in.
 *
 * @param completeAt when the last night has ended everywhere
 * @param complete   whether the run's clock is at or after {@code completeAt}
 */
public record PeriodEnd(Instant completeAt, boolean complete) {

    /** The end of the night of {@code evening} in all of {@code zones} (UTC alone when none is given), against {@code now}. */
    public static PeriodEnd of(LocalDate evening, Collection<ZoneId> zones, Instant now) {
        Instant end = null;
        for (ZoneId zone : zones.isEmpty() ? List.<ZoneId>of(ZoneOffset.UTC) : zones) {
            Instant here = NightCalendar.nightEnds(evening, zone);
            if (end == null || here.isAfter(end)) {
                end = here;
            }
        }
        return new PeriodEnd(end, !now.isBefore(end));
    }

    /** The end of {@code period}'s last night. */
    public static PeriodEnd of(Period period, Collection<ZoneId> zones, Instant now) {
        return of(period.to(), zones, now);
    }
}
