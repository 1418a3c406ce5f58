package com.incidenttally.tally;

import com.incidenttally.incident.Rejection;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * A finished report of one period, as {@link PeriodSweep} makes it: every tally and list a writer
 * shows, and the period's incidents, merge notes and rejected rows as listings (in files of
 * {@code workFolder} when they are big). Immutable; it reads nothing from where the reports are
 * kept. {@link #close} removes the listings' files.
 *
 * @param storeIncidents incidents over every night the store holds
 * @param workFolder     where the big listings are, removed on close; null when none is
 */
public record PeriodReport(Period period, Instant generatedAt, PeriodEnd periodEnd, Totals totals,
                           Period previousPeriod, Totals previousTotals, List<RegionComparison> comparison,
                           List<TallyRow> byRegion, List<TallyRow> byDistrict, List<TallyRow> byNight,
                           RegionNightMatrix regionNight, List<WeekCount> weeklyTrend,
                           Listing<MergedIncident> incidents, Listing<MergeNote> mergeNotes,
                           Listing<Rejection> rejected, long otherPeriodRejections,
                           List<SourceTally.SourceRow> sources, RejectionScope rejectionScope,
                           List<Resolution> resolutions, List<UnresolvedName> unresolvedNames,
                           List<Warning> warnings, List<FarDate> farDates, RunInfo runInfo, long storeIncidents,
                           WorkFolder workFolder) implements ReportData, AutoCloseable {

    public PeriodReport {
        comparison = List.copyOf(comparison);
        byRegion = List.copyOf(byRegion);
        byDistrict = List.copyOf(byDistrict);
        byNight = List.copyOf(byNight);
        weeklyTrend = List.copyOf(weeklyTrend);
        sources = List.copyOf(sources);
        resolutions = List.copyOf(resolutions);
        unresolvedNames = List.copyOf(unresolvedNames);
        warnings = List.copyOf(warnings);
        farDates = List.copyOf(farDates);
    }

    @Override
    public void rejections(Consumer<Rejection> sink) {
        rejected.forEach(sink);
    }

    @Override
    public void close() {
        // Every listing's file is in the work folder, finished: removing the folder removes them.
        if (workFolder != null) {
            workFolder.close();
        }
    }
}
