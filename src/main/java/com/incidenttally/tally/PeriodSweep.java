package com.incidenttally.tally;

import com.incidenttally.incident.DistrictKey;
import com.incidenttally.incident.Reason;
import com.incidenttally.incident.Rejection;
import com.incidenttally.incident.RejectionKind;
import com.incidenttally.normalize.NightCalendar;
import com.incidenttally.places.MatchMethod;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Makes the report of one period from a {@link ReportSource}, in plain Java: reads the period, and
 * the previous one, once, merging night range by night range; hands every incident to the tallies
 * and lists the period's incidents and merge notes in their orders; counts the nights it reads
 * into the night index, and then the other nights that changed; and adds what the source knows
 * besides (rejections, resolutions, unresolved names, warnings, far dates). Nights outside the
 * sweep are known from the night index: a week's report reads the week and the week before, never
 * every night. The result is a finished {@link PeriodReport}.
 */
public final class PeriodSweep {

    /** Weeks the weekly trend shows, the period's last week included. */
    public static final int TREND_WEEKS = 12;
    /** Rows of far nights a report names one by one; the rest are counted. */
    public static final int FAR_ROWS_LISTED = 100;
    /** Rows the merge's sorts hold before they spill, by default. */
    public static final long BUDGET_ROWS = 250_000;
    /** Elements of a listing held in memory (at most the merge's budget); a bigger listing goes to a file. */
    static final int LISTING_HELD = 20_000;

    static final String KIND_REGION = "region";
    static final String KIND_DISTRICT = "district";

    private final ReportSource source;
    private final Places places;
    private final Period period;
    private Instant generatedAt;
    private List<ZoneId> zones = List.of();
    private boolean mergeAcrossSources = true;
    private Set<String> filesReadThisRun = Set.of();
    private LongFunction<RunInfo> runInfo;
    private Path workParent;
    private long budgetRows = BUDGET_ROWS;
    private int listingHeld = LISTING_HELD;
    private boolean listBeside = true;

    public PeriodSweep(ReportSource source, Places places, Period period) {
        this.source = source;
        this.places = places;
        this.period = period;
    }

    /** The run's clock, which the report is dated by and which says whether nights are over. */
    public PeriodSweep clock(Instant generatedAt) {
        this.generatedAt = generatedAt;
        return this;
    }

    /** Nights end at noon in each of {@code zones}: the report is provisional until the last has passed. */
    public PeriodSweep endingIn(Collection<ZoneId> zones) {
        this.zones = List.copyOf(new LinkedHashSet<>(zones));
        return this;
    }

    /** Whether reports of one incident by different sources merge. */
    public PeriodSweep mergeAcrossSources(boolean merge) {
        this.mergeAcrossSources = merge;
        return this;
    }

    /** The rejections from these files (by path), read by this run, are new. */
    public PeriodSweep newFrom(Set<String> filesReadThisRun) {
        this.filesReadThisRun = Set.copyOf(filesReadThisRun);
        return this;
    }

    /** Run info, given the number of incidents over every night. */
    public PeriodSweep runInfo(LongFunction<RunInfo> runInfo) {
        this.runInfo = runInfo;
        return this;
    }

    /**
     * The work folder of the big listings and of the merge's sorted runs goes in {@code folder} (the
     * output folder); null: the system's temporary folder.
     */
    public PeriodSweep workIn(Path folder) {
        this.workParent = folder;
        return this;
    }

    /** Rows the merge's sorts hold in memory before they spill to the work folder. */
    public PeriodSweep budgetRows(long rows) {
        this.budgetRows = rows;
        return this;
    }

    /** Elements of a listing held in memory before it goes to a file (tests make it small). */
    PeriodSweep listingHeld(int elements) {
        this.listingHeld = elements;
        return this;
    }

    /** Whether each range is listed on a thread of its own while the next is merged (tests list them in turn). */
    PeriodSweep listBeside(boolean beside) {
        this.listBeside = beside;
        return this;
    }

