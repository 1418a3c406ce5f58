package com.incidenttally.store;

import com.incidenttally.normalize.EventType;
import com.incidenttally.normalize.Incident;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The SPEC "Same incident" rules, on a real (in-memory) store. */
class IncidentMergerTests {

    private static final LocalDate NIGHT = LocalDate.parse("2025-12-07");

    private IncidentStore store;
    private JdbcTemplate jdbc;
    private int line;

    @BeforeEach
    void freshStore() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new ClassPathResource("store/schema.sql")).execute(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        store = new IncidentStore(jdbc);
    }

    private Incident report(String source, String district, EventType type, Integer uavs, String id) {
        line++;
        return new Incident("f.csv", line, id, NIGHT, false, LocalDateTime.parse("2025-12-08T01:00").plusMinutes(line),
                true, "RU-ROS", null, null, 1.0, district, district == null ? "" : "d:" + district.toLowerCase(),
                null, null, 1.0, null, type, uavs, null, null, null, null, source, source.toLowerCase(), null, null,
                "hash-" + line);
    }

    private void load(String file, List<Incident> incidents) {
        long id = store.beginFile(file, "sha-" + file);
        store.insertIncidents(id, incidents);
        store.finishFile(id, "UTF-8", List.of(), Instant.EPOCH);
    }

    private List<Map<String, Object>> incidents() {
        return jdbc.queryForList("SELECT * FROM it_incident ORDER BY seq");
    }

    @Test
    void mergesSameIncidentFromTwoSources() {
        load("a.csv", List.of(report("Governor", "Chertkovsky District", EventType.SHOT_DOWN, null, null)));
        load("b.csv", List.of(report("News", "Chertkovsky District", EventType.SHOT_DOWN, 3, null)));

        IncidentMerger.Result result = new IncidentMerger(store).rebuild(true);

        assertThat(result.incidents()).isEqualTo(1);
        Map<String, Object> incident = incidents().get(0);
        assertThat(incident.get("SOURCES")).isEqualTo("Governor; News");
        assertThat(incident.get("UAV_COUNT")).isEqualTo(3);
        assertThat(incident.get("REPORTS")).isEqualTo(2);
        assertThat(incident.get("ORIGINS")).isEqualTo("a.csv:1, b.csv:2");
        assertThat(jdbc.queryForObject("SELECT rule FROM it_merge", String.class)).isEqualTo(IncidentMerger.RULE_KEY);
    }

    @Test
    void keepsTwoReportsFromOneSourceAsTwoIncidents() {
        load("a.csv", List.of(report("A", "Bokovsky District", EventType.SHOT_DOWN, 1, null),
                report("A", "Bokovsky District", EventType.SHOT_DOWN, 1, null)));
        load("b.csv", List.of(report("B", "Bokovsky District", EventType.SHOT_DOWN, 1, null)));

        assertThat(new IncidentMerger(store).rebuild(true).incidents()).isEqualTo(2);
        assertThat(incidents()).extracting(i -> i.get("REPORTS")).containsExactly(2, 1);
    }

    @Test
    void doesNotMergeDifferentDistrictsOrEventTypes() {
        load("a.csv", List.of(report("A", "Bokovsky District", EventType.SHOT_DOWN, 1, null),
                report("A", "Millerovsky District", EventType.SHOT_DOWN, 1, null)));
        load("b.csv", List.of(report("B", "Bokovsky District", EventType.DEBRIS, 1, null),
                report("B", null, EventType.SHOT_DOWN, 1, null)));

        assertThat(new IncidentMerger(store).rebuild(true).incidents()).isEqualTo(4);
    }

    @Test
    void countsExactDuplicateRowsOnce() {
        Incident row = report("A", "Bokovsky District", EventType.SHOT_DOWN, 1, null);
        Incident copy = new Incident("f.csv", 99, null, row.night(), false, row.localTime(), true, "RU-ROS", null, null, 1.0,
                row.district(), row.districtKey(), null, null, 1.0, null, row.eventType(), 1, null, null, null, null,
                "A", "a", null, null, row.contentHash());
        load("a.csv", List.of(row, copy));

        IncidentMerger.Result result = new IncidentMerger(store).rebuild(true);

        assertThat(result.incidents()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT origins FROM it_merge WHERE rule = ?", String.class,
                IncidentMerger.RULE_DUPLICATE)).isEqualTo("a.csv:1, a.csv:99");
    }

    @Test
    void rowsWithOneIdAreOneIncidentAndConflictsAreListed() {
        load("a.csv", List.of(report("A", "Bokovsky District", EventType.SHOT_DOWN, 2, "INC-1"),
                report("A", "Bokovsky District", EventType.DEBRIS, 5, "INC-1"),
                report("A", "Bokovsky District", EventType.SHOT_DOWN, 2, "INC-2")));

        assertThat(new IncidentMerger(store).rebuild(true).incidents()).isEqualTo(2);
        Map<String, Object> first = incidents().get(0);
        assertThat(first.get("INCIDENT_ID")).isEqualTo("INC-1");
        assertThat(first.get("UAV_COUNT")).isEqualTo(5);
        assertThat(first.get("EVENT_TYPE")).isEqualTo("shot_down");
        assertThat(jdbc.queryForObject("SELECT conflicts FROM it_merge WHERE incident_id = 'INC-1'", String.class))
                .isEqualTo("uav_count: 2 (a.csv:1) vs 5 (a.csv:2); event_type: shot_down (a.csv:1) vs debris (a.csv:2)");
    }

    @Test
    void noMergeKeepsEveryReportButStillCountsDuplicatesOnce() {
        Incident row = report("A", "Bokovsky District", EventType.SHOT_DOWN, 1, null);
        load("a.csv", List.of(row));
        load("b.csv", List.of(report("B", "Bokovsky District", EventType.SHOT_DOWN, 1, null)));

        assertThat(new IncidentMerger(store).rebuild(false).incidents()).isEqualTo(2);
        assertThat(new IncidentMerger(store).rebuild(true).incidents()).isEqualTo(1);
    }

    @Test
    void rowsOfAFileStillLoadingDoNotCount() {
        load("a.csv", List.of(report("A", "Bokovsky District", EventType.SHOT_DOWN, 1, null)));
        long partial = store.beginFile("b.csv", "sha");
        store.insertIncidents(partial, List.of(report("B", "Millerovsky District", EventType.SHOT_DOWN, 1, null)));

        assertThat(new IncidentMerger(store).rebuild(true).incidents()).isEqualTo(1);
    }

    @Test
    void generatedIdsNameRegionNightAndNumber() {
        load("a.csv", List.of(report("A", "Bokovsky District", EventType.SHOT_DOWN, 1, null),
                report("A", "Millerovsky District", EventType.SHOT_DOWN, 1, null)));
        new IncidentMerger(store).rebuild(true);
        assertThat(incidents()).extracting(i -> i.get("INCIDENT_ID")).containsExactly("ROS-20251207-1", "ROS-20251207-2");
    }
}
