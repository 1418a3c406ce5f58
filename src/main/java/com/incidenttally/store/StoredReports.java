package com.incidenttally.store;

import com.incidenttally.tally.ExternalSort;
import com.incidenttally.tally.NightMerge;
import com.incidenttally.tally.WorkFolder;
import com.incidenttally.tally.Report;

import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Reads the accepted reports of loaded files back for the merge, a range of whole nights at a
 * time, in night order, from the row groups whose nights overlap the range (each group lies in one
 * ISO week). Reports with one id whose rows lie on different nights ("spanning" ids, a conflict an
 * analyst should look at, and rare) are read once up front and handed over with the range of the
 * night where their incident lands: the night of their first report in file order.
 */
public final class StoredReports {

    /** The system property that sets how many rows the merge holds before it spills (tests set it small). */
    static final String BUDGET_PROPERTY = "incident-tally.merge.budget-rows";
    /** Rows held before spilling, by default: a few hundred bytes each, about 100 MB, fit under -Xmx1g. */
    static final long BUDGET_ROWS = com.incidenttally.tally.PeriodSweep.BUDGET_ROWS;

    /** Rows handed over at once, at least: a few tens of megabytes of decoded rows. */
    static final int PAGE_ROWS = 50_000;

    private final JdbcTemplate jdbc;
    private final int pageRows;
    /** Loaded files by id: rows of a file still loading, or not loaded, do not count. */
    private final Map<Long, String> loaded = new HashMap<>();
    private final Spanning spanning;
    /** Rows held in memory before the nights read are spilled as sorted runs. */
    private final long budgetRows;
    /** Reports per row group of a night's sorted runs: a share of the budget ({@link SortedRuns#blockRows}). */
    private final int runBlockRows;
    /** Where the work folder of sorted runs goes: the output folder; null: the system's temporary folder. */
    private final Path workParent;

    /** The store's reports as they are now, handed over about {@code pageRows} at a time; reads the spanning ids once. */
    StoredReports(IncidentStore store, int pageRows) {
        this(store, pageRows, budgetRows(), null);
    }

    /**
     * The store's reports, handed over about {@code pageRows} at a time, spilling to a work folder
     * in {@code workParent} when more than {@code budgetRows} rows are held.
     */
    StoredReports(IncidentStore store, int pageRows, long budgetRows, Path workParent) {
        this.jdbc = store.jdbc();
        this.pageRows = pageRows;
        this.budgetRows = budgetRows;
        this.runBlockRows = SortedRuns.blockRows(budgetRows);
        this.workParent = workParent;
        jdbc.query("SELECT id, path FROM it_file WHERE status = 'LOADED'", rs -> {
            loaded.put(rs.getLong(1), rs.getString(2));
        });
        this.spanning = readSpanning();
    }

    /** Reports of one id on several nights, grouped, with the night each group lands on. */
    record Spanning(Map<String, List<Report>> reports, Map<String, LocalDate> landing) {

        /** Per night, the spanning groups with a report on it that land elsewhere: counted once too often. */
        Map<LocalDate, Long> landingElsewhere() {
            Map<LocalDate, Long> extra = new TreeMap<>();
            reports.forEach((id, group) -> group.stream().map(Report::night).distinct()
                    .filter(night -> !night.equals(landing.get(id)))
                    .forEach(night -> extra.merge(night, 1L, Long::sum)));
            return extra;
        }
    }

    /** The budget {@link #BUDGET_PROPERTY} sets, or {@link #BUDGET_ROWS}. */
    static long budgetRows() {
        String value = System.getProperty(BUDGET_PROPERTY);
        if (value == null || value.isBlank()) {
            return BUDGET_ROWS;
        }
        try {
            long rows = Long.parseLong(value.strip());
            if (rows < 1) {
                throw new NumberFormatException();
            }
            return rows;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("system property " + BUDGET_PROPERTY + ": '" + value
                    + "' is not a number of rows of at least 1");
        }
    }

    Spanning spanning() {
        return spanning;
    }

    /** Where a report is: its file as reports show it, and its line. */
    private record Place(String file, long line) {
    }

