package com.incidenttally.store;

import com.incidenttally.incident.Reason;
import com.incidenttally.incident.Rejection;
import com.incidenttally.places.MatchMethod;
import com.incidenttally.tally.Period;
import com.incidenttally.tally.RejectionScope;
import com.incidenttally.tally.Report;
import com.incidenttally.tally.ReportSource;

import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The store as a {@link ReportSource}: row groups decoded into reports, the night index, and the
 * small tables, read by SQL. It moves rows and keys only; the report is made of them elsewhere.
 */
public final class StoreReportSource implements ReportSource {

    private final IncidentStore store;
    private final JdbcTemplate jdbc;
    private final int pageRows;
    private final long budgetRows;
    private final Path workParent;
    private final NightIndex index;
    /** The store's reports, and its spanning ids, read once for this source. */
    private StoredReports reports;

    /**
     * The reports of {@code store}, read about {@link StoredReports#PAGE_ROWS} at a time; a big night's
     * sorted runs go to a work folder in {@code workParent} (the output folder; null: the system's
     * temporary folder).
     */
    public StoreReportSource(IncidentStore store, Path workParent) {
        this(store, StoredReports.PAGE_ROWS, workParent);
    }

    /** As above, reading reports about {@code pageRows} at a time (nights are never split). */
    StoreReportSource(IncidentStore store, int pageRows, Path workParent) {
        this.store = store;
        this.jdbc = store.jdbc();
        this.pageRows = pageRows;
        this.budgetRows = StoredReports.budgetRows();
        this.workParent = workParent;
        this.index = new NightIndex(store);
    }

    /** Rows the merge holds in memory before it spills: the store's reading budget, for the sweep's sorts too. */
    public long budgetRows() {
        return budgetRows;
    }

    private StoredReports reports() {
        if (reports == null) {
            reports = new StoredReports(store, pageRows, budgetRows, workParent);
        }
        return reports;
    }

    @Override
    public Period storedNights() {
        return jdbc.query("SELECT MIN(g.night_from), MAX(g.night_to) FROM it_group g JOIN it_file f"
                + " ON f.id = g.file_id WHERE f.status = 'LOADED'", rs -> {
            rs.next();
            LocalDate first = rs.getObject(1, LocalDate.class);
            LocalDate last = rs.getObject(2, LocalDate.class);
            return first == null || last == null ? null : new Period("all", first, last);
        });
    }

    @Override
    public boolean holdsBefore(LocalDate night) {
        Long before = jdbc.queryForObject("SELECT COUNT(*) FROM it_group g JOIN it_file f ON f.id = g.file_id"
                + " WHERE f.status = 'LOADED' AND g.night_from < ?", Long.class, night);
        return before != null && before > 0;
    }

    @Override
    public void forEachRange(LocalDate from, LocalDate to, Consumer<Iterator<Report>> sink) {
        reports().forEachRange(from, to, sink);
    }

    @Override
    public Map<LocalDate, Long> spanningElsewhere() {
        return reports().spanning().landingElsewhere();
    }

    @Override
    public void useMergeMode(boolean acrossSources) {
        index.useMode(acrossSources);
    }

    @Override
    public List<LocalDate> touchedNights() {
        return index.touched();
    }

    @Override
    public void putNight(LocalDate night, NightCounts counts) {
        index.put(night, counts);
    }

    @Override
    public Map<LocalDate, NightCounts> nightCounts() {
        return index.all();
    }

