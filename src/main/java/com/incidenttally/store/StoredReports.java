package com.incidenttally.store;

import com.incidenttally.tally.Report;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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

    /** Rows handed over at once, at least: a few tens of megabytes of decoded rows. */
    static final int PAGE_ROWS = 50_000;

    private final JdbcTemplate jdbc;
    private final int pageRows;
    /** Loaded files by id: rows of a file still loading, or not loaded, do not count. */
    private final Map<Long, String> loaded = new HashMap<>();
    private final Spanning spanning;

    /** The store's reports as they are now, handed over about {@code pageRows} at a time; reads the spanning ids once. */
    StoredReports(IncidentStore store, int pageRows) {
        this.jdbc = store.jdbc();
        this.pageRows = pageRows;
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

    Spanning spanning() {
        return spanning;
    }

    /** Where a report is: its file as reports show it, and its line. */
    private record Place(String file, long line) {
    }

    private Spanning readSpanning() {
        // Their places and nights, from the narrow table; then the groups that hold them.
        Set<Place> places = new HashSet<>();
        Map<Long, Set<LocalDate>> nightsByFile = new HashMap<>();
        jdbc.query("SELECT file_id, sheet, line, night FROM it_row_id WHERE incident_id IN (SELECT incident_id"
                + " FROM it_row_id GROUP BY incident_id HAVING MIN(night) <> MAX(night))", rs -> {
            String path = loaded.get(rs.getLong(1));
            if (path != null) {
                places.add(new Place(IncidentStore.location(path, rs.getString(2)), rs.getLong(3)));
                nightsByFile.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getObject(4, LocalDate.class));
            }
        });
        Map<String, List<Report>> reports = new TreeMap<>();
        Map<String, LocalDate> landing = new HashMap<>();
        nightsByFile.forEach((fileId, nights) -> {
            List<Integer> groups = new ArrayList<>();
            jdbc.query("SELECT seq, night_from, night_to FROM it_group WHERE file_id = ?", rs -> {
                LocalDate from = rs.getObject(2, LocalDate.class);
                LocalDate to = rs.getObject(3, LocalDate.class);
                if (nights.stream().anyMatch(night -> !night.isBefore(from) && !night.isAfter(to))) {
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
     * {@code to}, in night order; the ranges follow one another and cover the period. The groups
     * are read in the order of their first night: once every group starting on or before a night
     * is read, the nights before the next group's first night are whole, and are handed over when
     * they hold at least {@code pageRows} rows. A night is never split.
     */
    void forEachRange(LocalDate from, LocalDate to, Consumer<List<Report>> sink) {
        TreeSet<LocalDate> starts = new TreeSet<>(jdbc.queryForList("SELECT DISTINCT night_from FROM it_group"
                + " WHERE night_from <= ? AND night_to >= ?", LocalDate.class, to, from));
        TreeMap<LocalDate, List<Report>> pending = new TreeMap<>();
        LocalDate rangeFrom = from;
        int pendingRows = 0;
        for (LocalDate start : starts) {
            // Nights before this group's first are whole now.
            if (pendingRows >= pageRows && start.isAfter(rangeFrom)) {
                LocalDate rangeTo = start.minusDays(1);
                emit(rangeFrom, rangeTo, take(pending, rangeTo), sink);
                pendingRows = pending.values().stream().mapToInt(List::size).sum();
                rangeFrom = start;
            }
            List<byte[]> bodies = new ArrayList<>();
            List<Long> files = new ArrayList<>();
            jdbc.query("SELECT file_id, body FROM it_group WHERE night_from = ? AND night_to >= ?"
                    + " ORDER BY file_id, seq", rs -> {
                if (loaded.containsKey(rs.getLong(1))) {
                    files.add(rs.getLong(1));
                    bodies.add(rs.getBytes(2));
                }
            }, start, from);
            for (int i = 0; i < bodies.size(); i++) {
                String path = loaded.get(files.get(i));
                for (Report report : RowGroupCodec.decode(bodies.get(i), sheet -> IncidentStore.location(path, sheet))) {
                    if (!report.night().isBefore(from) && !report.night().isAfter(to)
                            && (report.keyed() || !spanning.reports().containsKey(report.incidentId()))) {
                        pending.computeIfAbsent(report.night(), k -> new ArrayList<>()).add(report);
                        pendingRows++;
                    }
                }
                bodies.set(i, null);
            }
        }
        emit(rangeFrom, to, take(pending, to), sink);
    }

    /** The pending reports of nights up to {@code last}, which leave the pending ones. */
    private static List<Report> take(TreeMap<LocalDate, List<Report>> pending, LocalDate last) {
        List<Report> taken = new ArrayList<>();
        var head = pending.headMap(last, true);
        head.values().forEach(taken::addAll);
        head.clear();
        return taken;
    }

    /** A range's reports, with the spanning ids that land in it. */
    private void emit(LocalDate from, LocalDate to, List<Report> reports, Consumer<List<Report>> sink) {
        spanning.landing().forEach((id, night) -> {
            if (!night.isBefore(from) && !night.isAfter(to)) {
                reports.addAll(spanning.reports().get(id));
            }
        });
        if (!reports.isEmpty()) {
            sink.accept(reports);
        }
    }
}