    /** Sweeps the period and returns its finished report, which the caller closes. */
    public PeriodReport run() {
        // The previous period of the same length, where the store has it (SPEC, Summary): its data begin in the
        // first half of the previous period at the latest (a week's Thursday). A store that begins on the previous
        // week's Sunday holds one night of it, and "+300%" against that one night would be no comparison; a quiet
        // Monday or two is no reason to drop one.
        Period before = "all".equals(period.label()) ? null : period.previous();
        Period previous = before != null && source.holdsBefore(before.from().plusDays(
                (java.time.temporal.ChronoUnit.DAYS.between(before.from(), before.to()) + 1) / 2 + 1)) ? before : null;
        Tallies tallies = new Tallies(period, previous);
        RejectionScope scope = new RejectionScope(period, filesReadThisRun);
        SourceTally sourceTally = new SourceTally();
        WorkFolder work = new WorkFolder(workParent);
        // A listing held in memory counts against the merge's budget too: a small heap sets a small budget.
        int held = (int) Math.min(listingHeld, budgetRows);
        SpilledListing<MergedIncident> incidents = new SpilledListing<>(ListingCodecs.INCIDENT, held, work::path);
        SpilledListing<MergeNote> notes = new SpilledListing<>(ListingCodecs.NOTE, held, work::path);
        SpilledListing<Rejection> rejected = new SpilledListing<>(ListingCodecs.REJECTION, held, work::path);
        try {
            Map<LocalDate, Long> elsewhere = source.spanningElsewhere();
            sweep(previous, tallies, sourceTally, incidents, notes, work, elsewhere);
            Map<LocalDate, ReportSource.NightCounts> nights = source.nightCounts();
            long storeIncidents = storeIncidents(nights, elsewhere);
            List<WeekCount> trend = weeklyTrend(nights, elsewhere);
            Consumer<Rejection> shown = rejection -> {
                rejected.add(rejection);
                sourceTally.rejection(rejection);
            };
            // The period's and the undated rows are read; the others are only counted.
            source.rejections(scope, shown);
            long others = source.rejectionsOutside(scope);
            rejected.finish();
            LocalDate[] resolved = nights(scope);
            List<ReportSource.ResolutionRow> resolutionRows = source.resolutions(resolved[0], resolved[1]);
            return new PeriodReport(period, generatedAt,
                    generatedAt == null ? null : PeriodEnd.of(period, zones, generatedAt), tallies.totals(),
                    previous, previous == null ? null : tallies.previousTotals(),
                    previous == null ? List.of() : tallies.comparison(), tallies.byRegion(), tallies.byDistrict(),
                    tallies.byNight(), tallies.regionNight(), trend, incidents, notes, rejected, others,
                    sourceTally.rows(), scope, resolutions(resolutionRows), unresolvedNames(scope, resolutionRows), warnings(),
                    farDates(source, period, nights.keySet()), runInfo == null ? null : runInfo.apply(storeIncidents), storeIncidents,
                    work);
        } catch (RuntimeException | Error e) {
            incidents.close();
            notes.close();
            rejected.close();
            work.close();
            throw e;
        }
    }

