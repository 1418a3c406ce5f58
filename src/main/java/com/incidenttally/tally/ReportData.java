package com.incidenttally.tally;

import com.incidenttally.incident.Rejection;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Everything a report shows, finished before any writer starts: {@link PeriodReport} is the report a
 * run makes ({@link PeriodSweep}), and writers only read it. Lists are small (one element per group);
 * the incidents, merge notes and rejections are listings, which a report of millions of rows keeps
 * in files rather than in memory.
 */
public interface ReportData {

    Period period();

    Instant generatedAt();

    Totals totals();

    /** The previous period of the same length, or null when the store holds nothing before this one. */
    Period previousPeriod();

    /** Totals of {@link #previousPeriod()}, or null when there is none. */
    Totals previousTotals();

    /** Per region, this period against the previous one; empty when there is no previous period. */
    List<RegionComparison> comparison();

    List<TallyRow> byRegion();

    List<TallyRow> byDistrict();

    List<TallyRow> byNight();

    RegionNightMatrix regionNight();

    /** Incidents per ISO week, oldest first, at most the last 12 weeks the store holds. */
    List<WeekCount> weeklyTrend();

    /**
     * When the period's last night is over everywhere, and whether it is by the run's clock; null when
     * the report has no clock.
     */
    default PeriodEnd periodEnd() {
        return generatedAt() == null ? null : PeriodEnd.of(period(), java.util.List.of(), generatedAt());
    }

    /**
     * The period's merged incidents, ordered by night, region, district, time (unknown last), then
     * the order of merging; handed over as often as asked for.
     */
    Listing<MergedIncident> incidents();

    /** The period's merge notes, ordered by night, region, then the order of merging (exact duplicates first). */
    Listing<MergeNote> mergeNotes();

    /**
     * The period's rejected rows (those whose night it holds) and the undated ones, ordered by file
     * and line; see {@link RejectionScope}.
     */
    void rejections(Consumer<Rejection> sink);

    /** Rows rejected on nights outside the period, which {@link #rejections} leaves out: how many. */
    default long otherPeriodRejections() {
        return 0;
    }

    /** Each source judged over the period: rows, rejections, incidents, confirmations, conflicts. */
    default List<SourceTally.SourceRow> sources() {
        return List.of();
    }

    /** Which rejections the report shows, and which are new since the last run. */
    default RejectionScope rejectionScope() {
        return RejectionScope.everything();
    }

    List<Resolution> resolutions();

    /**
     * Every distinct name that rejected rows (of the period, or undated) or was left unresolved on
     * the period's nights, with candidates; most rows first.
     */
    List<UnresolvedName> unresolvedNames();


    List<Warning> warnings();

    /** The period's accepted rows dated far from every other night with reports, by file and line. */
    default List<FarDate> farDates() {
        return List.of();
    }

    RunInfo runInfo();
}
