package com.incidenttally.store;

import com.incidenttally.H2Stores;
import com.incidenttally.incident.DistrictKey;
import com.incidenttally.incident.EventType;
import com.incidenttally.incident.Incident;
import com.incidenttally.tally.Report;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** How the store cuts a chunk into row groups, and reads a period back from them. */
class RowGroupStoreTests {

    /** A Monday. */
    private static final LocalDate MONDAY = LocalDate.parse("2025-12-01");

    private JdbcTemplate jdbc;
    private IncidentStore store;

    @BeforeEach
    void emptyStore() {
        jdbc = H2Stores.memoryTemplate();
        store = IncidentStore.open(jdbc);
    }

    private static Incident row(long line, LocalDate night, String notes) {
        return new Incident("a.csv", line, null, night, false, null, null, "RU-ROS", null, null, 1.0, null, DistrictKey.REGION, null,
                null, 1.0, null, EventType.SHOT_DOWN, 1, null, null, notes, notes, "Source A", "source a", null, notes,
                "hash" + line);
    }

    @Test
    void aChunkBecomesOneGroupPerWeekSortedByNight() {
        long id = store.beginFile("a.csv", "sha");
        // Out of date order, over three weeks.
        store.insertIncidents(id, List.of(row(2, MONDAY.plusDays(15), null), row(3, MONDAY.plusDays(1), null),
                row(4, MONDAY.plusDays(8), null), row(5, MONDAY, null), row(6, MONDAY.plusDays(16), null)));

        assertThat(jdbc.queryForList("SELECT night_from || '/' || night_to || ':' || row_count FROM it_group"
                + " ORDER BY seq", String.class))
                .containsExactly("2025-12-01/2025-12-02:2", "2025-12-09/2025-12-09:1", "2025-12-16/2025-12-17:2");
        assertThat(store.storedReports()).extracting(Report::line).containsExactly(5L, 3L, 4L, 2L, 6L);
    }

    @Test
    void aChunkTooLargeForOneValueIsSplitAndComesBackWhole() {
        Random random = new Random(17);
        List<Incident> rows = new ArrayList<>();
        for (int line = 2; line < 42; line++) {
            // Text that does not compress: 40 rows of about 90 KB each.
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 30_000; i++) {
                text.append((char) ('Ѐ' + random.nextInt(200)));
            }
            rows.add(row(line, MONDAY, text.toString()));
        }
        long id = store.beginFile("a.csv", "sha");
        store.insertIncidents(id, rows);
        store.finishFile(id, "UTF-8", List.of(), Instant.EPOCH);

        List<byte[]> bodies = jdbc.queryForList("SELECT body FROM it_group", byte[].class);
        assertThat(bodies).hasSizeGreaterThan(1)
                .allSatisfy(body -> assertThat(body.length).isLessThanOrEqualTo(IncidentStore.GROUP_BYTES));
        assertThat(store.storedReports()).extracting(Report::notes)
                .containsExactlyElementsOf(rows.stream().map(Incident::notes).toList());
        assertThat(store.file("a.csv").orElseThrow().rowsAccepted()).isEqualTo(40);
    }

    @Test
    void aPeriodIsReadInWholeNightsFromTheGroupsThatOverlapIt() {
        long a = store.beginFile("a.csv", "sha-a");
        List<Incident> rows = new ArrayList<>();
        for (int day = 0; day < 28; day++) {
            for (int i = 0; i < 3; i++) {
                rows.add(row(2 + day * 3 + i, MONDAY.plusDays(day), null));
            }
        }
        store.insertIncidents(a, rows);
        store.finishFile(a, "UTF-8", List.of(), Instant.EPOCH);
        long loading = store.beginFile("b.csv", "sha-b");
        store.insertIncidents(loading, List.of(row(2, MONDAY.plusDays(9), null)));

        List<List<Report>> ranges = new ArrayList<>();
        // Ranges of at least 5 rows: whole nights, never a file still loading.
        new StoredReports(store, 5).forEachRange(MONDAY.plusDays(9), MONDAY.plusDays(20), range -> {
            List<Report> reports = new ArrayList<>();
            range.forEachRemaining(reports::add);
            ranges.add(reports);
        });

        List<Report> read = ranges.stream().flatMap(List::stream).toList();
        assertThat(read).hasSize(12 * 3).allSatisfy(r -> assertThat(r.file()).isEqualTo("a.csv"));
        assertThat(read).extracting(Report::night).isSortedAccordingTo(Comparator.naturalOrder());
        for (List<Report> range : ranges) {
            assertThat(range).hasSizeGreaterThanOrEqualTo(3);
            assertThat(range.size() % 3).as("whole nights").isZero();
        }
        assertThat(ranges).hasSizeGreaterThan(1);
    }
}
