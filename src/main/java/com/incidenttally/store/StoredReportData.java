package com.incidenttally.store;

import com.incidenttally.places.AreaKind;
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
import com.incidenttally.tally.Tallies;
import com.incidenttally.tally.TallyRow;
import com.incidenttally.tally.UnresolvedName;
import com.incidenttally.tally.Totals;
import com.incidenttally.tally.Warning;
import com.incidenttally.tally.WeekCount;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/** The report's view of the store for one period. Group lists are read once; big views stream. */
public class StoredReportData implements ReportData {

    private final JdbcTemplate jdbc;
    private final int rangeRows;
    /** A region or sea area by its code, as the gazetteer knows it. */
    private final Function<String, Optional<Region>> areas;
    private final Map<String, Optional<Region>> areaByIso = new ConcurrentHashMap<>();
    /** What unresolved names might mean; null: no candidates. */
    private final Gazetteer gazetteer;
    private final Period period;
    private final Instant generatedAt;
    private final RunInfo runInfo;
    private final Period previous;
    /** Each group list is read once, however many writers ask for it. */
    private final Map<String, Object> memo = new HashMap<>();

    public StoredReportData(IncidentStore store, Gazetteer gazetteer, Period period, Instant generatedAt,
                            RunInfo runInfo) {
        this(store, gazetteer, period, generatedAt, runInfo, NightRanges.DEFAULT_ROWS);
    }

    /** A view that reads incidents and merge notes at most {@code rangeRows} at a time. */
    StoredReportData(IncidentStore store, Gazetteer gazetteer, Period period, Instant generatedAt,
                     RunInfo runInfo, int rangeRows) {
        this(store, gazetteer, gazetteer::regionByIso, period, generatedAt, runInfo, rangeRows);
    }

    /** A view that knows regions and sea areas through {@code areas} (a sea the bundled data lacks, in tests). */
    StoredReportData(IncidentStore store, Gazetteer gazetteer, Function<String, Optional<Region>> areas, Period period,
                     Instant generatedAt, RunInfo runInfo, int rangeRows) {
        this.rangeRows = rangeRows;
        this.jdbc = store.jdbc();
        this.gazetteer = gazetteer;
        this.areas = areas;
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
        Long before = jdbc.queryForObject("SELECT COUNT(*) FROM it_incident WHERE seq < ?", Long.class,
                NightKeys.first(period.from()));
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
        return tallies().totals();
    }

    @Override
    public Period previousPeriod() {
        return previous;
    }

    @Override
    public Totals previousTotals() {
        return tallies().previousTotals();
    }

    @Override
    public List<RegionComparison> comparison() {
        return tallies().comparison();
    }

    @Override
    public List<TallyRow> byRegion() {
        return tallies().byRegion();
    }

    @Override
    public List<TallyRow> byDistrict() {
        return tallies().byDistrict();
    }

    @Override
    public List<TallyRow> byNight() {
        return tallies().byNight();
    }

    @Override
    public RegionNightMatrix regionNight() {
        return tallies().regionNight();
    }

    @Override
    public List<WeekCount> weeklyTrend() {
        return tallies().weeklyTrend();
    }

    private Tallies tallies() {
        return memoized("tallies", this::computeTallies);
    }

    /**
     * Every tally in one sweep over the incidents from the first night any of them needs (the
     * previous period, the trend's first week) to the period's last night, in key order, reading
     * only the columns the tallies count: the free text stays in the store.
     */
    private Tallies computeTallies() {
        Tallies tallies = new Tallies(period, previous);
        jdbc.query(connection -> {
            var ps = connection.prepareStatement("SELECT night, local_time, night_time, night_inferred, region_iso,"
                    + " district, district_key, event_type, uav_count, killed, injured, source_keys, reports"
                    + " FROM it_incident WHERE seq BETWEEN ? AND ?");
            ps.setLong(1, NightKeys.first(tallies.firstNight()));
            ps.setLong(2, NightKeys.last(period.to()));
            ps.setFetchSize(1_000);
            return ps;
        }, rs -> {
            String iso = rs.getString(5);
            tallies.add(new MergedIncident(null, rs.getObject(1, LocalDate.class),
                    rs.getObject(2, LocalDateTime.class), rs.getBoolean(3), rs.getBoolean(4), regionName(iso), iso,
                    rs.getString(6), rs.getString(7), null, rs.getString(8), integer(rs, 9), integer(rs, 10),
                    integer(rs, 11), null, null, null, sourceKeys(rs.getString(12)), null, null, null, rs.getInt(13),
                    kind(iso)));
        });
        return tallies;
    }

    /** The distinct sources of an incident, as the store keeps them: one key a line. */
    private static List<String> sourceKeys(String column) {
        return List.of(column.split("\n"));
    }

