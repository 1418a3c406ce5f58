package com.incidenttally.tally;

import com.incidenttally.incident.DistrictKey;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The SPEC "Same incident" rules as a pure function: no store, no Spring. */
class MergeTests {

    private static final LocalDate NIGHT = LocalDate.parse("2025-12-07");

    private int line;

    private Report report(String file, String source, String district, String type, Integer uavs, String id) {
        line++;
        return new Report(id, NIGHT, false, LocalDateTime.parse("2025-12-08T01:00").plusMinutes(line), true, "RU-ROS",
                district, district == null ? DistrictKey.REGION : DistrictKey.resolved(district), type, uavs, null, null, null, null,
                null, source, source.toLowerCase(), null, null, "hash-" + line, file, line);
    }

    private static Report onNight(Report r, int nights, long line) {
        return new Report(r.incidentId(), r.night().plusDays(nights), r.nightInferred(),
                r.localTime() == null ? null : r.localTime().plusDays(nights), r.nightTime(), r.regionIso(),
                r.district(), r.districtKey(), r.eventType(), r.uavCount(), r.killed(), r.injured(), r.location(),
                r.damage(), r.measures(), r.source(), r.sourceKey(), r.sourceUrl(), r.notes(), r.contentHash(),
                r.file(), line);
    }

    @Test
    void mergesOneIncidentReportedByTwoSources() {
        Merge.Group group = NightMerge.of(List.of(report("a.csv", "Governor", "Chertkovsky District", "shot_down", null, null),
                report("b.csv", "News", "Chertkovsky District", "shot_down", 3, null)), true);

        assertThat(group.incidents()).singleElement().satisfies(incident -> {
            assertThat(incident.sources()).isEqualTo("Governor; News");
            assertThat(incident.sourceKeys()).containsExactly("governor", "news");
            assertThat(incident.uavCount()).isEqualTo(3);
            assertThat(incident.reports()).isEqualTo(2);
            assertThat(incident.origins()).isEqualTo("a.csv:1, b.csv:2");
            assertThat(incident.rule()).isEqualTo(Merge.RULE_KEY);
            assertThat(incident.conflicts()).isNull();
            assertThat(incident.localTime()).isEqualTo(LocalDateTime.parse("2025-12-08T01:01"));
        });
    }

    @Test
    void twoReportsOfOneSourceStayTwoIncidentsRankedByTime() {
        Report early = report("a.csv", "A", "Bokovsky District", "shot_down", 1, null);
        Report late = report("a.csv", "A", "Bokovsky District", "shot_down", 1, null);
        Report other = report("b.csv", "B", "Bokovsky District", "shot_down", 1, null);

        Merge.Group group = NightMerge.of(List.of(late, other, early), true);

        assertThat(group.incidents()).extracting(Merge.Merged::reports).containsExactly(2, 1);
        assertThat(group.incidents().get(0).origins()).isEqualTo("a.csv:1, b.csv:3");
        assertThat(group.incidents().get(1).origins()).isEqualTo("a.csv:2");
    }

    @Test
    void differentDistrictsOrEventTypesAreDifferentIncidents() {
        Merge.Group group = NightMerge.of(List.of(report("a.csv", "A", "Bokovsky District", "shot_down", 1, null),
                report("a.csv", "A", "Millerovsky District", "shot_down", 1, null),
                report("b.csv", "B", "Bokovsky District", "debris", 1, null),
                report("b.csv", "B", null, "shot_down", 1, null)), true);

        assertThat(group.incidents()).hasSize(4).allMatch(incident -> incident.reports() == 1);
    }

    @Test
    void exactDuplicateRowsCountOnceAndAreNoted() {
        Report row = report("a.csv", "A", "Bokovsky District", "shot_down", 1, null);
        Report copy = onNight(row, 0, 99);

        Merge.Group group = NightMerge.of(List.of(copy, row), true);

        assertThat(group.incidents()).singleElement().satisfies(i -> assertThat(i.origins()).isEqualTo("a.csv:1"));
        assertThat(group.duplicates()).singleElement().satisfies(d -> {
            assertThat(d.origins()).isEqualTo("a.csv:1, a.csv:99");
            assertThat(d.rows()).isEqualTo(2);
            assertThat(d.incidentId()).isEmpty();
        });
    }

