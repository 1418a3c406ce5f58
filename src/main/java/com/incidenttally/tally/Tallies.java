package com.incidenttally.tally;

import com.incidenttally.incident.DistrictKey;
import com.incidenttally.incident.EventType;
import com.incidenttally.places.AreaKind;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every tally a report shows, over merged incidents fed one at a time in any order: the period's
 * totals and its rows by region, district, night and region by night; the previous period's totals
 * and regions, for the comparison. Only the groups are kept,
 * never the incidents, so a sweep over millions of them needs memory for the groups alone.
 */
public final class Tallies {

    private final Period period;
    private final Period previousPeriod;
    private final Tally current;
    private final Tally previous;

    /**
     * Empty tallies of {@code period}, compared with {@code previous} (null: nothing to compare
     * with, as when the store holds nothing before the period).
     */
    public Tallies(Period period, Period previous) {
        this.period = period;
        this.previousPeriod = previous;
        this.current = new Tally(period, true);
        this.previous = new Tally(period, false);
    }

    /** The tallies of {@code incidents}, whichever nights they fall on. */
    public static Tallies of(Period period, Period previous, Stream<MergedIncident> incidents) {
        Tallies tallies = new Tallies(period, previous);
        incidents.forEachOrdered(tallies::add);
        return tallies;
    }

    /**
     * The first night any of the tallies or the weekly trend needs: the previous period's first, or
     * the trend's first week's Monday when that is earlier.
     */
    public LocalDate firstNight() {
        LocalDate from = previousPeriod != null && previousPeriod.from().isBefore(period.from())
                ? previousPeriod.from() : period.from();
        LocalDate trendStart = period.to().with(java.time.temporal.TemporalAdjusters.previousOrSame(
                java.time.DayOfWeek.MONDAY)).minusWeeks(PeriodSweep.TREND_WEEKS - 1);
        return trendStart.isBefore(from) ? trendStart : from;
    }

    /** Counts one incident where it belongs: the period or the previous period. */
    public void add(MergedIncident incident) {
        LocalDate night = incident.night();
        if (night.isAfter(period.to())) {
            return;
        }
        if (period.contains(night)) {
            current.add(incident);
        } else if (previousPeriod != null && previousPeriod.contains(night)) {
            previous.add(incident);
        }
    }

    public Period period() {
        return period;
    }

    public Period previousPeriod() {
        return previousPeriod;
    }

    public Totals totals() {
        return current.totals();
    }

    /** The previous period's totals, or null when there is no previous period. */
    public Totals previousTotals() {
        return previousPeriod == null ? null : previous.totals();
    }

    /**
     * Incidents per region or sea area in the period and the previous one, every area of either:
     * most incidents now first, then most before, then by name. Empty without a previous period.
     */
    public List<RegionComparison> comparison() {
        if (previousPeriod == null) {
            return List.of();
        }
        Map<String, RegionComparison> byIso = new HashMap<>();
        current.byRegion.forEach((iso, figures) -> byIso.put(iso,
                new RegionComparison(figures.region, iso, figures.incidents, 0, figures.kind)));
        previous.byRegion.forEach((iso, figures) -> byIso.merge(iso,
                new RegionComparison(figures.region, iso, 0, figures.incidents, figures.kind),
                (now, before) -> new RegionComparison(now.region(), iso, now.current(), before.previous(), now.kind())));
        return byIso.values().stream()
                .sorted(Comparator.comparingLong(RegionComparison::current).reversed()
                        .thenComparing(Comparator.comparingLong(RegionComparison::previous).reversed())
                        .thenComparing(RegionComparison::region))
                .toList();
    }

    /** One row per region or sea area: most incidents first, then by name. */
    public List<TallyRow> byRegion() {
        List<TallyRow> rows = new ArrayList<>();
        current.byRegion.forEach((iso, figures) -> rows.add(figures.row(iso, null, null)));
        return sortByIncidents(rows, Comparator.comparing(TallyRow::region));
    }