    /**
     * What {@link RejectionScope#shows} shows, picked in SQL: the rest is left in the store. File by file
     * in path order, sorted here rather than by the database's collation (which differs between stores and
     * locales); each file's rows in line order.
     */
    @Override
    public void rejections(RejectionScope scope, Consumer<Rejection> sink) {
        Period period = scope.period();
        // Each (file, sheet) once, ordered here by path and sheet; then its rows in line order.
        record Part(long fileId, String path, String sheet) {
        }
        boolean all = period == null;
        String shown = "(r.night IS NULL OR r.night BETWEEN ? AND ?)";
        Object[] range = all ? new Object[0]
                : new Object[] {java.sql.Date.valueOf(period.from()), java.sql.Date.valueOf(period.to())};
        List<Part> parts = new ArrayList<>();
        jdbc.query("SELECT DISTINCT f.id, f.path, r.sheet FROM it_rejection r JOIN it_file f ON f.id = r.file_id"
                        + (all ? "" : " WHERE " + shown), rs -> {
                    parts.add(new Part(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }, range);
        parts.sort(Comparator.comparing(Part::path).thenComparing(Part::sheet));
        for (Part part : parts) {
            String location = IncidentStore.location(part.path(), part.sheet());
            jdbc.query(connection -> {
                var ps = connection.prepareStatement("SELECT r.line, r.col, r.val, r.kind, r.params, r.raw, r.night,"
                        + " r.source FROM it_rejection r WHERE r.file_id = ? AND r.sheet = ?"
                        + (all ? "" : " AND " + shown) + " ORDER BY r.line");
                ps.setLong(1, part.fileId());
                ps.setString(2, part.sheet());
                for (int i = 0; i < range.length; i++) {
                    ps.setDate(3 + i, (java.sql.Date) range[i]);
                }
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

    /** Counted by SQL: a report of a week reads none of the other periods' rows. */
    @Override
    public long rejectionsOutside(RejectionScope scope) {
        Period period = scope.period();
        if (period == null) {
            return 0;
        }
        Long outside = jdbc.queryForObject("SELECT COUNT(*) FROM it_rejection r JOIN it_file f ON f.id = r.file_id"
                + " WHERE r.night < ? OR r.night > ?", Long.class, java.sql.Date.valueOf(period.from()),
                java.sql.Date.valueOf(period.to()));
        return outside == null ? 0 : outside;
    }

    /** Ids of the loaded files: only their rows count. */
    private java.util.Set<Long> loadedFiles() {
        return new java.util.HashSet<>(jdbc.queryForList("SELECT id FROM it_file WHERE status = 'LOADED'", Long.class));
    }

    /**
     * The blocks whose nights overlap the period, each decoded and its counts of the period's nights
     * summed here, over the loaded files only.
     */
    @Override
    public List<ResolutionRow> resolutions(LocalDate from, LocalDate to) {
        java.util.Set<Long> loaded = loadedFiles();
        record Key(String kind, String regionIso, String input, MatchMethod method) {
        }
        // Summed by the rule ingest counts a chunk's names by (ResolutionBlock.Entry.plus), nights aside.
        Map<Key, ResolutionBlock.Entry> sums = new LinkedHashMap<>();
        jdbc.query("SELECT file_id, body FROM it_resolution WHERE night_from <= ? AND night_to >= ?", rs -> {
            if (loaded.contains(rs.getLong(1))) {
                ResolutionBlock.decode(rs.getBytes(2), from, to, entry -> sums.merge(
                        new Key(entry.kind(), entry.regionIso(), entry.input(), entry.method()), entry,
                        (sum, more) -> sum.plus(more.canonical(), more.score(), more.rows())));
            }
        }, java.sql.Date.valueOf(to), java.sql.Date.valueOf(from));
        return sums.values().stream().map(e -> new ResolutionRow(e.kind(), e.regionIso(), e.input(), e.method(),
                e.canonical(), e.score(), e.rows())).toList();
    }

    @Override
    public List<RejectedRegion> rejectedRegions() {
        return jdbc.query("SELECT val, kind, params, night FROM it_rejection WHERE col = 'region' AND val IS NOT NULL",
                (rs, n) -> {
                    java.sql.Date night = rs.getDate(4);
                    return new RejectedRegion(rs.getString(1), Reason.decode(rs.getString(2), rs.getString(3)),
                            night == null ? null : night.toLocalDate());
                });
    }

    @Override
    public List<FileWarning> warnings() {
        return jdbc.query("SELECT f.path, w.message, w.seq FROM it_warning w JOIN it_file f ON f.id = w.file_id",
                (rs, n) -> new FileWarning(rs.getString(1), rs.getString(2), rs.getInt(3)));
    }

    @Override
    public List<StoredInput> inputFiles() {
        return store.files().stream().map(f -> new StoredInput(f.path(), f.sha256(), f.status(), f.encoding(),
                f.delimiter(), f.rowsRead(), f.rowsAccepted(), f.rowsRejected(), f.message())).toList();
    }
}
