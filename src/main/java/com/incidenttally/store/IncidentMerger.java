package com.incidenttally.store;

import com.incidenttally.normalize.FreeText;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilds the merged incidents from the accepted rows, per SPEC "Same incident": rows with one
 * incident_id are one incident; rows without an id and with the same night, region, district and
 * event type are one incident per rank within each source (so two reports from one source stay
 * two incidents); exact duplicate rows count once. Streams the rows in key order and holds only
 * the rows of one key (or one id) at a time.
 */
public class IncidentMerger {

    /** How rows came to be one incident, as Data quality names it. */
    public static final String RULE_ID = "same incident_id";
    public static final String RULE_KEY = "same night, region, district, event type; different sources";
    public static final String RULE_DUPLICATE = "exact duplicate rows";

    private static final int BATCH = 2_000;
    private static final int MAX_ORIGINS = 50;

    // No join with it_file: H2 would then read it_row through an index, a lookup per row. Rows of
    // files not (or no longer) LOADED are left out here, in Java.
    private static final String ROWS = """
            SELECT incident_id, night, night_inferred, local_time, night_time, region_iso, district, district_key,
                   event_type, uav_count, killed, injured, location, damage, measures, source, source_key, source_url,
                   notes, content_hash, line, file_id
            FROM it_row WHERE %s
            """;
    private static final String KEYED_NIGHTS =
            "SELECT night, COUNT(*) FROM it_row WHERE incident_id IS NULL GROUP BY night ORDER BY night";
    private static final String KEYED_ROWS = ROWS.formatted("rid BETWEEN ? AND ? AND incident_id IS NULL");
    private static final String ID_ROWS = ROWS.formatted("incident_id IS NOT NULL") + " ORDER BY incident_id";

    private final JdbcTemplate jdbc;
    private final int rangeRows;

    public IncidentMerger(IncidentStore store) {
        this(store, NightRanges.DEFAULT_ROWS);
    }

    /** A merger that reads keyed rows at most {@code rangeRows} at a time (nights are never split). */
    IncidentMerger(IncidentStore store, int rangeRows) {
        this.jdbc = store.jdbc();
        this.rangeRows = rangeRows;
    }

    /** What the merge did. */
    public record Result(long rows, long incidents, long merges) {
    }

    /**
     * Rebuilds every incident. Rows with an id come in id order from the database. Rows without
     * one are read a range of nights at a time and put in key order here (a database sorts a
     * million wide rows on disk, slowly); each key's handful of rows is ranked and merged here.
     */
    public Result rebuild(boolean mergeAcrossSources) {
        jdbc.update("DELETE FROM it_incident");
        jdbc.update("DELETE FROM it_merge");
        Map<Long, String> loaded = new HashMap<>();
        jdbc.query("SELECT id, path FROM it_file WHERE status = 'LOADED'", rs -> {
            loaded.put(rs.getLong(1), rs.getString(2));
        });
        Sink sink = new Sink(jdbc);
        List<Row> idRows = new ArrayList<>();
        long[] rows = {0};
        jdbc.query(connection -> {
            var ps = connection.prepareStatement(ID_ROWS);
            ps.setFetchSize(1_000);
            return ps;
        }, rs -> {
            Row row = Row.of(rs, loaded);
            if (row == null) {
                return;
            }
            rows[0]++;
            if (!idRows.isEmpty() && !idRows.get(0).sameId(row)) {
                sink.idGroup(List.copyOf(idRows));
                idRows.clear();
            }
            idRows.add(row);
        });
        if (!idRows.isEmpty()) {
            sink.idGroup(idRows);
        }
        for (NightRanges.Range range : NightRanges.of(jdbc, rangeRows, KEYED_NIGHTS)) {
            List<Row> keyed = new ArrayList<>();
            jdbc.query(KEYED_ROWS, rs -> {
                Row row = Row.of(rs, loaded);
                if (row != null) {
                    keyed.add(row);
                }
            }, NightKeys.first(range.from()), NightKeys.last(range.to()));
            keyed.sort(Row.KEY_ORDER);
            rows[0] += keyed.size();
            int start = 0;
            for (int i = 1; i <= keyed.size(); i++) {
                if (i == keyed.size() || !keyed.get(start).sameKey(keyed.get(i))) {
                    sink.keyGroup(keyed.subList(start, i), mergeAcrossSources);
                    start = i;
                }
            }
        }
        sink.flush();
        return new Result(rows[0], sink.incidents, sink.merges);
    }

