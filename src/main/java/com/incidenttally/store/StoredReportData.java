package com.incidenttally.store;

import com.incidenttally.normalize.NightCalendar;
import com.incidenttally.places.Gazetteer;
import com.incidenttally.places.Region;
import com.incidenttally.tally.InputFileInfo;
import com.incidenttally.tally.MergeNote;
import com.incidenttally.tally.MergedIncident;
import com.incidenttally.tally.Period;
import com.incidenttally.tally.RegionComparison;
import com.incidenttally.tally.RegionNightMatrix;
import com.incidenttally.tally.Rejection;
import com.incidenttally.tally.ReportData;
import com.incidenttally.tally.Resolution;
import com.incidenttally.tally.RunInfo;
import com.incidenttally.tally.TallyRow;
import com.incidenttally.tally.Totals;
import com.incidenttally.tally.Warning;
import com.incidenttally.tally.WeekCount;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** The report's view of the store for one period. Group lists are read once; big views stream. */
public class StoredReportData implements ReportData {

    static final String UNRESOLVED_SUFFIX = " (unresolved)";

    private static final String FIGURES = """
            COUNT(*) AS incidents,
            SUM(CASE WHEN i.night_time = TRUE THEN 1 ELSE 0 END) AS night_time,
            SUM(CASE WHEN i.night_time = FALSE THEN 1 ELSE 0 END) AS daytime,
            SUM(CASE WHEN i.event_type = 'shot_down' THEN 1 ELSE 0 END) AS shot_down,
            SUM(CASE WHEN i.event_type = 'debris' THEN 1 ELSE 0 END) AS debris,
            SUM(CASE WHEN i.event_type = 'impact' THEN 1 ELSE 0 END) AS impact,
            SUM(CASE WHEN i.event_type = 'attack' THEN 1 ELSE 0 END) AS attack,
            COALESCE(SUM(i.uav_count), 0) AS uav_reported,
            SUM(CASE WHEN i.uav_count IS NULL THEN 1 ELSE 0 END) AS unknown_count,
            COALESCE(SUM(i.killed), 0) AS killed,
            COALESCE(SUM(i.injured), 0) AS injured
            """;

    private final JdbcTemplate jdbc;
    private final Gazetteer gazetteer;
    private final Period period;
    private final Instant generatedAt;
    private final RunInfo runInfo;
    private final Period previous;
    /** Each group list is read once, however many writers ask for it. */
    private final Map<String, Object> memo = new HashMap<>();

    public StoredReportData(IncidentStore store, Gazetteer gazetteer, Period period, Instant generatedAt,
                            RunInfo runInfo) {
        this.jdbc = store.jdbc();
        this.gazetteer = gazetteer;
        this.period = period;
        this.generatedAt = generatedAt;
        this.runInfo = runInfo;
        this.previous = findPrevious();
    }

    @SuppressWarnings("unchecked")
    private <T> T memoized(String key, java.util.function.Supplier<T> query) {
        if (!memo.containsKey(key)) {
            memo.put(key, query.get());
        }
        return (T) memo.get(key);
    }

    /** The nights the store holds, or null when it holds none. */
    public static Period allNights(IncidentStore store) {
        return store.jdbc().query("SELECT MIN(night), MAX(night) FROM it_incident", rs -> {
            rs.next();
            LocalDate from = rs.getObject(1, LocalDate.class);
            LocalDate to = rs.getObject(2, LocalDate.class);
            return from == null ? null : new Period("all", from, to);
        });
    }

    private Period findPrevious() {
        if ("all".equals(period.label())) {
            return null;
        }
        Long before = jdbc.queryForObject("SELECT COUNT(*) FROM it_incident WHERE night < ?", Long.class, period.from());
        return before != null && before > 0 ? period.previous() : null;
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
        return memoized("totals", this::computeTotals);
    }

    private Totals computeTotals() {
        return totals(period);
    }