    private void sweep(Period previous, Tallies tallies, SourceTally sourceTally,
                       SpilledListing<MergedIncident> listing, SpilledListing<MergeNote> noteListing, WorkFolder work,
                       Map<LocalDate, Long> elsewhere) {
        source.useMergeMode(mergeAcrossSources);
        Set<LocalDate> touched = new HashSet<>(source.touchedNights());
        LocalDate from = previous != null ? previous.from() : period.from();
        // Two ranges are held at most, one merged here while the lister lists the one before: each sort holds
        // half the budget.
        long sortBudget = Math.max(1, budgetRows / 2);
        try (Lister lister = new Lister(sourceTally, listing, noteListing, listBeside)) {
            source.forEachRange(from, period.to(), nightByNight -> {
                // The period's rows count for their sources (Sources sheet) as they go by, handed to the lister
                // with the range.
                RangeRows rows = new RangeRows();
                Iterator<Report> range = new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return nightByNight.hasNext();
                    }

                    @Override
                    public Report next() {
                        Report report = nightByNight.next();
                        if (period.contains(report.night())) {
                            rows.add(report.sourceKey(), report.source());
                        }
                        return report;
                    }
                };
                Map<LocalDate, long[]> counts = new TreeMap<>();
                ExternalSort<Listed> listed = new ExternalSort<>(Listed.ORDER, LISTED, sortBudget, work::path);
                ExternalSort<Noted> noted = new ExternalSort<>(Noted.ORDER, NOTED, sortBudget, work::path);
                boolean handed = false;
                try {
                    long[] seqs = {0};
                    NightMerge.forEachGroup(range, mergeAcrossSources, group -> {
                        count(group, counts);
                        for (Merge.Duplicate duplicate : group.duplicates()) {
                            if (period.contains(duplicate.night())) {
                                noted.add(new Noted(duplicate.regionIso(), 0, duplicate.incidentId(), new MergeNote(
                                        duplicate.incidentId(), duplicate.night(), places.name(duplicate.regionIso()),
                                        duplicate.district(), duplicate.eventType(), Merge.RULE_DUPLICATE,
                                        duplicate.rows(), duplicate.source(), duplicate.origins(), null)));
                            }
                        }
                        for (Merge.Merged merged : group.incidents()) {
                            long seq = ++seqs[0];
                            MergedIncident incident = incident(merged);
                            tallies.add(incident);
                            if (period.contains(merged.night())) {
                                listed.add(new Listed(merged.regionIso(), merged.districtKey(), seq, incident));
                                if (merged.merged()) {
                                    noted.add(new Noted(merged.regionIso(), seq, merged.id(), new MergeNote(merged.id(),
                                            merged.night(), places.name(merged.regionIso()), merged.district(),
                                            merged.eventType(), merged.rule(), merged.reports(), merged.sources(),
                                            merged.origins(), merged.conflicts())));
                                }
                            }
                        }
                    });
                    counts.forEach((night, merged) -> {
                        source.putNight(night, counts(merged, elsewhere.getOrDefault(night, 0L)));
                        touched.remove(night);
                    });
                    lister.list(rows, listed, noted);
                    handed = true;
                } finally {
                    if (!handed) {
                        listed.close();
                        noted.close();
                    }
                }
            });
            lister.finish();
        }
        listing.finish();
        noteListing.finish();
        // Nights of the sweep that no longer hold a report.
        for (LocalDate night : touched) {
            if (!night.isBefore(from) && !night.isAfter(period.to())) {
                source.putNight(night, counts(null, elsewhere.getOrDefault(night, 0L)));
            }
        }
        countNights(source, mergeAcrossSources, from, period.to(), elsewhere);
    }

    /**
     * Counts again the nights whose reports changed, except those from {@code from} to {@code to},
     * which a report's sweep counts as it reads them anyway; with every night when the merge mode
     * changed.
     */
    public static void countNights(ReportSource source, boolean mergeAcrossSources, LocalDate from, LocalDate to) {
        source.useMergeMode(mergeAcrossSources);
        countNights(source, mergeAcrossSources, from, to, null);
    }

    private static void countNights(ReportSource source, boolean mergeAcrossSources, LocalDate from, LocalDate to,
                                    Map<LocalDate, Long> spanningElsewhere) {
        List<LocalDate> touched = source.touchedNights().stream()
                .filter(night -> from == null || night.isBefore(from) || night.isAfter(to)).toList();
        if (touched.isEmpty()) {
            return;
        }
        Map<LocalDate, Long> elsewhere = spanningElsewhere != null ? spanningElsewhere : source.spanningElsewhere();
        int start = 0;
        for (int i = 1; i <= touched.size(); i++) {
            if (i == touched.size() || !touched.get(i).equals(touched.get(i - 1).plusDays(1))) {
                LocalDate first = touched.get(start);
                LocalDate last = touched.get(i - 1);
                Map<LocalDate, long[]> counts = new TreeMap<>();
                source.forEachRange(first, last, range -> NightMerge.forEachGroup(range, mergeAcrossSources,
                        group -> count(group, counts)));
                for (LocalDate night = first; !night.isAfter(last); night = night.plusDays(1)) {
                    source.putNight(night, counts(counts.get(night), elsewhere.getOrDefault(night, 0L)));
                }
                start = i;
            }
        }
    }

    private static void count(Merge.Group group, Map<LocalDate, long[]> counts) {
        for (Merge.Merged incident : group.incidents()) {
            counts.computeIfAbsent(incident.night(), k -> new long[2])[incident.keyed() ? 0 : 1]++;
        }
    }

    private static ReportSource.NightCounts counts(long[] merged, long spanningElsewhere) {
        return merged == null ? new ReportSource.NightCounts(0, spanningElsewhere)
                : new ReportSource.NightCounts(merged[0], merged[1] + spanningElsewhere);
    }

    /** Incidents over every night, from the night index. */
    private static long storeIncidents(Map<LocalDate, ReportSource.NightCounts> nights,
                                       Map<LocalDate, Long> elsewhere) {
        long total = 0;
        for (ReportSource.NightCounts counts : nights.values()) {
            total += counts.keyed() + counts.ids();
        }
        for (long extra : elsewhere.values()) {
            total -= extra;
        }
        return total;
    }

    /** Incidents per week over the {@value #TREND_WEEKS} weeks up to the period's last, from the night index. */
    private List<WeekCount> weeklyTrend(Map<LocalDate, ReportSource.NightCounts> nights,
                                        Map<LocalDate, Long> elsewhere) {
        Map<LocalDate, Long> incidents = new TreeMap<>();
        nights.forEach((night, counts) -> incidents.put(night,
                counts.keyed() + counts.ids() - elsewhere.getOrDefault(night, 0L)));
        List<WeekCount> trend = weeks(incidents, period);
        if (trend.isEmpty()) {
            return trend;
        }
        // A week the store's nights start in, or the period stops in, or not over yet, is a part week.
        Period stored = source.storedNights();
        LocalDate firstNight = stored == null ? trend.get(0).monday() : stored.from();
        return WeekCount.marked(trend, firstNight, period.to(), night -> generatedAt == null
                || PeriodEnd.of(night, zones, generatedAt).complete());
    }

    /**
     * Incidents per ISO week, given per night, up to the week of the period's last night, at most
     * {@value #TREND_WEEKS} weeks, from the first week with an incident on; a week without incidents
     * between counts 0. Empty when no incident falls in those weeks. Weeks are not marked as part weeks.
     */
    public static List<WeekCount> weeks(Map<LocalDate, Long> incidentsByNight, Period period) {
        LocalDate last = period.to().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate trendStart = last.minusWeeks(TREND_WEEKS - 1);
        TreeMap<LocalDate, Long> weeks = new TreeMap<>();
        incidentsByNight.forEach((night, incidents) -> {
            if (!night.isBefore(trendStart) && !night.isAfter(period.to()) && incidents > 0) {
                weeks.merge(night.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), incidents, Long::sum);
            }
        });
        if (weeks.isEmpty()) {
            return List.of();
        }
        List<WeekCount> trend = new ArrayList<>();
        for (LocalDate monday = weeks.firstKey(); !monday.isAfter(last); monday = monday.plusWeeks(1)) {
            trend.add(new WeekCount(NightCalendar.isoWeek(monday), monday, weeks.getOrDefault(monday, 0L)));
        }
        return trend;
    }

    /** The period's nights as bounds: every night for a report of all nights. */
    private LocalDate[] nights(RejectionScope scope) {
        return scope.everyNight() ? new LocalDate[] {LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 31)}
                : new LocalDate[] {period.from(), period.to()};
    }

    private List<Resolution> resolutions(List<ReportSource.ResolutionRow> rows) {
        List<Resolution> resolutions = new ArrayList<>();
        for (ReportSource.ResolutionRow row : rows) {
            String name = places.name(row.regionIso());
            if (KIND_REGION.equals(row.kind())) {
                resolutions.add(new Resolution(KIND_REGION, name, row.input(), name, row.method(), row.score(),
                        row.rows()));
            } else {
                boolean unresolved = row.method() == MatchMethod.UNRESOLVED;
                resolutions.add(new Resolution(KIND_DISTRICT, name, row.input(), unresolved ? null : row.canonical(),
                        row.method(), row.score(), row.rows()));
            }
        }
        resolutions.sort(Comparator.comparing(Resolution::kind).reversed().thenComparing(Resolution::region)
                .thenComparing(Resolution::input));
        return resolutions;
    }

    /**
     * Region names that rejected rows (a region rejection with a value: every other region rejection is a
     * missing value) of the period or undated, and district names kept unresolved on its nights (among
     * {@code resolutions}, the period's).
     */
    private List<UnresolvedName> unresolvedNames(RejectionScope scope, List<ReportSource.ResolutionRow> resolutions) {
        List<UnresolvedName> names = new ArrayList<>();
        Map<String, long[]> regionRows = new LinkedHashMap<>();
        Map<String, String> regionReasons = new HashMap<>();
        for (ReportSource.RejectedRegion rejected : source.rejectedRegions()) {
            String input = rejected.input().strip();
            if (!input.isEmpty() && scope.shows(rejected.night())) {
                regionRows.computeIfAbsent(input, k -> new long[1])[0]++;
                // unresolved-names.csv is an aliases file in English, as its header is: the gazetteer's note, if any.
                Reason reason = rejected.reason();
                String text = reason.kind() == RejectionKind.UNKNOWN_REGION_NOTED
                        ? "unknown region: " + reason.param("note") : "unknown region";
                regionReasons.merge(input, text, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        regionRows.forEach((input, rows) -> names.add(new UnresolvedName(KIND_REGION, input, null, rows[0],
                regionReasons.get(input), places.regionCandidates(input))));
        for (ReportSource.ResolutionRow district : resolutions) {
            if (!KIND_DISTRICT.equals(district.kind()) || district.method() != MatchMethod.UNRESOLVED) {
                continue;
            }
            names.add(new UnresolvedName(KIND_DISTRICT, district.input(), places.name(district.regionIso()),
                    district.rows(), "unresolved district: kept under its region as " + district.input()
                    + MergedIncident.UNRESOLVED_SUFFIX, places.districtCandidates(district.regionIso(), district.input())));
        }
        names.sort(Comparator.comparingLong(UnresolvedName::rows).reversed().thenComparing(UnresolvedName::kind)
                .thenComparing(n -> n.region() == null ? "" : n.region()).thenComparing(UnresolvedName::input));
        return names;
    }

    private List<Warning> warnings() {
        List<ReportSource.FileWarning> warnings = new ArrayList<>(source.warnings());
        // In path order as Java sorts, never by the database's collation.
        warnings.sort(Comparator.comparing(ReportSource.FileWarning::file).thenComparingInt(ReportSource.FileWarning::seq));
        return warnings.stream().map(w -> new Warning(w.file(), w.message())).toList();
    }

    /**
     * The period's accepted rows whose night lies far from every other night the source holds
     * reports of ({@link FarNights}), at most {@value #FAR_ROWS_LISTED}, in night, file and line
     * order. Reads the far nights' own rows only: {@code nights} are the nights the index holds,
     * read after the sweep counted every touched night again (a touched night that lost its rows
     * has left the index by then).
     */
    static List<FarDate> farDates(ReportSource source, Period period, Set<LocalDate> nights) {
        boolean everyNight = "all".equals(period.label());
        List<FarDate> rows = new ArrayList<>();
        for (FarNights.Far far : FarNights.of(nights)) {
            if (!everyNight && !period.contains(far.night())) {
                continue;
            }
            source.forEachRange(far.night(), far.night(), range -> range.forEachRemaining(report -> {
                if (report.night().equals(far.night())) {
                    rows.add(new FarDate(report.file(), report.line(), far.night(), far.days()));
                }
            }));
        }
        rows.sort(Comparator.comparing(FarDate::night).thenComparing(FarDate::file).thenComparingLong(FarDate::line));
        return rows.size() > FAR_ROWS_LISTED ? List.copyOf(rows.subList(0, FAR_ROWS_LISTED)) : rows;
    }

    private MergedIncident incident(Merge.Merged merged) {
        return new MergedIncident(merged.id(), merged.night(), merged.localTime(),
                Boolean.TRUE.equals(merged.nightTime()), merged.nightInferred(), places.name(merged.regionIso()),
                merged.regionIso(), merged.district(), merged.districtKey(), merged.location(), merged.eventType(),
                merged.uavCount(), merged.killed(), merged.injured(), merged.damage(), merged.measures(),
                merged.sources(), merged.sourceKeys(), merged.sourceUrls(), merged.notes(), merged.origins(),
                merged.reports(), places.kind(merged.regionIso()));
    }

    /** The period's accepted rows of one range, per source: how many, and the first name each source's key had. */
    private static final class RangeRows {
        private final Map<String, String> names = new LinkedHashMap<>();
        private final Map<String, long[]> counts = new HashMap<>();

        void add(String sourceKey, String source) {
            long[] count = counts.get(sourceKey);
            if (count == null) {
                counts.put(sourceKey, count = new long[1]);
                names.put(sourceKey, source);
            } else if (names.get(sourceKey) == null) {
                names.put(sourceKey, source);
            }
            count[0]++;
        }

        /** Counts them for their sources, as {@link SourceTally#row} one at a time would. */
        void countInto(SourceTally sourceTally) {
            names.forEach((key, name) -> sourceTally.rows(key, name, counts.get(key)[0]));
        }
    }

    /**
     * Lists each merged range on a thread of its own, in the order the ranges were merged, while the
     * next range is read and merged: its rows' sources, then its incidents and merge notes in their
     * orders, into the listings and the Sources sheet's tally. One range waits at most. A failure of
     * the lister is the sweep's, thrown as it was (or added to the sweep's own failure as suppressed);
     * an interrupt does not cut a wait short, as it did not stop the sweep on one thread.
     */
    private static final class Lister implements AutoCloseable {
        private final SourceTally sourceTally;
        private final SpilledListing<MergedIncident> listing;
        private final SpilledListing<MergeNote> noteListing;
        /** Null: each range is listed in turn, on the caller's thread. */
        private final ExecutorService thread;
        private Future<?> pending;

        Lister(SourceTally sourceTally, SpilledListing<MergedIncident> listing, SpilledListing<MergeNote> noteListing,
               boolean beside) {
            this.sourceTally = sourceTally;
            this.listing = listing;
            this.noteListing = noteListing;
            this.thread = beside ? Executors.newSingleThreadExecutor(task -> {
                Thread lister = new Thread(task, "report listing");
                lister.setDaemon(true);
                return lister;
            }) : null;
        }

        /**
         * Lists the range once the one before it is listed, and then closes its sorts; the caller closes
         * them if this throws.
         */
        void list(RangeRows rows, ExternalSort<Listed> listed, ExternalSort<Noted> noted) {
            finish();
            Runnable range = () -> {
                try {
                    rows.countInto(sourceTally);
                    listed.forEachSorted(l -> {
                        sourceTally.incident(l.incident());
                        listing.add(l.incident());
                    });
                    noted.forEachSorted(n -> {
                        sourceTally.merge(n.note());
                        noteListing.add(n.note());
                    });
                } finally {
                    listed.close();
                    noted.close();
                }
            };
            if (thread == null) {
                range.run();
            } else {
                pending = thread.submit(range);
            }
        }

        /** Waits until every range handed over is listed; its failure is thrown here, once. */
        void finish() {
            if (pending == null) {
                return;
            }
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        pending.get();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                pending = null;
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /**
         * The range being listed is done with before this returns (so before the work folder goes); after
         * a failure of the sweep, the lister's own failure is added to it by try-with-resources.
         */
        @Override
        public void close() {
            try {
                finish();
            } finally {
                if (thread != null) {
                    // Idle by now: its thread ends at once.
                    thread.shutdown();
                }
            }
        }
    }

    /** An incident with the columns it is listed by. */
    private record Listed(String regionIso, DistrictKey districtKey, long seq, MergedIncident incident) {
        /** Night, region, district, time of day (unknown last), then the order of merging. */
        static final Comparator<Listed> ORDER = Comparator.<Listed, LocalDate>comparing(l -> l.incident().night())
                .thenComparing(Listed::regionIso).thenComparing(Listed::districtKey)
                .thenComparing(l -> l.incident().localTime(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingLong(Listed::seq);
    }

    /** Listed incidents written to a sorted run and read back as they were. */
    private static final ExternalSort.Codec<Listed> LISTED = new ExternalSort.Codec<>() {
        @Override
        public void write(java.io.DataOutputStream out, Listed l) throws java.io.IOException {
            out.writeLong(l.seq());
            ExternalSort.text(out, l.regionIso());
            ExternalSort.text(out, l.districtKey().encoded());
            ListingCodecs.INCIDENT.write(out, l.incident());
        }

        @Override
        public Listed read(java.io.DataInputStream in) throws java.io.IOException {
            long seq = in.readLong();
            String regionIso = ExternalSort.text(in);
            DistrictKey districtKey = DistrictKey.decode(ExternalSort.text(in));
            return new Listed(regionIso, districtKey, seq, ListingCodecs.INCIDENT.read(in));
        }
    };

    /** A merge note with the columns it is listed by. */
    private record Noted(String regionIso, long seq, String incidentId, MergeNote note) {
        /** Night, region, then the order of merging (exact duplicates first). */
        static final Comparator<Noted> ORDER = Comparator.<Noted, LocalDate>comparing(n -> n.note().night())
                .thenComparing(Noted::regionIso).thenComparingLong(Noted::seq).thenComparing(Noted::incidentId);
    }

    /** Merge notes written to a sorted run and read back as they were. */
    private static final ExternalSort.Codec<Noted> NOTED = new ExternalSort.Codec<>() {
        @Override
        public void write(java.io.DataOutputStream out, Noted n) throws java.io.IOException {
            ExternalSort.text(out, n.regionIso());
            out.writeLong(n.seq());
            ExternalSort.text(out, n.incidentId());
            ListingCodecs.NOTE.write(out, n.note());
        }

        @Override
        public Noted read(java.io.DataInputStream in) throws java.io.IOException {
            String regionIso = ExternalSort.text(in);
            long seq = in.readLong();
            String incidentId = ExternalSort.text(in);
            return new Noted(regionIso, seq, incidentId, ListingCodecs.NOTE.read(in));
        }
    };
}