    /**
     * One row per district of a region, and one for the region as a whole (district null): most
     * incidents first, then by region and district name. A district's row shows the first of its
     * incidents' names in character order, marked {@value MergedIncident#UNRESOLVED_SUFFIX} when
     * the name was not resolved.
     */
    public List<TallyRow> byDistrict() {
        List<TallyRow> rows = new ArrayList<>();
        current.byDistrict.forEach((iso, districts) -> districts.forEach((key, figures) ->
                rows.add(figures.row(iso, MergedIncident.shownDistrict(figures.district, key), null))));
        return sortByIncidents(rows, Comparator.comparing(TallyRow::region)
                .thenComparing(r -> r.district() == null ? "" : r.district()));
    }

    /** One row for every night of the period, nights without incidents included, in night order. */
    public List<TallyRow> byNight() {
        List<TallyRow> rows = new ArrayList<>();
        for (LocalDate night = period.from(); !night.isAfter(period.to()); night = night.plusDays(1)) {
            Figures figures = current.byNight.get(night);
            rows.add((figures == null ? new Figures() : figures).nightRow(night));
        }
        return rows;
    }

    /** Incidents by region (most first, then by name) and night (every night of the period). */
    public RegionNightMatrix regionNight() {
        List<LocalDate> nights = new ArrayList<>();
        for (LocalDate night = period.from(); !night.isAfter(period.to()); night = night.plusDays(1)) {
            nights.add(night);
        }
        List<Map.Entry<String, long[]>> ordered = new ArrayList<>(current.regionNight.entrySet());
        ordered.sort(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -sum(e.getValue()))
                .thenComparing(e -> current.byRegion.get(e.getKey()).region));
        List<String> regions = ordered.stream().map(e -> current.byRegion.get(e.getKey()).region).toList();
        long[][] counts = ordered.stream().map(e -> e.getValue().clone()).toArray(long[][]::new);
        return new RegionNightMatrix(regions, nights, counts);
    }

    private static List<TallyRow> sortByIncidents(List<TallyRow> rows, Comparator<TallyRow> then) {
        return rows.stream().sorted(Comparator.comparingLong(TallyRow::incidents).reversed().thenComparing(then)).toList();
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long value : values) {
            total += value;
        }
        return total;
    }

    /**
     * The figures of one period, whole and by region; when detailed (the period shown, not the one
     * compared with) also by district, night and region by night.
     */
    private static final class Tally {
        final Period period;
        final boolean detailed;
        final Figures all = new Figures();
        final Map<String, Figures> byRegion = new HashMap<>();
        /** By region, then by district key ({@link DistrictKey#REGION} for the region as a whole). */
        final Map<String, Map<DistrictKey, Figures>> byDistrict = new HashMap<>();
        final Map<LocalDate, Figures> byNight = new HashMap<>();
        /** Incidents per night of the period, by region or sea area. */
        final Map<String, long[]> regionNight = new HashMap<>();
        /** The keys of the districts with incidents, by region. */
        final Map<String, Set<DistrictKey>> districts = new HashMap<>();
        /** The keys of the district names that matched no district, by region. */
        final Map<String, Set<DistrictKey>> unresolved = new HashMap<>();
        final Set<LocalDate> nights = new HashSet<>();
        /**
         * Each source key by a number of this tally's: an incident's sources are looked up once here, and its
         * figures count them as bits, where four sets of names took a twentieth of a big report's sweep.
         */
        final Map<String, Integer> sourceNumbers = new HashMap<>();

        Tally(Period period, boolean detailed) {
            this.period = period;
            this.detailed = detailed;
        }

        void add(MergedIncident incident) {
            List<String> keys = incident.sourceKeys();
            int[] sources = new int[keys.size()];
            for (int i = 0; i < sources.length; i++) {
                sources[i] = sourceNumbers.computeIfAbsent(keys.get(i), k -> sourceNumbers.size());
            }
            all.add(incident, sources);
            // A name that matched no district is not a district affected: it is counted apart.
            if (incident.districtKey().isUnresolved()) {
                unresolved.computeIfAbsent(incident.isoCode(), k -> new HashSet<>()).add(incident.districtKey());
            } else if (!incident.districtKey().isRegion()) {
                districts.computeIfAbsent(incident.isoCode(), k -> new HashSet<>()).add(incident.districtKey());
            }
            nights.add(incident.night());
            byRegion.computeIfAbsent(incident.isoCode(), k -> new Figures()).add(incident, sources);
            if (!detailed) {
                return;
            }
            byDistrict.computeIfAbsent(incident.isoCode(), k -> new HashMap<>())
                    .computeIfAbsent(incident.districtKey(), k -> new Figures()).add(incident, sources);
            byNight.computeIfAbsent(incident.night(), k -> new Figures()).add(incident, sources);
            regionNight.computeIfAbsent(incident.isoCode(), k -> new long[(int) period.nights()])
                    [(int) ChronoUnit.DAYS.between(period.from(), incident.night())]++;
        }

        /** Sea areas are counted apart from the land regions. */
        Totals totals() {
            long seas = byRegion.values().stream().filter(f -> f.kind == AreaKind.SEA).count();
            long districtCount = districts.values().stream().mapToLong(Set::size).sum();
            long unresolvedCount = unresolved.values().stream().mapToLong(Set::size).sum();
            return new Totals(all.incidents, all.uavReported, all.unknownCount, byRegion.size() - seas, districtCount,
                    nights.size(), all.killed, all.injured, all.killedKnown, all.injuredKnown, seas, unresolvedCount);
        }
    }

    /** Counts and sums over a group of incidents. */
    private static final class Figures {
        long incidents;
        long nightTime;
        long daytime;
        final EnumMap<EventType, Long> events = new EnumMap<>(EventType.class);
        long uavReported;
        long unknownCount;
        long killed;
        long injured;
        long killedKnown;
        long injuredKnown;
        /** The sources that reported these incidents, by their numbers in the tally. */
        final BitSet sources = new BitSet();
        /** The region's or sea area's name and kind, as its first incident carried them. */
        String region;
        AreaKind kind;
        /** The first district name of the group in character order, as a district's tally shows it. */
        String district;

        void add(MergedIncident incident, int[] sourceNumbers) {
            incidents++;
            // Without a time of day an incident is neither a night-time nor a daytime one.
            if (incident.localTime() != null) {
                if (incident.nightTime()) {
                    nightTime++;
                } else {
                    daytime++;
                }
            }
            events.merge(EventType.fromCode(incident.eventType()), 1L, Long::sum);
            if (incident.uavCount() == null) {
                unknownCount++;
            } else {
                uavReported += incident.uavCount();
            }
            if (incident.killed() != null) {
                killed += incident.killed();
                killedKnown++;
            }
            if (incident.injured() != null) {
                injured += incident.injured();
                injuredKnown++;
            }
            for (int source : sourceNumbers) {
                sources.set(source);
            }
            if (region == null) {
                region = incident.region();
                kind = incident.kind();
            }
            if (incident.district() != null && (district == null || incident.district().compareTo(district) < 0)) {
                district = incident.district();
            }
        }

        TallyRow row(String iso, String districtName, LocalDate night) {
            return new TallyRow(region, iso, districtName, night, incidents, nightTime, daytime, events, uavReported,
                    unknownCount, killed, injured, sources.cardinality(), killedKnown, injuredKnown, kind);
        }

        TallyRow nightRow(LocalDate night) {
            return new TallyRow(null, null, null, night, incidents, nightTime, daytime, events, uavReported,
                    unknownCount, killed, injured, sources.cardinality(), killedKnown, injuredKnown, null);
        }
    }
}
