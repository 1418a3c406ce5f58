package com.incidenttally.store;

import com.incidenttally.normalize.NightCalendar;
import com.incidenttally.places.AreaKind;
import com.incidenttally.places.Gazetteer;
import com.incidenttally.places.Region;
import com.incidenttally.tally.InputFileInfo;
import com.incidenttally.tally.FarDate;
import com.incidenttally.tally.FarNights;
import com.incidenttally.tally.Merge;
import com.incidenttally.tally.MergeNote;
import com.incidenttally.tally.MergedIncident;
import com.incidenttally.tally.NightMerge;
import com.incidenttally.tally.Period;
import com.incidenttally.tally.RegionComparison;
import com.incidenttally.tally.RegionNightMatrix;
import com.incidenttally.incident.Reason;
import com.incidenttally.incident.RejectionKind;
import com.incidenttally.tally.Rejection;
import com.incidenttally.tally.RejectionScope;
import com.incidenttally.tally.SourceTally;
import com.incidenttally.tally.ReportData;
import com.incidenttally.tally.Resolution;
import com.incidenttally.tally.RunInfo;
import com.incidenttally.tally.Tallies;
import com.incidenttally.tally.TallyRow;
import com.incidenttally.tally.Totals;
import com.incidenttally.tally.UnresolvedName;
import com.incidenttally.tally.Warning;
import com.incidenttally.tally.WeekCount;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * The report's view of the store for one period. One sweep over the period's reports (and the
 * previous period's) merges them night range by night range and hands each incident to the
 * tallies, and the period's incidents and merge notes to the workbook as they come; nights
 * outside it are known from the night index. Group lists are small; nothing holds a period.
 */
public class StoredReportData implements ReportData {

    /** Weeks the weekly trend shows, the period's last week included. */
    private static final int TREND_WEEKS = 12;

    private final IncidentStore store;
    private final JdbcTemplate jdbc;
    private final int rangeRows;
    private final boolean mergeAcrossSources;
    /** A region or sea area by its code, as the gazetteer knows it. */
    private final Function<String, Optional<Region>> areas;
    /** Looked up once per code: the sweep asks for every incident. */
    private final Map<String, Optional<Region>> areaByIso = new ConcurrentHashMap<>();
    /** What unresolved names might mean; null: no candidates. */
    private final Gazetteer gazetteer;
    private final Period period;
    private final Instant generatedAt;
    /** Run info, given the number of incidents the whole store holds. */
    private final LongFunction<RunInfo> runInfo;
    private final Period previous;
    private final Tallies tallies;
    /** The period's sources, fed by the sweep and, once asked for, the period's rejections. */
    private final SourceTally sourceTally = new SourceTally();
    /** The rejections this report shows, and which are new. */
    private RejectionScope scope;
    /** Each group list is read once, however many writers ask for it. */
    private final Map<String, Object> memo = new HashMap<>();
    private boolean swept;
    /** Where a big night's sorted runs go, in a work folder of their own: the output folder. */
    private java.nio.file.Path workParent;
    /** Who else is given the period's incidents as the sweep lists them (incidents.csv). */
    private final List<Consumer<MergedIncident>> alsoListed = new ArrayList<>();
    /** The zones whose noon ends a night: every region's, for this run. */
    private List<java.time.ZoneId> zones = List.of();

    public StoredReportData(IncidentStore store, Gazetteer gazetteer, Period period, Instant generatedAt,
                            boolean mergeAcrossSources, LongFunction<RunInfo> runInfo) {
        this(store, gazetteer, gazetteer::regionByIso, period, generatedAt, mergeAcrossSources, runInfo,
                StoredReports.PAGE_ROWS);
    }

    /** A view whose rejections from the files this run read ({@code filesReadThisRun}, by path) are new. */
    public StoredReportData(IncidentStore store, Gazetteer gazetteer, Period period, Instant generatedAt,
                            boolean mergeAcrossSources, LongFunction<RunInfo> runInfo, Set<String> filesReadThisRun) {
        this(store, gazetteer, gazetteer::regionByIso, period, generatedAt, mergeAcrossSources, runInfo,
                StoredReports.PAGE_ROWS);
        this.scope = new RejectionScope(period, filesReadThisRun);
    }

    /** A view that reads reports about {@code rangeRows} at a time (nights are never split). */
    StoredReportData(IncidentStore store, Gazetteer gazetteer, Period period, Instant generatedAt,
                     boolean mergeAcrossSources, LongFunction<RunInfo> runInfo, int rangeRows) {
        this(store, gazetteer, gazetteer::regionByIso, period, generatedAt, mergeAcrossSources, runInfo, rangeRows);
    }

    /** A view that knows regions and sea areas through {@code areas} (a sea the bundled data lacks, in tests). */
    StoredReportData(IncidentStore store, Gazetteer gazetteer, Function<String, Optional<Region>> areas, Period period,
                     Instant generatedAt, boolean mergeAcrossSources, LongFunction<RunInfo> runInfo, int rangeRows) {
        this.store = store;
        this.rangeRows = rangeRows;
        this.jdbc = store.jdbc();
        this.mergeAcrossSources = mergeAcrossSources;
        this.gazetteer = gazetteer;
        this.areas = areas;
        this.period = period;
        this.generatedAt = generatedAt;
        this.runInfo = runInfo;
        this.previous = findPrevious();
        this.tallies = new Tallies(period, previous);
        this.scope = new RejectionScope(period, Set.of());
    }

    /** Nights end at noon in each of {@code zones}: the report is provisional until the last has passed. */
    public StoredReportData endingIn(java.util.Collection<java.time.ZoneId> zones) {
        this.zones = List.copyOf(new java.util.LinkedHashSet<>(zones));
        return this;
    }

    @Override
    public com.incidenttally.tally.PeriodEnd periodEnd() {
        return generatedAt == null ? null : com.incidenttally.tally.PeriodEnd.of(period, zones, generatedAt);
    }

    /** Synchronized: the charts are drawn on another thread while the workbook is written. */
    @SuppressWarnings("unchecked")
    private synchronized <T> T memoized(String key, java.util.function.Supplier<T> query) {
        if (!memo.containsKey(key)) {
            memo.put(key, query.get());
        }
        return (T) memo.get(key);
    }

    /** The nights the store holds reports of, or null when it holds none. */
    public static Period allNights(IncidentStore store) {
        return store.jdbc().query("SELECT MIN(g.night_from), MAX(g.night_to) FROM it_group g JOIN it_file f"
                + " ON f.id = g.file_id WHERE f.status = 'LOADED'", rs -> {
            rs.next();
            LocalDate first = rs.getObject(1, LocalDate.class);
            LocalDate last = rs.getObject(2, LocalDate.class);
            return first == null || last == null ? null : new Period("all", first, last);
        });
    }

    private Period findPrevious() {
        if ("all".equals(period.label())) {
            return null;
        }
        Long before = jdbc.queryForObject("SELECT COUNT(*) FROM it_group g JOIN it_file f ON f.id = g.file_id"
                + " WHERE f.status = 'LOADED' AND g.night_from < ?", Long.class, period.from());
        return before != null && before > 0 ? period.previous() : null;
    }

    /**
     * Counts again the nights whose rows changed, except those from {@code from} to {@code to},
     * which a report's sweep counts as it reads them anyway; with every night when the merge
     * mode changed.
     */
    public static void indexNights(IncidentStore store, boolean mergeAcrossSources, LocalDate from, LocalDate to) {
        indexNights(store, mergeAcrossSources, from, to, (java.nio.file.Path) null);
    }

    /** As above, a big night's sorted runs in a work folder made in {@code workParent} (the output folder). */
    public static void indexNights(IncidentStore store, boolean mergeAcrossSources, LocalDate from, LocalDate to,
                                   java.nio.file.Path workParent) {
        new NightIndex(store).useMode(mergeAcrossSources);
        indexNights(store, mergeAcrossSources, from, to, () -> new StoredReports(store, StoredReports.PAGE_ROWS,
                StoredReports.budgetRows(), workParent));
    }

    private static void indexNights(IncidentStore store, boolean mergeAcrossSources, LocalDate from, LocalDate to,
                                    java.util.function.Supplier<StoredReports> storedReports) {
        NightIndex index = new NightIndex(store);
        List<LocalDate> touched = index.touched().stream()
                .filter(night -> from == null || night.isBefore(from) || night.isAfter(to)).toList();
        if (touched.isEmpty()) {
            return;
        }
        StoredReports reports = storedReports.get();
        Map<LocalDate, Long> elsewhere = reports.spanning().landingElsewhere();
        int start = 0;
        for (int i = 1; i <= touched.size(); i++) {
            if (i == touched.size() || !touched.get(i).equals(touched.get(i - 1).plusDays(1))) {
                LocalDate first = touched.get(start);
                LocalDate last = touched.get(i - 1);
                Map<LocalDate, long[]> counts = new TreeMap<>();
                reports.forEachRange(first, last, range -> NightMerge.forEachGroup(range, mergeAcrossSources,
                        group -> count(group, counts)));
                for (LocalDate night = first; !night.isAfter(last); night = night.plusDays(1)) {
                    index.put(night, counts(counts.get(night), elsewhere.getOrDefault(night, 0L)));
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

    private static NightIndex.Counts counts(long[] merged, long spanningElsewhere) {
        return merged == null ? new NightIndex.Counts(0, spanningElsewhere)
                : new NightIndex.Counts(merged[0], merged[1] + spanningElsewhere);
    }

    /**
     * Reads the period, and the previous one, once: every incident goes to the tallies; the
     * period's incidents go to {@code listing} ordered by night, region, district, time, and its
     * merge notes to {@code notes} ordered by night and region. Counts the nights it reads into
     * the night index, and then the other nights that changed. Once per view.
     */
    @Override
    public synchronized void sweep(Consumer<MergedIncident> listing, Consumer<MergeNote> notes) {
        if (swept) {
            throw new IllegalStateException("the period was swept already");
        }
        swept = true;
        NightIndex index = new NightIndex(store);
        index.useMode(mergeAcrossSources);
        Set<LocalDate> touched = new HashSet<>(index.touched());
        StoredReports reports = reports();
        Map<LocalDate, Long> elsewhere = reports.spanning().landingElsewhere();
        LocalDate from = previous != null ? previous.from() : period.from();
        try (WorkFolder work = new WorkFolder(workParent)) {
            long budget = StoredReports.budgetRows();
            reports.forEachRange(from, period.to(), nightByNight -> {
                // Each of the period's rows counts for its source (Sources sheet) as it goes by.
                java.util.Iterator<com.incidenttally.tally.Report> range = new java.util.Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return nightByNight.hasNext();
                    }

                    @Override
                    public com.incidenttally.tally.Report next() {
                        com.incidenttally.tally.Report report = nightByNight.next();
                        if (period.contains(report.night())) {
                            sourceTally.row(report.sourceKey(), report.source());
                        }
                        return report;
                    }
                };
                Map<LocalDate, long[]> counts = new TreeMap<>();
                try (ExternalSort<Listed> listed = new ExternalSort<>(Listed.ORDER, LISTED, budget, work::path);
                     ExternalSort<Noted> noted = new ExternalSort<>(Noted.ORDER, NOTED, budget, work::path)) {
                    long[] seqs = {0};
                    NightMerge.forEachGroup(range, mergeAcrossSources, group -> {
                        count(group, counts);
                        for (Merge.Duplicate duplicate : group.duplicates()) {
                            if (period.contains(duplicate.night())) {
                                noted.add(new Noted(duplicate.regionIso(), 0, duplicate.incidentId(), new MergeNote(
                                        duplicate.incidentId(), duplicate.night(), regionName(duplicate.regionIso()),
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
                                            merged.night(), regionName(merged.regionIso()), merged.district(),
                                            merged.eventType(), merged.rule(), merged.reports(), merged.sources(),
                                            merged.origins(), merged.conflicts())));
                                }
                            }
                        }
                    });
                    counts.forEach((night, merged) -> {
                        index.put(night, counts(merged, elsewhere.getOrDefault(night, 0L)));
                        touched.remove(night);
                    });
                    listed.forEachSorted(l -> {
                        sourceTally.incident(l.incident());
                        listing.accept(l.incident());
                        alsoListed.forEach(also -> also.accept(l.incident()));
                    });
                    noted.forEachSorted(n -> {
                        sourceTally.merge(n.note());
                        notes.accept(n.note());
                    });
                }
            });
        }
        // Nights of the sweep that no longer hold a report.
        for (LocalDate night : touched) {
            if (!night.isBefore(from) && !night.isAfter(period.to())) {
                index.put(night, counts(null, elsewhere.getOrDefault(night, 0L)));
            }
        }
        indexNights(store, mergeAcrossSources, from, period.to(), this::reports);
        // What the night index gives is read here, on the thread whose transaction wrote it: the
        // charts are drawn on another thread, with a connection of its own.
        weeklyTrend();
        storeIncidents();
    }

    /** Gives {@code also} the period's incidents too, in listing order, when the sweep lists them. */
    public synchronized void alsoList(Consumer<MergedIncident> also) {
        if (swept) {
            throw new IllegalStateException("the period was swept already");
        }
        alsoListed.add(also);
    }

    /** A big night's sorted runs go to a work folder made in {@code outputFolder}, removed once read. */
    public void spillUnder(java.nio.file.Path outputFolder) {
        this.workParent = outputFolder;
    }

    /** The store's reports, and its spanning ids read once for this view. */
    private StoredReports reports() {
        return memoized("reports", () -> new StoredReports(store, rangeRows, StoredReports.budgetRows(), workParent));
    }

    private MergedIncident incident(Merge.Merged merged) {
        return new MergedIncident(merged.id(), merged.night(), merged.localTime(),
                Boolean.TRUE.equals(merged.nightTime()), merged.nightInferred(), regionName(merged.regionIso()),
                merged.regionIso(), merged.district(), merged.districtKey(), merged.location(), merged.eventType(),
                merged.uavCount(), merged.killed(), merged.injured(), merged.damage(), merged.measures(),
                merged.sources(), merged.sourceKeys(), merged.sourceUrls(), merged.notes(), merged.origins(),
                merged.reports(), kind(merged.regionIso()));
    }

    /** An incident with the columns it is listed by. */
    private record Listed(String regionIso, String districtKey, long seq, MergedIncident incident) {
        /** Night, region, district, time of day (unknown last), then the order of merging. */
        static final Comparator<Listed> ORDER = Comparator.<Listed, LocalDate>comparing(l -> l.incident().night())
                .thenComparing(Listed::regionIso).thenComparing(Listed::districtKey)
                .thenComparing(l -> l.incident().localTime(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingLong(Listed::seq);
    }

    /** Listed incidents written to a run and read back as they were. */
    private static final ExternalSort.Codec<Listed> LISTED = new ExternalSort.Codec<>() {
        @Override
        public void write(java.io.DataOutputStream out, Listed l) throws java.io.IOException {
            MergedIncident i = l.incident();
            out.writeLong(l.seq());
            ExternalSort.text(out, i.id());
            ExternalSort.date(out, i.night());
            ExternalSort.time(out, i.localTime());
            out.writeBoolean(i.nightTime());
            out.writeBoolean(i.nightInferred());
            ExternalSort.text(out, i.region());
            ExternalSort.text(out, i.isoCode());
            ExternalSort.text(out, i.district());
            ExternalSort.text(out, i.districtKey());
            ExternalSort.text(out, i.location());
            ExternalSort.text(out, i.eventType());
            ExternalSort.number(out, i.uavCount());
            ExternalSort.number(out, i.killed());
            ExternalSort.number(out, i.injured());
            ExternalSort.text(out, i.damage());
            ExternalSort.text(out, i.measures());
            ExternalSort.text(out, i.sources());
            out.writeInt(i.sourceKeys().size());
            for (String key : i.sourceKeys()) {
                ExternalSort.text(out, key);
            }
            ExternalSort.text(out, i.sourceUrls());
            ExternalSort.text(out, i.notes());
            ExternalSort.text(out, i.origins());
            out.writeInt(i.reports());
            ExternalSort.text(out, i.kind() == null ? null : i.kind().name());
            ExternalSort.text(out, l.regionIso());
            ExternalSort.text(out, l.districtKey());
        }

        @Override
        public Listed read(java.io.DataInputStream in) throws java.io.IOException {
            long seq = in.readLong();
            String id = ExternalSort.text(in);
            LocalDate night = ExternalSort.date(in);
            java.time.LocalDateTime time = ExternalSort.time(in);
            boolean nightTime = in.readBoolean();
            boolean inferred = in.readBoolean();
            String region = ExternalSort.text(in);
            String iso = ExternalSort.text(in);
            String district = ExternalSort.text(in);
            String districtKey = ExternalSort.text(in);
            String location = ExternalSort.text(in);
            String eventType = ExternalSort.text(in);
            Integer uav = ExternalSort.number(in);
            Integer killed = ExternalSort.number(in);
            Integer injured = ExternalSort.number(in);
            String damage = ExternalSort.text(in);
            String measures = ExternalSort.text(in);
            String sources = ExternalSort.text(in);
            int keys = in.readInt();
            List<String> sourceKeys = new ArrayList<>(keys);
            for (int k = 0; k < keys; k++) {
                sourceKeys.add(ExternalSort.text(in));
            }
            String urls = ExternalSort.text(in);
            String notes = ExternalSort.text(in);
            String origins = ExternalSort.text(in);
            int reports = in.readInt();
            String kind = ExternalSort.text(in);
            return new Listed(ExternalSort.text(in), ExternalSort.text(in), seq, new MergedIncident(id, night, time,
                    nightTime, inferred, region, iso, district, districtKey, location, eventType, uav, killed, injured,
                    damage, measures, sources, List.copyOf(sourceKeys), urls, notes, origins, reports,
                    kind == null ? null : AreaKind.valueOf(kind)));
        }
    };

    /** Merge notes written to a run and read back as they were. */
    private static final ExternalSort.Codec<Noted> NOTED = new ExternalSort.Codec<>() {
        @Override
        public void write(java.io.DataOutputStream out, Noted n) throws java.io.IOException {
            MergeNote note = n.note();
            ExternalSort.text(out, n.regionIso());
            out.writeLong(n.seq());
            ExternalSort.text(out, n.incidentId());
            ExternalSort.text(out, note.incident());
            ExternalSort.date(out, note.night());
            ExternalSort.text(out, note.region());
            ExternalSort.text(out, note.district());
            ExternalSort.text(out, note.eventType());
            ExternalSort.text(out, note.rule());
            out.writeInt(note.rows());
            ExternalSort.text(out, note.sources());
            ExternalSort.text(out, note.origins());
            ExternalSort.text(out, note.conflicts());
        }

        @Override
        public Noted read(java.io.DataInputStream in) throws java.io.IOException {
            String regionIso = ExternalSort.text(in);
            long seq = in.readLong();
            String incidentId = ExternalSort.text(in);
            return new Noted(regionIso, seq, incidentId, new MergeNote(ExternalSort.text(in), ExternalSort.date(in),
                    ExternalSort.text(in), ExternalSort.text(in), ExternalSort.text(in), ExternalSort.text(in),
                    in.readInt(), ExternalSort.text(in), ExternalSort.text(in), ExternalSort.text(in)));
        }
    };

    /** A merge note with the columns it is listed by. */
    private record Noted(String regionIso, long seq, String incidentId, MergeNote note) {
        /** Night, region, then the order of merging (exact duplicates first). */
        static final Comparator<Noted> ORDER = Comparator.<Noted, LocalDate>comparing(n -> n.note().night())
                .thenComparing(Noted::regionIso).thenComparingLong(Noted::seq).thenComparing(Noted::incidentId);
    }

    private synchronized void requireSwept() {
        if (!swept) {
            sweep(incident -> { }, note -> { });
        }
    }

    /** Incidents over the whole store, from the night index: after the sweep, which brings it up to date. */
    public long storeIncidents() {
        requireSwept();
        return memoized("storeIncidents", () -> {
            long total = 0;
            for (NightIndex.Counts counts : new NightIndex(store).all().values()) {
                total += counts.keyed() + counts.ids();
            }
            StoredReports.Spanning spanning = reports().spanning();
            for (long extra : spanning.landingElsewhere().values()) {
                total -= extra;
            }
            return total;
        });
    }

    @Override
    public Period period() {
        return period;
    }

    @Override
    public Instant generatedAt() {
        return generatedAt;
    }

    @Override
    public Totals totals() {
        requireSwept();
        return memoized("totals", tallies::totals);
    }

    @Override
    public Period previousPeriod() {
        return previous;
    }

    @Override
    public Totals previousTotals() {
        requireSwept();
        return previous == null ? null : memoized("previousTotals", tallies::previousTotals);
    }

    @Override
    public List<RegionComparison> comparison() {
        requireSwept();
        return previous == null ? List.<RegionComparison>of() : memoized("comparison", tallies::comparison);
    }

    @Override
    public List<TallyRow> byRegion() {
        requireSwept();
        return memoized("byRegion", tallies::byRegion);
    }

    @Override
    public List<TallyRow> byDistrict() {
        requireSwept();
        return memoized("byDistrict", tallies::byDistrict);
    }

    @Override
    public List<TallyRow> byNight() {
        requireSwept();
        return memoized("byNight", tallies::byNight);
    }

    @Override
    public RegionNightMatrix regionNight() {
        requireSwept();
        return memoized("regionNight", tallies::regionNight);
    }

    /** Incidents per week over the 12 weeks up to the period's last, from the night index. */
    @Override
    public List<WeekCount> weeklyTrend() {
        requireSwept();
        return memoized("weeklyTrend", this::computeWeeklyTrend);
    }

    private List<WeekCount> computeWeeklyTrend() {
        LocalDate last = period.to().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate trendStart = last.minusWeeks(TREND_WEEKS - 1);
        TreeMap<LocalDate, Long> weeks = new TreeMap<>();
        Map<LocalDate, Long> elsewhere = reports().spanning().landingElsewhere();
        new NightIndex(store).all().forEach((night, counts) -> {
            long incidents = counts.keyed() + counts.ids() - elsewhere.getOrDefault(night, 0L);
            if (!night.isBefore(trendStart) && !night.isAfter(period.to()) && incidents > 0) {
                weeks.merge(night.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), incidents, Long::sum);
            }
        });
        if (weeks.isEmpty()) {
            return List.of();
        }
        LocalDate first = weeks.firstKey();
        List<WeekCount> trend = new ArrayList<>();
        for (LocalDate monday = first; !monday.isAfter(last); monday = monday.plusWeeks(1)) {
            trend.add(new WeekCount(NightCalendar.isoWeek(monday), monday, weeks.getOrDefault(monday, 0L)));
        }
        // A week the store's nights start in, or the period stops in, or not over yet, is a part week.
        Period stored = allNights(store);
        LocalDate firstNight = stored == null ? first : stored.from();
        return WeekCount.marked(trend, firstNight, period.to(), night -> generatedAt == null
                || com.incidenttally.tally.PeriodEnd.of(night, zones, generatedAt).complete());
    }

    @Override
    public void rejections(Consumer<Rejection> sink) {
        rejections(jdbc, rejection -> {
            if (scope.shows(rejection)) {
                sink.accept(rejection);
            }
        });
    }

    @Override
    public long otherPeriodRejections() {
        return memoized("otherPeriodRejections", () -> {
            long[] others = {0};
            rejections(jdbc, rejection -> others[0] += scope.shows(rejection) ? 0 : 1);
            return others[0];
        });
    }

    /** After the sweep, which feeds the sources their rows, incidents and merges. */
    @Override
    public List<SourceTally.SourceRow> sources() {
        requireSwept();
        return memoized("sources", () -> {
            rejections(sourceTally::rejection);
            return sourceTally.rows();
        });
    }

    @Override
    public RejectionScope rejectionScope() {
        return scope;
    }

    /** Every rejected row in the store, by file and line, without building a report's view. */
    public static void rejections(IncidentStore store, Consumer<Rejection> sink) {
        rejections(store.jdbc(), sink);
    }

    /**
     * File by file in path order, sorted here rather than by the database's collation (which differs
     * between stores and locales); each file's rows in line order.
     */
    private static void rejections(JdbcTemplate jdbc, Consumer<Rejection> sink) {
        // Each (file, sheet) once, ordered here by path and sheet; then its rows in line order.
        record Part(long fileId, String path, String sheet) {
        }
        List<Part> parts = new ArrayList<>();
        jdbc.query("SELECT DISTINCT f.id, f.path, r.sheet FROM it_rejection r JOIN it_file f ON f.id = r.file_id",
                rs -> {
                    parts.add(new Part(rs.getLong(1), rs.getString(2), rs.getString(3)));
                });
        parts.sort(java.util.Comparator.comparing(Part::path).thenComparing(Part::sheet));
        for (Part part : parts) {
            String location = IncidentStore.location(part.path(), part.sheet());
            jdbc.query(connection -> {
                var ps = connection.prepareStatement("SELECT line, col, val, kind, params, raw, night, source"
                        + " FROM it_rejection WHERE file_id = ? AND sheet = ? ORDER BY line");
                ps.setLong(1, part.fileId());
                ps.setString(2, part.sheet());
                ps.setFetchSize(1_000);
                return ps;
            }, rs -> {
                java.sql.Date night = rs.getDate(7);
                sink.accept(new Rejection(location, rs.getLong(1), rs.getString(2), rs.getString(3),
                        Reason.decode(rs.getString(4), rs.getString(5)), rs.getString(6),
                        night == null ? null : night.toLocalDate(), rs.getString(8)));
            });
        }
    }

    @Override
    public List<Resolution> resolutions() {
        return memoized("resolutions", this::computeResolutions);
    }

    /** The period's nights as SQL bounds on {@code r.night}: every night for a report of all nights. */
    private Object[] nights() {
        return scope.everyNight() ? new Object[] {java.sql.Date.valueOf(LocalDate.of(1900, 1, 1)),
                java.sql.Date.valueOf(LocalDate.of(9999, 12, 31))}
                : new Object[] {java.sql.Date.valueOf(period.from()), java.sql.Date.valueOf(period.to())};
    }

    private List<Resolution> computeResolutions() {
        List<Resolution> resolutions = new ArrayList<>();
        jdbc.query("""
                SELECT r.kind, r.region_iso, r.input, r.method, MIN(r.canonical), MIN(r.score), SUM(r.rows_count)
                FROM it_resolution r JOIN it_file f ON f.id = r.file_id
                WHERE f.status = 'LOADED' AND r.night BETWEEN ? AND ?
                GROUP BY r.kind, r.region_iso, r.input, r.method
                """, rs -> {
            String name = regionName(rs.getString(2));
            if (KIND_REGION.equals(rs.getString(1))) {
                resolutions.add(new Resolution(KIND_REGION, name, rs.getString(3), name, rs.getString(4),
                        rs.getDouble(6), rs.getLong(7)));
            } else {
                boolean unresolved = "unresolved".equals(rs.getString(4));
                resolutions.add(new Resolution(KIND_DISTRICT, name, rs.getString(3),
                        unresolved ? null : rs.getString(5), rs.getString(4), rs.getDouble(6), rs.getLong(7)));
            }
        }, nights());
        resolutions.sort(Comparator.comparing(Resolution::kind).reversed().thenComparing(Resolution::region)
                .thenComparing(Resolution::input));
        return resolutions;
    }

    /** Candidates offered for each unresolved name. */
    static final int CANDIDATES = 3;
    static final String KIND_REGION = "region";
    static final String KIND_DISTRICT = "district";

    @Override
    public List<UnresolvedName> unresolvedNames() {
        return memoized("unresolvedNames", this::computeUnresolvedNames);
    }

    /**
     * Region names that rejected rows (a region rejection with a value: every other region rejection is a
     * missing value), and district names kept unresolved, over every file in the store.
     */
    private List<UnresolvedName> computeUnresolvedNames() {
        List<UnresolvedName> names = new ArrayList<>();
        Map<String, long[]> regionRows = new LinkedHashMap<>();
        Map<String, String> regionReasons = new HashMap<>();
        jdbc.query("SELECT val, kind, params, night FROM it_rejection WHERE col = 'region' AND val IS NOT NULL",
                rs -> {
            String input = rs.getString(1).strip();
            java.sql.Date night = rs.getDate(4);
            boolean shown = scope.shows(night == null ? null : night.toLocalDate());
            if (!input.isEmpty() && shown) {
                regionRows.computeIfAbsent(input, k -> new long[1])[0]++;
                // unresolved-names.csv is an aliases file in English, as its header is: the gazetteer's note, if any.
                Reason reason = Reason.decode(rs.getString(2), rs.getString(3));
                String text = reason.kind() == RejectionKind.UNKNOWN_REGION_NOTED
                        ? "unknown region: " + reason.param("note") : "unknown region";
                regionReasons.merge(input, text, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        });
        regionRows.forEach((input, rows) -> names.add(new UnresolvedName(KIND_REGION, input, null, rows[0],
                regionReasons.get(input), gazetteer == null ? List.of() : gazetteer.regionCandidates(input, CANDIDATES)
                .stream().map(c -> new UnresolvedName.Candidate(c.place().name(), c.score())).toList())));
        jdbc.query("SELECT r.region_iso, r.input, SUM(r.rows_count) FROM it_resolution r JOIN it_file f"
                + " ON f.id = r.file_id WHERE f.status = 'LOADED' AND r.kind = 'district' AND r.method = 'unresolved'"
                + " AND r.night BETWEEN ? AND ? GROUP BY r.region_iso, r.input", rs -> {
            String iso = rs.getString(1);
            String input = rs.getString(2);
            Region region = area(iso).orElse(null);
            names.add(new UnresolvedName(KIND_DISTRICT, input, regionName(iso), rs.getLong(3),
                    "unresolved district: kept under its region as " + input + MergedIncident.UNRESOLVED_SUFFIX,
                    gazetteer == null ? List.of() : gazetteer.districtCandidates(region, input, CANDIDATES).stream()
                            .map(c -> new UnresolvedName.Candidate(c.place().name(), c.score())).toList()));
        }, nights());
        names.sort(Comparator.comparingLong(UnresolvedName::rows).reversed().thenComparing(UnresolvedName::kind)
                .thenComparing(n -> n.region() == null ? "" : n.region()).thenComparing(UnresolvedName::input));
        return names;
    }

    /** Rows of far nights a report names one by one; the rest are counted. */
    public static final int FAR_ROWS_LISTED = 100;

    @Override
    public List<FarDate> farDates() {
        return memoized("farDates", () -> farDates(store, period, workParent));
    }

    /**
     * The period's accepted rows whose night lies far from every other night the store holds
     * reports of ({@link FarNights}), at most {@value #FAR_ROWS_LISTED}, in night, file and line
     * order. Reads the night index, the nights whose rows changed since it counted them (whether
     * they still hold a row), and the far nights' own rows: never a scan of every row. A big night
     * is sorted in pieces under {@code workParent} (the output folder).
     */
    public static List<FarDate> farDates(IncidentStore store, Period period, java.nio.file.Path workParent) {
        boolean everyNight = "all".equals(period.label());
        NightIndex index = new NightIndex(store);
        Set<LocalDate> nights = new HashSet<>(index.all().keySet());
        // Nights whose rows changed since the index counted them: whether they still hold a row.
        TreeSet<LocalDate> touched = new TreeSet<>(index.touched());
        if (!touched.isEmpty()) {
            Set<LocalDate> holding = new HashSet<>();
            new StoredReports(store, StoredReports.PAGE_ROWS, StoredReports.budgetRows(), workParent)
                    .forEachRange(touched.first(), touched.last(),
                    range -> range.forEachRemaining(report -> holding.add(report.night())));
            for (LocalDate night : touched) {
                if (holding.contains(night)) {
                    nights.add(night);
                } else {
                    nights.remove(night);
                }
            }
        }
        List<FarDate> rows = new ArrayList<>();
        for (FarNights.Far far : FarNights.of(nights)) {
            if (!everyNight && !period.contains(far.night())) {
                continue;
            }
            new StoredReports(store, StoredReports.PAGE_ROWS, StoredReports.budgetRows(), workParent)
                    .forEachRange(far.night(), far.night(),
                    range -> range.forEachRemaining(report -> {
                        if (report.night().equals(far.night())) {
                            rows.add(new FarDate(report.file(), report.line(), far.night(), far.days()));
                        }
                    }));
        }
        rows.sort(Comparator.comparing(FarDate::night).thenComparing(FarDate::file).thenComparingLong(FarDate::line));
        return rows.size() > FAR_ROWS_LISTED ? List.copyOf(rows.subList(0, FAR_ROWS_LISTED)) : rows;
    }

    @Override
    public List<Warning> warnings() {
        return memoized("warnings", this::computeWarnings);
    }

    private List<Warning> computeWarnings() {
        record Numbered(Warning warning, int seq) {
        }
        List<Numbered> warnings = new ArrayList<>(jdbc.query("SELECT f.path, w.message, w.seq FROM it_warning w"
                + " JOIN it_file f ON f.id = w.file_id",
                (rs, n) -> new Numbered(new Warning(rs.getString(1), rs.getString(2)), rs.getInt(3))));
        // In path order as Java sorts, never by the database's collation.
        warnings.sort(Comparator.comparing((Numbered w) -> w.warning().file()).thenComparingInt(Numbered::seq));
        return warnings.stream().map(Numbered::warning).toList();
    }

    /** Run info, which counts the store's incidents: after the sweep. */
    @Override
    public RunInfo runInfo() {
        return runInfo == null ? null : memoized("runInfo", () -> runInfo.apply(storeIncidents()));
    }

    /** Every input file the store holds, as Run info lists them. */
    public static List<InputFileInfo> inputFiles(IncidentStore store, Map<String, String> statusThisRun) {
        return store.files().stream().map(f -> {
            String[] dialect = dialect(f.encoding());
            return new InputFileInfo(f.path(), f.sha256(), dialect[0], dialect[1],
                    f.rowsRead(), f.rowsAccepted(), f.rowsRejected(),
                    statusThisRun.getOrDefault(f.path(), "unchanged") + (f.message() == null ? "" : ": " + f.message()));
        }).toList();
    }

    /**
     * The encoding and the delimiter of a file as the store keeps them in one column, the way
     * {@code CsvDialect.describe()} wrote them: {@code UTF-8 (BOM), ';'} or {@code windows-1251, tab}.
     */
    static String[] dialect(String described) {
        if (described == null) {
            return new String[] {null, null};
        }
        int comma = described.lastIndexOf(", ");
        if (comma < 0) {
            return new String[] {described, null};
        }
        String delimiter = described.substring(comma + 2);
        if (delimiter.equals("tab")) {
            delimiter = "\t";
        } else if (delimiter.length() == 3 && delimiter.startsWith("'") && delimiter.endsWith("'")) {
            delimiter = delimiter.substring(1, 2);
        }
        return new String[] {described.substring(0, comma), delimiter};
    }

    private String regionName(String iso) {
        return area(iso).map(Region::name).orElse(iso);
    }

    private AreaKind kind(String iso) {
        return area(iso).map(Region::kind).orElse(AreaKind.REGION);
    }

    private Optional<Region> area(String iso) {
        return areaByIso.computeIfAbsent(iso, areas);
    }
}