    private Totals totals(Period p) {
        return jdbc.query("""
                SELECT COUNT(*), COALESCE(SUM(uav_count), 0), SUM(CASE WHEN uav_count IS NULL THEN 1 ELSE 0 END),
                       COUNT(DISTINCT region_iso),
                       COUNT(DISTINCT CASE WHEN district_key <> '' THEN region_iso || '|' || district_key END),
                       COUNT(DISTINCT night), COALESCE(SUM(killed), 0), COALESCE(SUM(injured), 0)
                FROM it_incident WHERE night BETWEEN ? AND ?
                """, rs -> {
            rs.next();
            return new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                    rs.getLong(7), rs.getLong(8));
        }, p.from(), p.to());
    }

    @Override
    public Period previousPeriod() {
        return previous;
    }

    @Override
    public Totals previousTotals() {
        return memoized("previousTotals", this::computePreviousTotals);
    }

    private Totals computePreviousTotals() {
        return previous == null ? null : totals(previous);
    }

    @Override
    public List<RegionComparison> comparison() {
        return memoized("comparison", this::computeComparison);
    }

    private List<RegionComparison> computeComparison() {
        if (previous == null) {
            return List.of();
        }
        Map<String, long[]> counts = new LinkedHashMap<>();
        jdbc.query("""
                SELECT region_iso, SUM(CASE WHEN night >= ? THEN 1 ELSE 0 END), SUM(CASE WHEN night < ? THEN 1 ELSE 0 END)
                FROM it_incident WHERE night BETWEEN ? AND ? GROUP BY region_iso
                """, rs -> {
            counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
        }, period.from(), period.from(), previous.from(), period.to());
        return counts.entrySet().stream()
                .map(e -> new RegionComparison(regionName(e.getKey()), e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingLong(RegionComparison::current).reversed()
                        .thenComparing(Comparator.comparingLong(RegionComparison::previous).reversed())
                        .thenComparing(RegionComparison::region))
                .toList();
    }

    @Override
    public List<TallyRow> byRegion() {
        return memoized("byRegion", this::computeByRegion);
    }

    private List<TallyRow> computeByRegion() {
        Map<String, Long> sources = sources("i.region_iso");
        List<TallyRow> rows = jdbc.query("SELECT i.region_iso, " + FIGURES + " FROM it_incident i"
                        + " WHERE i.night BETWEEN ? AND ? GROUP BY i.region_iso",
                (rs, n) -> row(rs, regionName(rs.getString(1)), rs.getString(1), null, null,
                        sources.getOrDefault(rs.getString(1), 0L)), period.from(), period.to());
        return sortByIncidents(rows, Comparator.comparing(TallyRow::region));
    }

    @Override
    public List<TallyRow> byDistrict() {
        return memoized("byDistrict", this::computeByDistrict);
    }

    private List<TallyRow> computeByDistrict() {
        Map<String, Long> sources = sources("i.region_iso, i.district_key");
        List<TallyRow> rows = jdbc.query("SELECT i.region_iso, i.district_key, MIN(i.district), " + FIGURES
                        + " FROM it_incident i WHERE i.night BETWEEN ? AND ? GROUP BY i.region_iso, i.district_key",
                (rs, n) -> {
                    String key = rs.getString(2);
                    String district = rs.getString(3);
                    if (district != null && key.startsWith("?:")) {
                        district = district + UNRESOLVED_SUFFIX;
                    }
                    return row(rs, regionName(rs.getString(1)), rs.getString(1), district, null,
                            sources.getOrDefault(rs.getString(1) + "|" + key, 0L));
                }, period.from(), period.to());
        return sortByIncidents(rows, Comparator.comparing(TallyRow::region)
                .thenComparing(r -> r.district() == null ? "" : r.district()));
    }

    @Override
    public List<TallyRow> byNight() {
        return memoized("byNight", this::computeByNight);
    }

    private List<TallyRow> computeByNight() {
        Map<String, Long> sources = sources("i.night");
        Map<LocalDate, TallyRow> found = new HashMap<>();
        jdbc.query("SELECT i.night, " + FIGURES + " FROM it_incident i WHERE i.night BETWEEN ? AND ? GROUP BY i.night",
                rs -> {
                    LocalDate night = rs.getObject(1, LocalDate.class);
                    found.put(night, row(rs, null, null, null, night, sources.getOrDefault(night.toString(), 0L)));
                }, period.from(), period.to());
        List<TallyRow> rows = new ArrayList<>();
        for (LocalDate night = period.from(); !night.isAfter(period.to()); night = night.plusDays(1)) {
            rows.add(found.getOrDefault(night,
                    new TallyRow(null, null, null, night, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
        }
        return rows;
    }

    /**
     * Distinct sources per group, keyed by the group's columns joined with '|'. Grouping on plain
     * columns, not an expression, keeps this fast on H2.
     */
    private Map<String, Long> sources(String groupColumns) {
        Map<String, Long> sources = new HashMap<>();
        int columns = groupColumns.split(",").length;
        jdbc.query("SELECT " + groupColumns + ", COUNT(DISTINCT s.source_key) FROM it_incident i"
                        + " JOIN it_incident_source s ON s.seq = i.seq WHERE i.night BETWEEN ? AND ? GROUP BY "
                        + groupColumns,
                rs -> {
                    StringBuilder key = new StringBuilder(rs.getString(1));
                    for (int c = 2; c <= columns; c++) {
                        key.append('|').append(rs.getString(c));
                    }
                    sources.put(key.toString(), rs.getLong(columns + 1));
                }, period.from(), period.to());
        return sources;
    }

    private static TallyRow row(ResultSet rs, String region, String iso, String district, LocalDate night, long sources)
            throws SQLException {
        return new TallyRow(region, iso, district, night, rs.getLong("incidents"), rs.getLong("night_time"),
                rs.getLong("daytime"), rs.getLong("shot_down"), rs.getLong("debris"), rs.getLong("impact"),
                rs.getLong("attack"), rs.getLong("uav_reported"), rs.getLong("unknown_count"), rs.getLong("killed"),
                rs.getLong("injured"), sources);
    }

    private static List<TallyRow> sortByIncidents(List<TallyRow> rows, Comparator<TallyRow> then) {
        return rows.stream().sorted(Comparator.comparingLong(TallyRow::incidents).reversed().thenComparing(then)).toList();
    }

    @Override
    public RegionNightMatrix regionNight() {
        return memoized("regionNight", this::computeRegionNight);
    }

    private RegionNightMatrix computeRegionNight() {
        List<LocalDate> nights = new ArrayList<>();
        for (LocalDate night = period.from(); !night.isAfter(period.to()); night = night.plusDays(1)) {
            nights.add(night);
        }
        Map<String, long[]> byRegion = new HashMap<>();
        jdbc.query("SELECT region_iso, night, COUNT(*) FROM it_incident WHERE night BETWEEN ? AND ?"
                + " GROUP BY region_iso, night", rs -> {
            long[] counts = byRegion.computeIfAbsent(rs.getString(1), k -> new long[nights.size()]);
            counts[(int) ChronoUnit.DAYS.between(period.from(), rs.getObject(2, LocalDate.class))] = rs.getLong(3);
        }, period.from(), period.to());
        List<Map.Entry<String, long[]>> ordered = new ArrayList<>(byRegion.entrySet());
        ordered.sort(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -sum(e.getValue()))
                .thenComparing(e -> regionName(e.getKey())));
        List<String> regions = ordered.stream().map(e -> regionName(e.getKey())).toList();
        long[][] counts = ordered.stream().map(Map.Entry::getValue).toArray(long[][]::new);
        return new RegionNightMatrix(regions, nights, counts);
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long value : values) {
            total += value;
        }
        return total;
    }

    @Override
    public List<WeekCount> weeklyTrend() {
        return memoized("weeklyTrend", this::computeWeeklyTrend);
    }

    private List<WeekCount> computeWeeklyTrend() {
        TreeMap<LocalDate, Long> weeks = new TreeMap<>();
        jdbc.query("SELECT night, COUNT(*) FROM it_incident WHERE night <= ? GROUP BY night", rs -> {
            LocalDate monday = rs.getObject(1, LocalDate.class).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            weeks.merge(monday, rs.getLong(2), Long::sum);
        }, period.to());
        if (weeks.isEmpty()) {
            return List.of();
        }
        LocalDate last = period.to().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate first = weeks.firstKey().isAfter(last.minusWeeks(11)) ? weeks.firstKey() : last.minusWeeks(11);
        List<WeekCount> trend = new ArrayList<>();
        for (LocalDate monday = first; !monday.isAfter(last); monday = monday.plusWeeks(1)) {
            trend.add(new WeekCount(NightCalendar.isoWeek(monday), monday, weeks.getOrDefault(monday, 0L)));
        }
        return trend;
    }

    @Override
    public void incidents(Consumer<MergedIncident> sink) {
        jdbc.query(connection -> {
            var ps = connection.prepareStatement("SELECT * FROM it_incident WHERE night BETWEEN ? AND ?"
                    + " ORDER BY night, region_iso, district_key, CASE WHEN local_time IS NULL THEN 1 ELSE 0 END,"
                    + " local_time, seq");
            ps.setObject(1, period.from());
            ps.setObject(2, period.to());
            ps.setFetchSize(1_000);
            return ps;
        }, rs -> {
            LocalDateTime time = rs.getObject("local_time", LocalDateTime.class);
            String district = rs.getString("district");
            if (district != null && rs.getString("district_key").startsWith("?:")) {
                district = district + UNRESOLVED_SUFFIX;
            }
            sink.accept(new MergedIncident(rs.getString("incident_id"), rs.getObject("night", LocalDate.class),
                    time, rs.getBoolean("night_time"),
                    rs.getBoolean("night_inferred"), regionName(rs.getString("region_iso")), rs.getString("region_iso"),
                    district, rs.getString("location"), rs.getString("event_type"), integer(rs, "uav_count"),
                    integer(rs, "killed"), integer(rs, "injured"), rs.getString("damage"), rs.getString("measures"),
                    rs.getString("sources"), rs.getString("source_urls"), rs.getString("notes"), rs.getString("origins"),
                    rs.getInt("reports")));
        });
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    @Override
    public void rejections(Consumer<Rejection> sink) {
        jdbc.query(connection -> {
            var ps = connection.prepareStatement("SELECT f.path, r.line, r.col, r.val, r.reason, r.raw FROM it_rejection r"
                    + " JOIN it_file f ON f.id = r.file_id ORDER BY f.path, r.line");
            ps.setFetchSize(1_000);
            return ps;
        }, rs -> {
            sink.accept(new Rejection(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6)));
        });
    }

    @Override
    public List<Resolution> resolutions() {
        return memoized("resolutions", this::computeResolutions);
    }

    private List<Resolution> computeResolutions() {
        List<Resolution> resolutions = new ArrayList<>();
        jdbc.query("""
                SELECT r.region_iso, r.region_input, r.region_method, MIN(r.region_score), COUNT(*)
                FROM it_row r JOIN it_file f ON f.id = r.file_id
                WHERE f.status = 'LOADED' AND r.region_input IS NOT NULL
                GROUP BY r.region_iso, r.region_input, r.region_method
                """, rs -> {
            String name = regionName(rs.getString(1));
            resolutions.add(new Resolution("region", name, rs.getString(2), name, rs.getString(3), rs.getDouble(4),
                    rs.getLong(5)));
        });
        jdbc.query("""
                SELECT r.region_iso, r.district_input, MIN(r.district), r.district_method, MIN(r.district_score), COUNT(*)
                FROM it_row r JOIN it_file f ON f.id = r.file_id
                WHERE f.status = 'LOADED' AND r.district_input IS NOT NULL
                GROUP BY r.region_iso, r.district_input, r.district_method
                """, rs -> {
            boolean unresolved = "unresolved".equals(rs.getString(4));
            resolutions.add(new Resolution("district", regionName(rs.getString(1)), rs.getString(2),
                    unresolved ? null : rs.getString(3), rs.getString(4), rs.getDouble(5), rs.getLong(6)));
        });
        resolutions.sort(Comparator.comparing(Resolution::kind).reversed().thenComparing(Resolution::region)
                .thenComparing(Resolution::input));
        return resolutions;
    }

    @Override
    public void merges(Consumer<MergeNote> sink) {
        jdbc.query("SELECT * FROM it_merge WHERE night BETWEEN ? AND ? ORDER BY night, region_iso, seq, incident_id",
                rs -> {
                    sink.accept(new MergeNote(rs.getString("incident_id"), rs.getObject("night", LocalDate.class),
                            regionName(rs.getString("region_iso")), rs.getString("district"), rs.getString("event_type"),
                            rs.getString("rule"), rs.getInt("reports"), rs.getString("sources"), rs.getString("origins"),
                            rs.getString("conflicts")));
                }, period.from(), period.to());
    }

    @Override
    public List<Warning> warnings() {
        return memoized("warnings", this::computeWarnings);
    }

    private List<Warning> computeWarnings() {
        return jdbc.query("SELECT f.path, w.message FROM it_warning w JOIN it_file f ON f.id = w.file_id"
                + " ORDER BY f.path, w.seq", (rs, n) -> new Warning(rs.getString(1), rs.getString(2)));
    }

    @Override
    public RunInfo runInfo() {
        return runInfo;
    }

    /** Every input file the store holds, as Run info lists them. */
    public static List<InputFileInfo> inputFiles(IncidentStore store, Map<String, String> statusThisRun) {
        return store.files().stream().map(f -> new InputFileInfo(f.path(), f.sha256(), f.encoding(), null,
                f.rowsRead(), f.rowsAccepted(), f.rowsRejected(),
                statusThisRun.getOrDefault(f.path(), "unchanged") + (f.message() == null ? "" : ": " + f.message())))
                .toList();
    }

    private String regionName(String iso) {
        return gazetteer.regionByIso(iso).map(Region::name).orElse(iso);
    }
}
