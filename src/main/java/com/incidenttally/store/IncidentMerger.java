package com.incidenttally.store;

import com.incidenttally.normalize.FreeText;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

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

    private static final String ROWS = """
            SELECT r.incident_id, r.night, r.night_inferred, r.local_time, r.night_time, r.region_iso, r.district,
                   r.district_key, r.event_type, r.uav_count, r.killed, r.injured, r.location, r.damage, r.measures,
                   r.source, r.source_key, r.source_url, r.notes, r.content_hash, r.line, f.path
            FROM it_row r JOIN it_file f ON f.id = r.file_id
            WHERE f.status = 'LOADED' AND %s
            ORDER BY %s
            """;
    private static final String KEYED_ROWS = ROWS.formatted("r.incident_id IS NULL",
            "r.night, r.region_iso, r.district_key, r.event_type");
    private static final String ID_ROWS = ROWS.formatted("r.incident_id IS NOT NULL", "r.incident_id");

    private final JdbcTemplate jdbc;

    public IncidentMerger(IncidentStore store) {
        this.jdbc = store.jdbc();
    }

    /** What the merge did. */
    public record Result(long rows, long incidents, long merges) {
    }

    /**
     * Rebuilds every incident. The rows come in key order from two plain queries (no window
     * functions: they are slow on H2); each key's handful of rows is ranked and merged here.
     */
    public Result rebuild(boolean mergeAcrossSources) {
        jdbc.update("DELETE FROM it_incident");
        jdbc.update("DELETE FROM it_incident_source");
        jdbc.update("DELETE FROM it_merge");
        Sink sink = new Sink(jdbc);
        long rows = stream(ID_ROWS, Row::sameId, group -> sink.idGroup(group))
                + stream(KEYED_ROWS, Row::sameKey, group -> sink.keyGroup(group, mergeAcrossSources));
        sink.flush();
        return new Result(rows, sink.incidents, sink.merges);
    }

    /** Streams rows and hands over each run of rows that {@code together} says belong together. */
    private long stream(String sql, java.util.function.BiPredicate<Row, Row> together, Consumer<List<Row>> groups) {
        List<Row> group = new ArrayList<>();
        long[] rows = {0};
        jdbc.query(connection -> {
            var ps = connection.prepareStatement(sql);
            ps.setFetchSize(1_000);
            return ps;
        }, rs -> {
            Row row = Row.of(rs);
            rows[0]++;
            if (!group.isEmpty() && !together.test(group.get(0), row)) {
                groups.accept(List.copyOf(group));
                group.clear();
            }
            group.add(row);
        });
        if (!group.isEmpty()) {
            groups.accept(List.copyOf(group));
        }
        return rows[0];
    }

    private record Row(String incidentId, LocalDate night, boolean nightInferred,
                       LocalDateTime localTime, Boolean nightTime, String regionIso, String district, String districtKey,
                       String eventType, Integer uavCount, Integer killed, Integer injured, String location,
                       String damage, String measures, String source, String sourceKey, String sourceUrl, String notes,
                       String contentHash, String path, long line) {

        /** File order: the order in which the first of several equal rows is the one kept. */
        static final Comparator<Row> FILE_ORDER = Comparator.comparing(Row::path).thenComparingLong(Row::line);
        /** Within one source: reports in time order, those without a time last. */
        static final Comparator<Row> TIME_ORDER = Comparator.comparing(Row::localTime,
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(FILE_ORDER);

        static Row of(ResultSet rs) throws SQLException {
            LocalDateTime time = rs.getObject("local_time", LocalDateTime.class);
            boolean nightTimeNull = rs.getObject("night_time") == null;
            return new Row(rs.getString("incident_id"), rs.getObject("night", LocalDate.class),
                    rs.getBoolean("night_inferred"), time,
                    nightTimeNull ? null : rs.getBoolean("night_time"),
                    rs.getString("region_iso"), rs.getString("district"), rs.getString("district_key"),
                    rs.getString("event_type"), integer(rs, "uav_count"), integer(rs, "killed"), integer(rs, "injured"),
                    rs.getString("location"), rs.getString("damage"), rs.getString("measures"),
                    rs.getString("source"), rs.getString("source_key"), rs.getString("source_url"),
                    rs.getString("notes"), rs.getString("content_hash"), rs.getString("path"), rs.getLong("line"));
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
        private final List<Object[]> sourceBatch = new ArrayList<>();
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
            long seq = ++incidents;
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
                    FreeText.cut(sourceText, FreeText.MAX_LENGTH), join(urls), join(notes), originText, rows.size()});
            for (String sourceKey : sources.keySet()) {
                sourceBatch.add(new Object[] {seq, sourceKey});
            }
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
                        + " measures, sources, source_urls, notes, origins, reports)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", incidentBatch);
                incidentBatch.clear();
            }
            if (!sourceBatch.isEmpty()) {
                jdbc.batchUpdate("INSERT INTO it_incident_source (seq, source_key) VALUES (?, ?)", sourceBatch);
                sourceBatch.clear();
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