    private Spanning readSpanning() {
        // Their places and nights, from the narrow table; then the groups that hold them.
        Set<Place> places = new HashSet<>();
        // Per file, the night and line of each: a group is decoded only when one lies in its nights and lines.
        record Row(LocalDate night, long line) {
        }
        Map<Long, Set<Row>> rowsByFile = new HashMap<>();
        // Grouped here, not by SQL: H2's GROUP BY on the long id column took about three times as long
        // as reading the narrow table once (51,695 rows of a 1M-row store, a fresh JVM on a loaded
        // machine: 1.4-1.6 s against 0.5-0.6 s).
        record Seen(long fileId, String sheet, long line, LocalDate night) {
        }
        Map<String, Seen> first = new HashMap<>();
        Map<String, List<Seen>> several = new HashMap<>();
        jdbc.query("SELECT incident_id, file_id, sheet, line, night FROM it_row_id", rs -> {
            String id = rs.getString(1);
            Seen seen = new Seen(rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getObject(5, LocalDate.class));
            Seen earlier = first.putIfAbsent(id, seen);
            if (earlier != null) {
                several.computeIfAbsent(id, k -> new ArrayList<>(List.of(earlier))).add(seen);
            }
        });
        first.clear();
        several.values().forEach(rows -> {
            if (rows.stream().map(Seen::night).distinct().count() < 2) {
                return;
            }
            for (Seen seen : rows) {
                String path = loaded.get(seen.fileId());
                if (path != null) {
                    places.add(new Place(IncidentStore.location(path, seen.sheet()), seen.line()));
                    rowsByFile.computeIfAbsent(seen.fileId(), k -> new HashSet<>()).add(new Row(seen.night(), seen.line()));
                }
            }
        });
        Map<String, List<Report>> reports = new TreeMap<>();
        Map<String, LocalDate> landing = new HashMap<>();
        rowsByFile.forEach((fileId, rows) -> {
            List<Integer> groups = new ArrayList<>();
            jdbc.query("SELECT seq, night_from, night_to, min_line, max_line FROM it_group WHERE file_id = ?", rs -> {
                LocalDate from = rs.getObject(2, LocalDate.class);
                LocalDate to = rs.getObject(3, LocalDate.class);
                long minLine = rs.getLong(4);
                long maxLine = rs.getLong(5);
                if (rows.stream().anyMatch(row -> !row.night().isBefore(from) && !row.night().isAfter(to)
                        && row.line() >= minLine && row.line() <= maxLine)) {
                    groups.add(rs.getInt(1));
                }
            }, fileId);
            String path = loaded.get(fileId);
            for (int seq : groups) {
                byte[] body = jdbc.queryForObject("SELECT body FROM it_group WHERE file_id = ? AND seq = ?",
                        byte[].class, fileId, seq);
                for (Report report : RowGroupCodec.decode(body, sheet -> IncidentStore.location(path, sheet))) {
                    if (report.incidentId() != null && places.contains(new Place(report.file(), report.line()))) {
                        reports.computeIfAbsent(report.incidentId(), k -> new ArrayList<>()).add(report);
                    }
                }
            }
        });
        reports.forEach((id, group) -> {
            group.sort(Report.FILE_ORDER);
            landing.put(id, group.get(0).night());
        });
        return new Spanning(reports, landing);
    }

    /**
     * Calls {@code sink} with the reports of each range of whole nights from {@code from} to
     * {@code to}, in night order; the ranges follow one another and cover the period. Each range
     * comes night by night, each night in {@link NightMerge#MERGE_ORDER} (spanning ids with the
     * night they land on), so that the merge holds one group at a time. The groups are read in the
     * order of their first night: once every group starting on or before a night is read, the
     * nights before the next group's first night are whole, and are handed over when they hold at
     * least {@code pageRows} rows. A night is never split; when the nights read hold more than
     * {@code budgetRows} rows in memory, they are sorted and spilled as runs to a work folder
     * inside {@code workParent}, removed before this returns, also on failure.
     */
    void forEachRange(LocalDate from, LocalDate to, Consumer<Iterator<Report>> sink) {
        try (WorkFolder work = new WorkFolder(workParent)) {
            TreeMap<LocalDate, ExternalSort<Report>> pending = new TreeMap<>();
            try {
                forEachRange(from, to, sink, pending, work);
            } finally {
                pending.values().forEach(ExternalSort::close);
            }
        }
    }

