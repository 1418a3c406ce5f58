package com.incidenttally.store;

import com.incidenttally.store.StoredReports.Seen;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The incident ids whose reports lie on several nights, kept in it_spanning, so that a report reads
 * the it_row_id rows of those ids only (through an index on the id), not the whole table. The
 * table holds every id whose rows lie on two nights or more (in any file, loaded or not), and may
 * hold a few more (a run stopped between its inserts and deletes): what is read is checked again.
 * <p>
 * An id's rows change only when rows are inserted or deleted, and ingest lists the nights of both
 * in it_touched, which stays until the night index has counted them again, after this has run. So
 * the ids that may span now are those of the table and those with a row on a touched night; their
 * rows are read by id and the table is brought up to date. A store without the state
 * {@value #STATE} (new, or written by an earlier layout) has the table made from all of it_row_id,
 * once; so does a store where very many nights changed.
 */
final class SpanningIds {

    /** The state that says it_spanning holds every spanning id of the store. */
    static final String STATE = "spanning.ids";
    private static final String LAYOUT = "1";
    /** More touched nights than this: reading the whole table is cheaper than looking up each night's ids. */
    private static final int NIGHTS_LOOKED_UP = 62;
    /** More ids than this to read by id: reading the whole table is cheaper. */
    private static final int IDS_LOOKED_UP = 20_000;
    /** Ids per look-up statement. */
    private static final int BATCH = 200;

    private final IncidentStore store;
    private final JdbcTemplate jdbc;

    SpanningIds(IncidentStore store) {
        this.store = store;
        this.jdbc = store.jdbc();
    }

    /**
     * Creates the index that finds an id's rows, when missing: on PostgreSQL a hash index, since a
     * b-tree index refuses values of more than about 2,700 bytes and an id may be longer.
     */
    static void createIndex(JdbcTemplate jdbc, boolean postgres) {
        jdbc.execute("CREATE INDEX IF NOT EXISTS it_row_id_incident ON it_row_id"
                + (postgres ? " USING hash (incident_id)" : " (incident_id)"));
    }

    /**
     * Every it_row_id row of each id whose rows lie on two nights or more, by id, after bringing
     * it_spanning up to date.
     */
    Map<String, List<Seen>> rows() {
        if (!LAYOUT.equals(store.state(STATE).orElse(null))) {
            return rebuild();
        }
        List<LocalDate> touched = jdbc.queryForList("SELECT DISTINCT night FROM it_touched", LocalDate.class);
        if (touched.size() > NIGHTS_LOOKED_UP) {
            return rebuild();
        }
        Set<String> kept = new HashSet<>(jdbc.queryForList("SELECT incident_id FROM it_spanning", String.class));
        Set<String> ids = new HashSet<>(kept);
        for (LocalDate night : touched) {
            ids.addAll(jdbc.queryForList("SELECT incident_id FROM it_row_id WHERE night = ?", String.class, night));
        }
        if (ids.size() > IDS_LOOKED_UP) {
            return rebuild();
        }
        Map<String, List<Seen>> spanning = spanning(rowsOf(ids));
        if (!touched.isEmpty() || !kept.equals(spanning.keySet())) {
            // New ones first: a run stopped in between leaves a few more ids, never fewer.
            insert(spanning.keySet().stream().filter(id -> !kept.contains(id)).toList());
            for (String id : kept) {
                if (!spanning.containsKey(id)) {
                    jdbc.update("DELETE FROM it_spanning WHERE incident_id = ?", id);
                }
            }
        }
        return spanning;
    }

    /** it_spanning made again from the whole of it_row_id. */
    private Map<String, List<Seen>> rebuild() {
        Map<String, List<Seen>> rows = new HashMap<>();
        // Grouped here, not by SQL: H2's GROUP BY on the long id column took about three times as long
        // as reading the narrow table once.
        jdbc.query("SELECT incident_id, file_id, sheet, line, night FROM it_row_id", rs -> {
            rows.computeIfAbsent(rs.getString(1), k -> new ArrayList<>(1)).add(seen(rs));
        });
        Map<String, List<Seen>> spanning = spanning(rows);
        jdbc.update("DELETE FROM it_spanning");
        insert(spanning.keySet());
        store.setState(STATE, LAYOUT);
        return spanning;
    }

    private void insert(java.util.Collection<String> ids) {
        if (!ids.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO it_spanning (incident_id) VALUES (?)",
                    ids.stream().map(id -> new Object[] {id}).toList());
        }
    }

    /** The rows of {@code ids}, by id, read through the index on the id. */
    private Map<String, List<Seen>> rowsOf(Set<String> ids) {
        Map<String, List<Seen>> rows = new HashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += BATCH) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            jdbc.query("SELECT incident_id, file_id, sheet, line, night FROM it_row_id WHERE incident_id IN ("
                    + String.join(", ", Collections.nCopies(batch.size(), "?")) + ")", rs -> {
                rows.computeIfAbsent(rs.getString(1), k -> new ArrayList<>(2)).add(seen(rs));
            }, batch.toArray());
        }
        return rows;
    }

    private static Seen seen(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Seen(rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getObject(5, LocalDate.class));
    }

    /** The ids among {@code rows} whose rows lie on two nights or more. */
    private static Map<String, List<Seen>> spanning(Map<String, List<Seen>> rows) {
        Map<String, List<Seen>> spanning = new HashMap<>();
        rows.forEach((id, group) -> {
            if (group.size() > 1 && group.stream().map(Seen::night).distinct().count() > 1) {
                spanning.put(id, group);
            }
        });
        return spanning;
    }
}
