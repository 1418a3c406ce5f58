package com.incidenttally.store;

import com.incidenttally.normalize.FreeText;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilds the merged incidents from the accepted rows, per SPEC "Same incident": rows with one
 * incident_id are one incident; rows without an id and with the same night, region, district and
 * event type are one incident per rank within each source (so two reports from one source stay
 * two incidents); exact duplicate rows count once. Streams the rows in key order and holds one
 * incident at a time.
 */
public class IncidentMerger {

    /** How rows came to be one incident, as Data quality names it. */
    public static final String RULE_ID = "same incident_id";
    public static final String RULE_KEY = "same night, region, district, event type; different sources";
    public static final String RULE_DUPLICATE = "exact duplicate rows";

    private static final int BATCH = 2_000;
    private static final int MAX_ORIGINS = 50;

    private static final String RANKED_ROWS = """
            SELECT k.* FROM (
              SELECT d.*, CASE WHEN d.incident_id IS NULL THEN 1 ELSE 0 END AS keyed,
                     ROW_NUMBER() OVER (PARTITION BY d.night, d.region_iso, d.district_key, d.event_type, d.source_key,
                                        CASE WHEN d.incident_id IS NULL THEN 1 ELSE 0 END
                                        ORDER BY CASE WHEN d.local_time IS NULL THEN 1 ELSE 0 END, d.local_time,
                                                 d.path, d.line) AS rnk
              FROM (SELECT r.*, f.path,
                           ROW_NUMBER() OVER (PARTITION BY r.content_hash ORDER BY f.path, r.line) AS dup
                    FROM it_row r JOIN it_file f ON f.id = r.file_id
                    WHERE f.status = 'LOADED') d
              WHERE d.dup = 1) k
            ORDER BY k.keyed, k.incident_id,
                     CASE WHEN k.keyed = 0 THEN k.path ELSE '' END, CASE WHEN k.keyed = 0 THEN k.line ELSE 0 END,
                     k.night, k.region_iso, k.district_key, k.event_type, k.rnk, k.path, k.line
            """;

    private static final String DUPLICATES = """
            SELECT r.content_hash, f.path, r.line, r.incident_id, r.night, r.region_iso, r.district, r.event_type, r.source
            FROM it_row r JOIN it_file f ON f.id = r.file_id
            WHERE f.status = 'LOADED' AND r.content_hash IN (
                SELECT r2.content_hash FROM it_row r2 JOIN it_file f2 ON f2.id = r2.file_id
                WHERE f2.status = 'LOADED' GROUP BY r2.content_hash HAVING COUNT(*) > 1)
            ORDER BY r.content_hash, f.path, r.line
            """;

    private final JdbcTemplate jdbc;

    public IncidentMerger(IncidentStore store) {
        this.jdbc = store.jdbc();
    }

    /** What the merge did. */
    public record Result(long rows, long incidents, long merges) {
    }

    public Result rebuild(boolean mergeAcrossSources) {
        jdbc.update("DELETE FROM it_incident");
        jdbc.update("DELETE FROM it_incident_source");
        jdbc.update("DELETE FROM it_merge");
        Sink sink = new Sink(jdbc);
        Group[] current = {null};
        long[] rows = {0};
        jdbc.query(connection -> {
            var ps = connection.prepareStatement(RANKED_ROWS);
            ps.setFetchSize(1_000);
            return ps;
        }, rs -> {
            Row row = Row.of(rs);
            rows[0]++;
            Group group = current[0];
            if (group == null || !group.accepts(row, mergeAcrossSources)) {
                if (group != null) {
                    sink.add(group);
                }
                current[0] = new Group(row);
            } else {
                group.add(row);
            }
        });
        if (current[0] != null) {
            sink.add(current[0]);
        }
        long duplicates = recordDuplicates(sink);
        sink.flush();
        return new Result(rows[0] + duplicates, sink.incidents, sink.merges);
    }

    private long recordDuplicates(Sink sink) {
        long[] duplicates = {0};
        String[] hash = {null};
        List<String> origins = new ArrayList<>();
        Object[][] first = {null};
        jdbc.query(DUPLICATES, rs -> {
            String rowHash = rs.getString("content_hash");
            if (!rowHash.equals(hash[0])) {
                if (first[0] != null) {
                    sink.duplicate(first[0], origins);
                }
                hash[0] = rowHash;
                origins.clear();
                first[0] = new Object[] {rs.getString("incident_id"), rs.getObject("night", LocalDate.class),
                        rs.getString("region_iso"), rs.getString("district"), rs.getString("event_type"),
                        rs.getString("source")};
            } else {
                duplicates[0]++;
            }
            origins.add(rs.getString("path") + ":" + rs.getLong("line"));
        });
        if (first[0] != null) {
            sink.duplicate(first[0], origins);
        }
        return duplicates[0];
    }

