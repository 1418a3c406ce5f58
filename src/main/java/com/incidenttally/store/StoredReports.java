package com.incidenttally.store;

import com.incidenttally.tally.Report;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Reads the accepted reports of loaded files back for the merge, a range of whole nights at a
 * time, in key order, which is night order (the merge sorts a range by its own keys: a database
 * sorts a million wide rows on disk, slowly). Reports with one id whose rows lie on different nights
 * ("spanning" ids, a conflict an analyst should look at, and rare) are read once up front and
 * handed over with the range of the night where their incident lands: the night of their first
 * report in file order.
 */
public final class StoredReports {

    private static final String COLUMNS = """
            incident_id, night, night_inferred, local_time, night_time, region_iso, district, district_key,
            event_type, uav_count, killed, injured, location, damage, measures, source, source_key, source_url,
            notes, content_hash, sheet, line, file_id
            """;

    /** Rows read at once: a few tens of megabytes of wide rows. */
    static final int PAGE_ROWS = 50_000;

    private final JdbcClient client;
    private final int pageRows;
    /** Loaded files by id: rows of a file still loading, or not loaded, do not count. */
    private final Map<Long, String> loaded = new HashMap<>();
    private final RowMapper<Report> mapper;
    private final RowMapper<Keyed> keyed;
    private final Spanning spanning;

    /** The store's reports as they are now, read {@code pageRows} at a time; reads the spanning ids once. */
    StoredReports(IncidentStore store, int pageRows) {
        this.client = JdbcClient.create(store.jdbc());
        this.pageRows = pageRows;
        client.sql("SELECT id, path FROM it_file WHERE status = 'LOADED'")
                .query(rs -> {
                    loaded.put(rs.getLong("id"), rs.getString("path"));
                });
        this.mapper = this::report;
        this.keyed = (rs, n) -> new Keyed(rs.getLong("rid"), report(rs, n));
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

    private Spanning readSpanning() {
        // The keys of their rows, from the narrow table: it_row has no index on incident_id.
        List<Long> keys = client.sql("SELECT rid FROM it_row_id WHERE incident_id IN (SELECT incident_id FROM it_row_id"
                + " GROUP BY incident_id HAVING MIN(night) <> MAX(night))").query(Long.class).list();
        Map<String, List<Report>> reports = new TreeMap<>();
        Map<String, LocalDate> landing = new HashMap<>();
        for (int start = 0; start < keys.size(); start += 1_000) {
            List<Long> some = keys.subList(start, Math.min(keys.size(), start + 1_000));
            for (Report report : reports("rid IN (:keys)", Map.of("keys", some))) {
                reports.computeIfAbsent(report.incidentId(), k -> new ArrayList<>()).add(report);
            }
        }
        reports.forEach((id, group) -> {
            group.sort(Report.FILE_ORDER);
            landing.put(id, group.get(0).night());
        });
        return new Spanning(reports, landing);
    }

    /**
     * Calls {@code sink} with the reports of each range of whole nights from {@code from} to
     * {@code to}, in night order: pages of about {@code pageRows} rows read in key order (rows are
     * kept in night order, so nothing is sorted and nothing counted first), cut after the last
     * whole night of the page. A night is never split: one night with more rows than a page is
     * read whole.
     */
    void forEachRange(LocalDate from, LocalDate to, Consumer<List<Report>> sink) {
        long after = NightKeys.first(from) - 1;
        long last = NightKeys.last(to);
        LocalDate rangeFrom = from;
        List<Report> pending = new ArrayList<>();
        while (true) {
            List<Keyed> page = client.sql("SELECT rid, " + COLUMNS + " FROM it_row WHERE rid > :after AND rid <= :last"
                            + " ORDER BY rid FETCH FIRST :rows ROWS ONLY")
                    .param("after", after).param("last", last).param("rows", pageRows)
                    .query(keyed).list();
            for (Keyed row : page) {
                if (row.report() != null && (row.report().keyed() || !spanning.reports().containsKey(row.report().incidentId()))) {
                    pending.add(row.report());
                }
            }
            if (page.size() < pageRows) {
                emit(rangeFrom, to, pending, sink);
                return;
            }
            after = page.get(page.size() - 1).rid();
            // The page may end inside a night: that night waits for the next page.
            LocalDate open = NightKeys.night(after);
            if (open.isAfter(rangeFrom)) {
                List<Report> whole = new ArrayList<>();
                List<Report> rest = new ArrayList<>();
                for (Report report : pending) {
                    (report.night().isBefore(open) ? whole : rest).add(report);
                }
                emit(rangeFrom, open.minusDays(1), whole, sink);
                pending = rest;
                rangeFrom = open;
            }
        }
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

    /** A row's key, and its report, or null when its file is not loaded. */
    private record Keyed(long rid, Report report) {
    }

    private List<Report> reports(String where, Map<String, ?> params) {
        List<Report> reports = new ArrayList<>();
        client.sql("SELECT " + COLUMNS + " FROM it_row WHERE " + where).params(params).query(mapper).list()
                .forEach(report -> {
                    if (report != null) {
                        reports.add(report);
                    }
                });
        return reports;
    }

    /** The report, or null when its file is not loaded. */
    private Report report(ResultSet rs, int rowNum) throws SQLException {
        String path = loaded.get(rs.getLong("file_id"));
        if (path == null) {
            return null;
        }
        return new Report(rs.getString("incident_id"), rs.getObject("night", LocalDate.class),
                rs.getBoolean("night_inferred"), rs.getObject("local_time", LocalDateTime.class),
                rs.getObject("night_time") == null ? null : rs.getBoolean("night_time"),
                rs.getString("region_iso"), rs.getString("district"), rs.getString("district_key"),
                rs.getString("event_type"), integer(rs, "uav_count"), integer(rs, "killed"), integer(rs, "injured"),
                rs.getString("location"), rs.getString("damage"), rs.getString("measures"), rs.getString("source"),
                rs.getString("source_key"), rs.getString("source_url"), rs.getString("notes"),
                rs.getString("content_hash"), IncidentStore.location(path, rs.getString("sheet")), rs.getLong("line"));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