    /** An incident with the columns it is listed by. */
    private record Listed(String regionIso, String districtKey, long seq, MergedIncident incident) {
        /** Night, region, district, time of day (unknown last), then the order of merging. */
        static final Comparator<Listed> ORDER = Comparator.<Listed, LocalDate>comparing(l -> l.incident().night())
                .thenComparing(Listed::regionIso).thenComparing(Listed::districtKey)
                .thenComparing(l -> l.incident().localTime(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingLong(Listed::seq);
    }

    @Override
    public void incidents(Consumer<MergedIncident> sink) {
        inNightOrder("it_incident", true, (rs, n) -> {
            LocalDateTime time = rs.getObject("local_time", LocalDateTime.class);
            String districtKey = rs.getString("district_key");
            return new Listed(rs.getString("region_iso"), districtKey, rs.getLong("seq"),
                    new MergedIncident(rs.getString("incident_id"), rs.getObject("night", LocalDate.class),
                            time, rs.getBoolean("night_time"),
                            rs.getBoolean("night_inferred"), regionName(rs.getString("region_iso")),
                            rs.getString("region_iso"), rs.getString("district"), districtKey, rs.getString("location"),
                            rs.getString("event_type"), integer(rs, "uav_count"), integer(rs, "killed"),
                            integer(rs, "injured"), rs.getString("damage"), rs.getString("measures"),
                            rs.getString("sources"), sourceKeys(rs.getString("source_keys")),
                            rs.getString("source_urls"), rs.getString("notes"), rs.getString("origins"),
                            rs.getInt("reports"), kind(rs.getString("region_iso"))));
        }, Listed.ORDER, listed -> sink.accept(listed.incident()));
    }

    /**
     * The period's rows of a table with a night column, in the given order: read a range of
     * nights at a time and sorted here, because the database would sort the whole period on disk.
     * A table keyed by {@link NightKeys} in {@code seq} is read by key range, in one sweep.
     */
    private <T> void inNightOrder(String table, boolean nightKeyed, RowMapper<T> mapper, Comparator<T> order,
                                  Consumer<T> sink) {
        String where = nightKeyed ? " WHERE seq BETWEEN ? AND ?" : " WHERE night BETWEEN ? AND ?";
        for (NightRanges.Range range : NightRanges.of(jdbc, rangeRows, "SELECT night, COUNT(*) FROM " + table + where
                + " GROUP BY night ORDER BY night", bounds(nightKeyed, period.from(), period.to()))) {
            List<T> rows = jdbc.query("SELECT * FROM " + table + where, mapper,
                    bounds(nightKeyed, range.from(), range.to()));
            rows.sort(order);
            rows.forEach(sink);
        }
    }

    private static Object[] bounds(boolean nightKeyed, LocalDate from, LocalDate to) {
        return nightKeyed ? new Object[] {NightKeys.first(from), NightKeys.last(to)} : new Object[] {from, to};
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    @Override
    public void rejections(Consumer<Rejection> sink) {
        rejections(jdbc, sink);
    }

    /** Every rejected row in the store, by file and line, without building a report's view. */
    public static void rejections(IncidentStore store, Consumer<Rejection> sink) {
        rejections(store.jdbc(), sink);
    }

    private static void rejections(JdbcTemplate jdbc, Consumer<Rejection> sink) {
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
        jdbc.query("SELECT val, reason FROM it_rejection WHERE col = 'region' AND val IS NOT NULL", rs -> {
            String input = rs.getString(1).strip();
            if (!input.isEmpty()) {
                regionRows.computeIfAbsent(input, k -> new long[1])[0]++;
                regionReasons.merge(input, rs.getString(2), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        });
        regionRows.forEach((input, rows) -> names.add(new UnresolvedName(KIND_REGION, input, null, rows[0],
                regionReasons.get(input), gazetteer == null ? List.of() : gazetteer.regionCandidates(input, CANDIDATES)
                .stream().map(c -> new UnresolvedName.Candidate(c.place().name(), c.score())).toList())));
        jdbc.query("SELECT r.region_iso, r.district_input, COUNT(*) FROM it_row r JOIN it_file f ON f.id = r.file_id"
                + " WHERE f.status = 'LOADED' AND r.district_method = 'unresolved'"
                + " GROUP BY r.region_iso, r.district_input", rs -> {
            String iso = rs.getString(1);
            String input = rs.getString(2);
            Region region = area(iso).orElse(null);
            names.add(new UnresolvedName(KIND_DISTRICT, input, regionName(iso), rs.getLong(3),
                    "unresolved district: kept under its region as " + input + MergedIncident.UNRESOLVED_SUFFIX,
                    gazetteer == null ? List.of() : gazetteer.districtCandidates(region, input, CANDIDATES).stream()
                            .map(c -> new UnresolvedName.Candidate(c.place().name(), c.score())).toList()));
        });
        names.sort(Comparator.comparingLong(UnresolvedName::rows).reversed().thenComparing(UnresolvedName::kind)
                .thenComparing(n -> n.region() == null ? "" : n.region()).thenComparing(UnresolvedName::input));
        return names;
    }

    /** A merge note with the columns it is listed by. */
    private record Noted(String regionIso, long seq, String incidentId, MergeNote note) {
        /** Night, region, then the order of merging. */
        static final Comparator<Noted> ORDER = Comparator.<Noted, LocalDate>comparing(n -> n.note().night())
                .thenComparing(Noted::regionIso).thenComparingLong(Noted::seq).thenComparing(Noted::incidentId);
    }

    @Override
    public void merges(Consumer<MergeNote> sink) {
        inNightOrder("it_merge", false, (rs, n) -> new Noted(rs.getString("region_iso"), rs.getLong("seq"),
                rs.getString("incident_id"), new MergeNote(rs.getString("incident_id"),
                rs.getObject("night", LocalDate.class), regionName(rs.getString("region_iso")), rs.getString("district"),
                rs.getString("event_type"), rs.getString("rule"), rs.getInt("reports"), rs.getString("sources"),
                rs.getString("origins"), rs.getString("conflicts"))), Noted.ORDER, noted -> sink.accept(noted.note()));
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

    /** Looked up once per code: the sweeps ask for every incident. */
    private Optional<Region> area(String iso) {
        return areaByIso.computeIfAbsent(iso, areas);
    }
}