    private record Row(String incidentId, boolean keyed, LocalDate night, boolean nightInferred,
                       LocalDateTime localTime, Boolean nightTime, String regionIso, String district, String districtKey,
                       String eventType, long rank, Integer uavCount, Integer killed, Integer injured, String location,
                       String damage, String measures, String source, String sourceKey, String sourceUrl, String notes,
                       String origin) {

        static Row of(ResultSet rs) throws SQLException {
            Timestamp time = rs.getTimestamp("local_time");
            boolean nightTimeNull = rs.getObject("night_time") == null;
            return new Row(rs.getString("incident_id"), rs.getInt("keyed") == 1,
                    rs.getObject("night", LocalDate.class), rs.getBoolean("night_inferred"),
                    time == null ? null : time.toLocalDateTime(),
                    nightTimeNull ? null : rs.getBoolean("night_time"),
                    rs.getString("region_iso"), rs.getString("district"), rs.getString("district_key"),
                    rs.getString("event_type"), rs.getLong("rnk"),
                    integer(rs, "uav_count"), integer(rs, "killed"), integer(rs, "injured"),
                    rs.getString("location"), rs.getString("damage"), rs.getString("measures"),
                    rs.getString("source"), rs.getString("source_key"), rs.getString("source_url"),
                    rs.getString("notes"), rs.getString("path") + ":" + rs.getLong("line"));
        }

        private static Integer integer(ResultSet rs, String column) throws SQLException {
            int value = rs.getInt(column);
            return rs.wasNull() ? null : value;
        }

        boolean sameKey(Row other) {
            return night.equals(other.night) && regionIso.equals(other.regionIso)
                    && districtKey.equals(other.districtKey) && eventType.equals(other.eventType);
        }
    }

    /** The rows of one incident, in file order. */
    private static final class Group {
        private final List<Row> rows = new ArrayList<>();

        Group(Row first) {
            rows.add(first);
        }

        Row first() {
            return rows.get(0);
        }

        boolean accepts(Row row, boolean mergeAcrossSources) {
            Row first = first();
            if (first.keyed() != row.keyed()) {
                return false;
            }
            if (!first.keyed()) {
                return first.incidentId().equals(row.incidentId());
            }
            return mergeAcrossSources && first.sameKey(row) && first.rank() == row.rank();
        }

        void add(Row row) {
            rows.add(row);
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

        void add(Group group) {
            Row first = group.first();
            long seq = ++incidents;
            String id = first.keyed() ? generatedId(first) : first.incidentId();
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
            for (Row row : group.rows) {
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
            incidentBatch.add(new Object[] {seq, id, first.night(), inferred, earliest == null ? null : Timestamp.valueOf(earliest),
                    nightTime, first.regionIso(), first.district(), first.districtKey(), join(locations),
                    first.eventType(), uav, killed, injured, join(damage), join(measures),
                    FreeText.cut(sourceText, FreeText.MAX_LENGTH), join(urls), join(notes), originText, group.rows.size()});
            for (String sourceKey : sources.keySet()) {
                sourceBatch.add(new Object[] {seq, sourceKey});
            }
            if (group.rows.size() > 1) {
                merges++;
                mergeBatch.add(new Object[] {seq, id, first.night(), first.regionIso(), first.district(), first.eventType(),
                        first.keyed() ? RULE_KEY : RULE_ID, group.rows.size(), FreeText.cut(sourceText, FreeText.MAX_LENGTH),
                        originText, conflicts(group)});
            }
            if (incidentBatch.size() >= BATCH) {
                flush();
            }
        }

        void duplicate(Object[] first, List<String> origins) {
            merges++;
            mergeBatch.add(new Object[] {0L, first[0] == null ? "" : first[0], first[1], first[2], first[3], first[4],
                    RULE_DUPLICATE, origins.size(), first[5], originText(origins), null});
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

        private static String conflicts(Group group) {
            List<String> found = new ArrayList<>();
            conflict(found, group, "uav_count", Row::uavCount);
            conflict(found, group, "killed", Row::killed);
            conflict(found, group, "injured", Row::injured);
            if (!group.first().keyed()) {
                conflict(found, group, "night", Row::night);
                conflict(found, group, "region", Row::regionIso);
                conflict(found, group, "district", Row::district);
                conflict(found, group, "event_type", Row::eventType);
            }
            return found.isEmpty() ? null : FreeText.cut(String.join("; ", found), FreeText.MAX_LENGTH);
        }

        private static void conflict(List<String> found, Group group, String field,
                                     java.util.function.Function<Row, Object> value) {
            Map<Object, List<String>> seen = new LinkedHashMap<>();
            for (Row row : group.rows) {
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