    private void forEachRange(LocalDate from, LocalDate to, Consumer<Iterator<Report>> sink,
                              TreeMap<LocalDate, ExternalSort<Report>> pending, WorkFolder work) {
        TreeSet<LocalDate> starts = new TreeSet<>(jdbc.queryForList("SELECT DISTINCT night_from FROM it_group"
                + " WHERE night_from <= ? AND night_to >= ?", LocalDate.class, to, from));
        LocalDate rangeFrom = from;
        long pendingRows = 0;
        long heldRows = 0;
        for (LocalDate start : starts) {
            // Nights before this group's first are whole now.
            if (pendingRows >= pageRows && start.isAfter(rangeFrom)) {
                LocalDate rangeTo = start.minusDays(1);
                emit(rangeFrom, rangeTo, pending, work, sink);
                pendingRows = 0;
                heldRows = 0;
                for (ExternalSort<Report> night : pending.values()) {
                    pendingRows += night.size();
                    heldRows += night.held();
                }
                rangeFrom = start;
            }
            // One body at a time: the groups starting on one night may hold millions of rows.
            List<long[]> groups = new ArrayList<>();
            jdbc.query("SELECT file_id, seq FROM it_group WHERE night_from = ? AND night_to >= ?"
                    + " ORDER BY file_id, seq", rs -> {
                if (loaded.containsKey(rs.getLong(1))) {
                    groups.add(new long[] {rs.getLong(1), rs.getLong(2)});
                }
            }, start, from);
            for (long[] group : groups) {
                String path = loaded.get(group[0]);
                byte[] body = jdbc.queryForObject("SELECT body FROM it_group WHERE file_id = ? AND seq = ?",
                        byte[].class, group[0], group[1]);
                for (Report report : RowGroupCodec.decode(body, sheet -> IncidentStore.location(path, sheet))) {
                    if (!report.night().isBefore(from) && !report.night().isAfter(to)
                            && (report.keyed() || !spanning.reports().containsKey(report.incidentId()))) {
                        pending.computeIfAbsent(report.night(), k -> SortedRuns.of(work::path, runBlockRows)).add(report);
                        pendingRows++;
                        heldRows++;
                    }
                }
                if (heldRows > budgetRows) {
                    pending.values().forEach(ExternalSort::spill);
                    heldRows = 0;
                }
            }
        }
        emit(rangeFrom, to, pending, work, sink);
    }

    /**
     * Hands over the pending nights from {@code from} to {@code to}, with the spanning ids that
     * land in them, which then leave the pending ones.
     */
    private void emit(LocalDate from, LocalDate to, TreeMap<LocalDate, ExternalSort<Report>> pending, WorkFolder work,
                      Consumer<Iterator<Report>> sink) {
        spanning.landing().forEach((id, night) -> {
            if (!night.isBefore(from) && !night.isAfter(to)) {
                ExternalSort<Report> runs = pending.computeIfAbsent(night, k -> SortedRuns.of(work::path, runBlockRows));
                spanning.reports().get(id).forEach(runs::add);
            }
        });
        var head = pending.headMap(to, true);
        List<ExternalSort<Report>> nights = new ArrayList<>(head.values());
        head.clear();
        try {
            if (!nights.isEmpty()) {
                sink.accept(new Nights(nights));
            }
        } finally {
            nights.forEach(ExternalSort::close);
        }
    }

    /** Nights one after the other, each in merge order. */
    private static final class Nights implements Iterator<Report> {
        private final Iterator<ExternalSort<Report>> nights;
        private Iterator<Report> current = java.util.Collections.emptyIterator();

        Nights(List<ExternalSort<Report>> nights) {
            this.nights = nights.iterator();
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && nights.hasNext()) {
                current = nights.next().sorted();
            }
            return current.hasNext();
        }

        @Override
        public Report next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            return current.next();
        }
    }
}