    @Test
    void reportsWithOneIdAreOneIncidentAndTheirConflictsAreListed() {
        Merge.Group group = NightMerge.of(List.of(report("a.csv", "A", "Bokovsky District", "shot_down", 2, "INC-1"),
                report("a.csv", "A", "Bokovsky District", "debris", 5, "INC-1"),
                report("a.csv", "A", "Bokovsky District", "shot_down", 2, "INC-2")), true);

        assertThat(group.incidents()).extracting(Merge.Merged::id).containsExactly("INC-1", "INC-2");
        Merge.Merged first = group.incidents().get(0);
        assertThat(first.uavCount()).isEqualTo(5);
        assertThat(first.eventType()).isEqualTo("shot_down");
        assertThat(first.rule()).isEqualTo(Merge.RULE_ID);
        assertThat(first.conflicts())
                .isEqualTo("uav_count: 2 (a.csv:1) vs 5 (a.csv:2); event_type: shot_down (a.csv:1) vs debris (a.csv:2)");
    }

    @Test
    void anIdsIncidentTakesTheNightOfItsFirstReportInFileOrder() {
        Report later = onNight(report("b.csv", "A", "Bokovsky District", "shot_down", 1, "INC-9"), 2, 1);
        Report first = report("a.csv", "A", "Bokovsky District", "shot_down", 1, "INC-9");

        Merge.Merged incident = NightMerge.of(List.of(later, first), true).incidents().get(0);

        assertThat(incident.night()).isEqualTo(NIGHT);
        assertThat(incident.conflicts()).contains("night: 2025-12-07 (a.csv:2) vs 2025-12-09 (b.csv:1)");
    }

    @Test
    void withoutMergingAcrossSourcesEveryReportIsAnIncidentButDuplicatesStillCountOnce() {
        Report row = report("a.csv", "A", "Bokovsky District", "shot_down", 1, null);
        List<Report> reports = List.of(row, onNight(row, 0, 50),
                report("b.csv", "B", "Bokovsky District", "shot_down", 1, null));

        assertThat(NightMerge.of(reports, false).incidents()).hasSize(2);
        assertThat(NightMerge.of(reports, true).incidents()).hasSize(1);
    }

    @Test
    void generatedIdsNameRegionNightAndANumberInKeyOrder() {
        Merge.Group group = NightMerge.of(List.of(report("a.csv", "A", "Millerovsky District", "shot_down", 1, null),
                report("a.csv", "A", "Bokovsky District", "shot_down", 1, null)), true);

        assertThat(group.incidents()).extracting(Merge.Merged::id).containsExactly("ROS-20251207-1", "ROS-20251207-2");
        assertThat(group.incidents()).extracting(Merge.Merged::district)
                .containsExactly("Bokovsky District", "Millerovsky District");
    }

    @Test
    void incidentsWithAnIdComeBeforeKeyedOnesAndIdsInOrder() {
        Merge.Group group = NightMerge.of(List.of(report("a.csv", "A", "Bokovsky District", "shot_down", 1, null),
                report("a.csv", "A", "Bokovsky District", "shot_down", 1, "INC-2"),
                report("a.csv", "A", "Bokovsky District", "shot_down", 1, "INC-10")), true);

        assertThat(group.incidents()).extracting(Merge.Merged::id).containsExactly("INC-10", "INC-2", "ROS-20251207-1");
    }

    @Test
    void theOrderReportsArriveInChangesNothing() {
        List<Report> reports = new ArrayList<>();
        String[] districts = {"Bokovsky District", "Millerovsky District", null};
        String[] types = {"shot_down", "debris"};
        for (int n = 0; n < 60; n++) {
            String id = n % 7 == 0 ? "INC-" + n % 3 : null;
            Report report = report(n % 2 == 0 ? "a.csv" : "b.csv", "S" + n % 3, districts[n % 3], types[n % 2],
                    n % 5 == 0 ? null : n % 4, id);
            reports.add(onNight(report, n % 3, report.line()));
        }
        Merge.Group expected = NightMerge.of(reports, true);
        Random random = new Random(7);
        for (int attempt = 0; attempt < 20; attempt++) {
            List<Report> shuffled = new ArrayList<>(reports);
            Collections.shuffle(shuffled, random);
            assertThat(NightMerge.of(shuffled, true)).isEqualTo(expected);
        }
        assertThat(expected.incidents().size()).isLessThan(reports.size());
    }

    @Test
    void anIncidentOfManyReportsListsFiftyOriginsAndHowManyMore() {
        List<Report> reports = new ArrayList<>();
        for (int n = 0; n < 53; n++) {
            reports.add(report("f.csv", "Source " + n, "Bokovsky District", "shot_down", 1, null));
        }
        String origins = NightMerge.of(reports, true).incidents().get(0).origins();

        assertThat(origins).startsWith("f.csv:1, f.csv:2").endsWith("f.csv:50, … and 3 more");
    }
}
