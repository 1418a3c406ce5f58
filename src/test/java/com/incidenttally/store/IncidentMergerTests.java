package com.incidenttally.store;

import com.incidenttally.normalize.Incident;
import com.incidenttally.places.Gazetteer;
import com.incidenttally.tally.EventType;
import com.incidenttally.tally.MergeNote;
import com.incidenttally.tally.MergedIncident;
import com.incidenttally.tally.Period;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

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
        jdbc = new JdbcTemplate(dataSource);
        store = IncidentStore.open(jdbc);
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

    @Test
    void readingTheNightsInSmallRangesMergesExactlyAsInOne() {
        List<String> districts = List.of("Bokovsky District", "Millerovsky District", "Chertkovsky District");
        List<Incident> governor = new ArrayList<>();
        List<Incident> news = new ArrayList<>();
        for (int night = 0; night < 6; night++) {
            for (int n = 0; n < night % 3 + 1; n++) {
                String district = districts.get((night + n) % districts.size());
                governor.add(shifted(report("Governor", district, EventType.SHOT_DOWN, n + 1, null), night));
                news.add(shifted(report("News", district, EventType.SHOT_DOWN, n + 2, null), night));
            }
            news.add(shifted(report("News", districts.get(night % 3), EventType.DEBRIS, null, null), night));
        }
        news.add(shifted(news.get(0), 0, 999));
        load("a.csv", governor);
        load("b.csv", news);

        new IncidentMerger(store).rebuild(true);
        List<Map<String, Object>> inOneRange = incidents();
        String merges = jdbc.queryForList("SELECT * FROM it_merge ORDER BY seq, rule").toString();
        for (int rangeRows : new int[] {1, 4, 9}) {
            new IncidentMerger(store, rangeRows).rebuild(true);
            assertThat(incidents()).as("ranges of %d rows", rangeRows).isEqualTo(inOneRange);
            assertThat(jdbc.queryForList("SELECT * FROM it_merge ORDER BY seq, rule").toString()).isEqualTo(merges);
        }
        assertThat(inOneRange).hasSize((1 + 2 + 3) * 2 + 6);
        assertThat(inOneRange).extracting(i -> i.get("NIGHT").toString()).isSorted();
    }

    @Test
    void theReportListsIncidentsAndMergesInOneOrderWhateverTheRangeSize() {
        readingTheNightsInSmallRangesMergesExactlyAsInOne();
        Period period = new Period("all", NIGHT, NIGHT.plusDays(5));
        IntFunction<StoredReportData> view = rangeRows -> new StoredReportData(store,
                Gazetteer.bundled(), period, Instant.EPOCH, null, rangeRows);
        List<MergedIncident> listed = new ArrayList<>();
        view.apply(100_000).incidents(listed::add);
        List<MergeNote> notes = new ArrayList<>();
        view.apply(100_000).merges(notes::add);

        for (int rangeRows : new int[] {1, 5}) {
            List<MergedIncident> again = new ArrayList<>();
            view.apply(rangeRows).incidents(again::add);
            assertThat(again).as("ranges of %d rows", rangeRows).isEqualTo(listed);
            List<MergeNote> notesAgain = new ArrayList<>();
            view.apply(rangeRows).merges(notesAgain::add);
            assertThat(notesAgain).isEqualTo(notes);
        }
        // Night, then district, then time of day: the debris report of Bokovsky at 01:03 comes
        // after the shot-down one at 01:01, and nights never go back.
        assertThat(listed).hasSize(18);
        assertThat(listed.subList(0, 2)).extracting(MergedIncident::localTime)
                .containsExactly(LocalDateTime.parse("2025-12-08T01:01"), LocalDateTime.parse("2025-12-08T01:03"));
        assertThat(listed).extracting(MergedIncident::night).isSorted();
        assertThat(notes).hasSize(13).extracting(MergeNote::night).isSorted();
    }

    private static Incident shifted(Incident r, int nights) {
        return shifted(r, nights, r.line());
    }

    /** The report moved {@code nights} nights later, on another line. */
    private static Incident shifted(Incident r, int nights, long line) {
        return new Incident(r.file(), line, r.incidentId(), r.night().plusDays(nights), r.nightInferred(),
                r.localTime().plusDays(nights), r.nightTime(), r.regionIso(), r.regionInput(), r.regionMethod(),
                r.regionScore(), r.district(), r.districtKey(), r.districtInput(), r.districtMethod(), r.districtScore(),
                r.location(), r.eventType(), r.uavCount(), r.killed(), r.injured(), r.damage(), r.measures(), r.source(),
                r.sourceKey(), r.sourceUrl(), r.notes(), r.contentHash());
    }
}