    private record Row(String incidentId, LocalDate night, boolean nightInferred,
                       LocalDateTime localTime, Boolean nightTime, String regionIso, String district, String districtKey,
                       String eventType, Integer uavCount, Integer killed, Integer injured, String location,
                       String damage, String measures, String source, String sourceKey, String sourceUrl, String notes,
                       String contentHash, String path, long line) {

        /**
         * Key order: night, region, district, event type, each by its characters (so generated
         * ids number a night's incidents alike on every database).
         */
        static final Comparator<Row> KEY_ORDER = Comparator.comparing(Row::night).thenComparing(Row::regionIso)
                .thenComparing(Row::districtKey).thenComparing(Row::eventType);
        /** File order: the order in which the first of several equal rows is the one kept. */
        static final Comparator<Row> FILE_ORDER = Comparator.comparing(Row::path).thenComparingLong(Row::line);
        /** Within one source: reports in time order, those without a time last. */
        static final Comparator<Row> TIME_ORDER = Comparator.comparing(Row::localTime,
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(FILE_ORDER);

        /** The row, or null when its file is not loaded. */
        static Row of(ResultSet rs, Map<Long, String> loadedFiles) throws SQLException {
            String path = loadedFiles.get(rs.getLong("file_id"));
            if (path == null) {
                return null;
            }
            LocalDateTime time = rs.getObject("local_time", LocalDateTime.class);
            boolean nightTimeNull = rs.getObject("night_time") == null;
            return new Row(rs.getString("incident_id"), rs.getObject("night", LocalDate.class),
                    rs.getBoolean("night_inferred"), time,
                    nightTimeNull ? null : rs.getBoolean("night_time"),
                    rs.getString("region_iso"), rs.getString("district"), rs.getString("district_key"),
                    rs.getString("event_type"), integer(rs, "uav_count"), integer(rs, "killed"), integer(rs, "injured"),
                    rs.getString("location"), rs.getString("damage"), rs.getString("measures"),
                    rs.getString("source"), rs.getString("source_key"), rs.getString("source_url"),
                    rs.getString("notes"), rs.getString("content_hash"), path, rs.getLong("line"));
        }

        private static Integer integer(ResultSet rs, String column) throws SQLException {
            int value = rs.getInt(column);
            return rs.wasNull() ? null : value;
        }

        boolean keyed() {
            return incidentId == null;
        }

        String origin() {
            return path + ":" + line;
        }

        boolean sameKey(Row other) {
            return night.equals(other.night) && regionIso.equals(other.regionIso)
                    && districtKey.equals(other.districtKey) && eventType.equals(other.eventType);
        }

        boolean sameId(Row other) {
            return incidentId.equals(other.incidentId);
        }
    }

    /** Writes incidents, their sources and merge notes in JDBC batches. */
    private static final class Sink {
        private final JdbcTemplate jdbc;
        private final List<Object[]> incidentBatch = new ArrayList<>();
        private final List<Object[]> mergeBatch = new ArrayList<>();
        private long incidents;
        private long merges;
        private LocalDate counterNight;
        private String counterRegion;
        private int counter;

        Sink(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        /** Rows with one incident_id: one incident, after exact duplicates are dropped. */
        void idGroup(List<Row> rows) {
            add(distinct(rows), false);
        }

        /**
         * Rows with one night, region, district and event type and no id. Each source's reports
         * are ranked in time order; the n-th report of every source is one incident.
         */
        void keyGroup(List<Row> rows, boolean mergeAcrossSources) {
            List<Row> distinct = distinct(rows);
            if (!mergeAcrossSources) {
                distinct.forEach(row -> add(List.of(row), true));
                return;
            }
            Map<String, List<Row>> bySource = new LinkedHashMap<>();
            for (Row row : distinct) {
                bySource.computeIfAbsent(row.sourceKey(), k -> new ArrayList<>()).add(row);
            }
            int ranks = 0;
            for (List<Row> reports : bySource.values()) {
                reports.sort(Row.TIME_ORDER);
                ranks = Math.max(ranks, reports.size());
            }
            for (int rank = 0; rank < ranks; rank++) {
                List<Row> incident = new ArrayList<>();
                for (List<Row> reports : bySource.values()) {
                    if (rank < reports.size()) {
                        incident.add(reports.get(rank));
                    }
                }
                incident.sort(Row.FILE_ORDER);
                add(incident, true);
            }
        }

        /** The rows in file order with exact duplicates dropped (and noted). */
        private List<Row> distinct(List<Row> rows) {
            List<Row> ordered = new ArrayList<>(rows);
            ordered.sort(Row.FILE_ORDER);
            if (ordered.size() == 1) {
                return ordered;
            }
            Map<String, List<Row>> byContent = new LinkedHashMap<>();
            for (Row row : ordered) {
                byContent.computeIfAbsent(row.contentHash(), k -> new ArrayList<>()).add(row);
            }
            if (byContent.size() == ordered.size()) {
                return ordered;
            }
            List<Row> distinct = new ArrayList<>();
            for (List<Row> same : byContent.values()) {
                distinct.add(same.get(0));
                if (same.size() > 1) {
                    duplicate(same);
                }
            }
            return distinct;
        }

        private void add(List<Row> rows, boolean keyed) {
            Row first = rows.get(0);
            long seq = NightKeys.of(first.night(), ++incidents);
            String id = keyed ? generatedId(first) : first.incidentId();
            LocalDateTime earliest = null;
            Boolean nightTime = null;
            boolean inferred = true;
            Integer uav = null;
            Integer killed = null;
            Integer injured = null;
            Map<String, String> sources = new LinkedHashMap<>();
            Set<String> urls = new LinkedHashSet<>();
            Set<String> locations = new LinkedHashSet<>();
            Set<String> damage = new LinkedHashSet<>();
            Set<String> measures = new LinkedHashSet<>();
            Set<String> notes = new LinkedHashSet<>();
            List<String> origins = new ArrayList<>();
            for (Row row : rows) {
                if (row.localTime() != null && (earliest == null || row.localTime().isBefore(earliest))) {
                    earliest = row.localTime();
                    nightTime = row.nightTime();
                }
                inferred &= row.nightInferred();
                uav = max(uav, row.uavCount());
                killed = max(killed, row.killed());
                injured = max(injured, row.injured());
                sources.putIfAbsent(row.sourceKey(), row.source());
                addIfPresent(urls, row.sourceUrl());
                addIfPresent(locations, row.location());
                addIfPresent(damage, row.damage());
                addIfPresent(measures, row.measures());
                addIfPresent(notes, row.notes());
                origins.add(row.origin());
            }
            String sourceText = String.join("; ", sources.values());
            String originText = originText(origins);
            incidentBatch.add(new Object[] {seq, id, first.night(), inferred, earliest,
                    nightTime, first.regionIso(), first.district(), first.districtKey(), join(locations),
                    first.eventType(), uav, killed, injured, join(damage), join(measures),
                    FreeText.cut(sourceText, FreeText.MAX_LENGTH),
                    FreeText.cut(String.join("\n", sources.keySet()), FreeText.MAX_LENGTH), join(urls), join(notes),
                    originText, rows.size()});
            if (rows.size() > 1) {
                merges++;
                mergeBatch.add(new Object[] {seq, id, first.night(), first.regionIso(), first.district(), first.eventType(),
                        keyed ? RULE_KEY : RULE_ID, rows.size(), FreeText.cut(sourceText, FreeText.MAX_LENGTH),
                        originText, conflicts(rows, keyed)});
            }
            if (incidentBatch.size() >= BATCH) {
                flush();
            }
        }

        private void duplicate(List<Row> same) {
            merges++;
            Row first = same.get(0);
            mergeBatch.add(new Object[] {0L, first.incidentId() == null ? "" : first.incidentId(), first.night(),
                    first.regionIso(), first.district(), first.eventType(), RULE_DUPLICATE, same.size(), first.source(),
                    originText(same.stream().map(Row::origin).toList()), null});
        }

        private String generatedId(Row first) {
            if (!first.night().equals(counterNight) || !first.regionIso().equals(counterRegion)) {
                counterNight = first.night();
                counterRegion = first.regionIso();
                counter = 0;
            }
            counter++;
            String region = first.regionIso().substring(first.regionIso().indexOf('-') + 1);
            return region + "-" + first.night().toString().replace("-", "") + "-" + counter;
        }

        private static String conflicts(List<Row> rows, boolean keyed) {
            List<String> found = new ArrayList<>();
            conflict(found, rows, "uav_count", Row::uavCount);
            conflict(found, rows, "killed", Row::killed);
            conflict(found, rows, "injured", Row::injured);
            if (!keyed) {
                conflict(found, rows, "night", Row::night);
                conflict(found, rows, "region", Row::regionIso);
                conflict(found, rows, "district", Row::district);
                conflict(found, rows, "event_type", Row::eventType);
            }
            return found.isEmpty() ? null : FreeText.cut(String.join("; ", found), FreeText.MAX_LENGTH);
        }

        private static void conflict(List<String> found, List<Row> rows, String field,
                                     java.util.function.Function<Row, Object> value) {
            Map<Object, List<String>> seen = new LinkedHashMap<>();
            for (Row row : rows) {
                Object v = value.apply(row);
                if (v != null) {
                    seen.computeIfAbsent(v, k -> new ArrayList<>()).add(row.origin());
                }
            }
            if (seen.size() > 1) {
                StringBuilder text = new StringBuilder(field).append(": ");
                String separator = "";
                for (Map.Entry<Object, List<String>> entry : seen.entrySet()) {
                    text.append(separator).append(entry.getKey()).append(" (").append(String.join(", ", entry.getValue())).append(')');
                    separator = " vs ";
                }
                found.add(text.toString());
            }
        }

        void flush() {
            if (!incidentBatch.isEmpty()) {
                jdbc.batchUpdate("INSERT INTO it_incident (seq, incident_id, night, night_inferred, local_time, night_time,"
                        + " region_iso, district, district_key, location, event_type, uav_count, killed, injured, damage,"
                        + " measures, sources, source_keys, source_urls, notes, origins, reports)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", incidentBatch);
                incidentBatch.clear();
            }
            if (!mergeBatch.isEmpty()) {
                jdbc.batchUpdate("INSERT INTO it_merge (seq, incident_id, night, region_iso, district, event_type, rule,"
                        + " reports, sources, origins, conflicts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", mergeBatch);
                mergeBatch.clear();
            }
        }

        private static Integer max(Integer a, Integer b) {
            if (a == null) {
                return b;
            }
            return b == null ? a : Math.max(a, b);
        }

        private static void addIfPresent(Set<String> values, String value) {
            if (value != null) {
                values.add(value);
            }
        }

        private static String join(Set<String> values) {
            return values.isEmpty() ? null : FreeText.cut(String.join("; ", values), FreeText.MAX_LENGTH);
        }

        private static String originText(List<String> origins) {
            if (origins.size() <= MAX_ORIGINS) {
                return String.join(", ", origins);
            }
            return String.join(", ", origins.subList(0, MAX_ORIGINS)) + ", … and " + (origins.size() - MAX_ORIGINS) + " more";
        }
    }

}
