package com.incidenttally.store;

import com.incidenttally.incident.DistrictKey;
import com.incidenttally.tally.Merge;
import com.incidenttally.tally.NightMerge;
import com.incidenttally.tally.ExternalSort;
import com.incidenttally.tally.Report;
import com.incidenttally.tally.WorkFolder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A night merged from sorted runs spilled on a tiny budget gives exactly the incidents, numbers
 * and duplicate notes of the same night merged in memory: ids (one spanning other nights), exact
 * duplicates, several sources, districts and event types, rows in random order.
 */
class SortedRunsTests {

    private static final LocalDate NIGHT = LocalDate.parse("2025-12-07");
    private static final List<String> REGIONS = List.of("RU-ROS", "RU-BEL", "RU-KRS");
    private static final List<String> DISTRICTS = List.of("Bokovsky District", "Millerovsky District", "");
    private static final List<String> TYPES = List.of("shot_down", "debris", "impact");
    private static final List<String> SOURCES = List.of("Governor", "News", "Ministry");

    @TempDir
    Path output;

    /** One night's reports, rows of a few files in random order. */
    private static List<Report> night(Random random, int rows) {
        List<Report> reports = new ArrayList<>();
        for (int line = 2; line < rows + 2; line++) {
            String file = "f" + random.nextInt(3) + (random.nextBoolean() ? ".csv" : ".xlsx#Sheet1");
            if (random.nextInt(10) == 0 && !reports.isEmpty()) {
                // An exact duplicate of an earlier row: same content, another place.
                Report same = reports.get(random.nextInt(reports.size()));
                reports.add(new Report(same.incidentId(), same.night(), same.nightInferred(), same.localTime(),
                        same.nightTime(), same.regionIso(), same.district(), same.districtKey(), same.eventType(),
                        same.uavCount(), same.killed(), same.injured(), same.location(), same.damage(),
                        same.measures(), same.source(), same.sourceKey(), same.sourceUrl(), same.notes(),
                        same.contentHash(), file, line));
                continue;
            }
            String id = random.nextInt(8) == 0 ? "ID-" + random.nextInt(12) : null;
            String region = REGIONS.get(random.nextInt(REGIONS.size()));
            String district = DISTRICTS.get(random.nextInt(DISTRICTS.size()));
            String source = SOURCES.get(random.nextInt(SOURCES.size()));
            LocalDateTime time = random.nextInt(6) == 0 ? null
                    : NIGHT.atTime(18, 0).plusMinutes(random.nextInt(12 * 60));
            reports.add(new Report(id, NIGHT, random.nextBoolean(), time, time == null ? null : random.nextBoolean(),
                    region, district.isEmpty() ? null : district, district.isEmpty() ? DistrictKey.REGION : DistrictKey.resolved(district),
                    TYPES.get(random.nextInt(TYPES.size())), random.nextInt(4) == 0 ? null : random.nextInt(5),
                    random.nextInt(20) == 0 ? 1 : null, null, random.nextBoolean() ? "near \uD800 " + line : null,
                    null, null, source, source.toLowerCase(), null, random.nextInt(5) == 0 ? "note " + line : null,
                    "hash-" + file + "-" + line, file, line));
        }
        // An id whose reports lie on this night and the next: it lands here, its first report in file order.
        reports.add(new Report("SPAN-1", NIGHT, false, null, null, "RU-ROS", null, DistrictKey.REGION, "debris", 2, null, null, null,
                null, null, "News", "news", null, null, "span-a", "a.csv", 1));
        reports.add(new Report("SPAN-1", NIGHT.plusDays(1), false, null, null, "RU-BEL", null, DistrictKey.REGION, "impact", 3, null,
                null, null, null, null, "News", "news", null, null, "span-b", "b.csv", 1));
        Collections.shuffle(reports, random);
        return reports;
    }

    private static Merge.Group spilled(List<Report> reports, boolean acrossSources, int budget, Path folder) {
        List<Merge.Merged> incidents = new ArrayList<>();
        List<Merge.Duplicate> duplicates = new ArrayList<>();
        try (ExternalSort<Report> runs = SortedRuns.of(() -> folder, Math.max(1, budget / 3))) {
            for (Report report : reports) {
                runs.add(report);
                if (runs.held() >= budget) {
                    runs.spill();
                }
            }
            assertThat(runs.spilled()).isTrue();
            NightMerge.forEachGroup(runs.sorted(), acrossSources, group -> {
                incidents.addAll(group.incidents());
                duplicates.addAll(group.duplicates());
            });
        }
        return new Merge.Group(incidents, duplicates);
    }

    @Test
    void aNightMergedFromSpilledRunsIsTheNightMergedInMemory() throws IOException {
        for (int seed = 0; seed < 20; seed++) {
            Random random = new Random(seed);
            List<Report> reports = night(random, 300 + random.nextInt(700));
            for (boolean acrossSources : new boolean[] {true, false}) {
                Merge.Group inMemory = NightMerge.of(reports, acrossSources);
                Merge.Group fromRuns = spilled(reports, acrossSources, 1 + random.nextInt(60), output);

                assertThat(fromRuns).as("seed %d, across sources %s", seed, acrossSources).isEqualTo(inMemory);
                assertThat(inMemory.duplicates()).isNotEmpty();
                assertThat(inMemory.incidents()).anyMatch(Merge.Merged::merged)
                        .anyMatch(incident -> "SPAN-1".equals(incident.id()) && incident.reports() == 2);
            }
        }
        try (Stream<Path> left = Files.list(output)) {
            assertThat(left).as("runs deleted once read").isEmpty();
        }
    }

    @Test
    void aRunKeepsEveryFieldOfAReport() {
        List<Report> reports = night(new Random(7), 400);
        List<Report> back = new ArrayList<>();
        try (ExternalSort<Report> runs = SortedRuns.of(() -> output, 7)) {
            reports.forEach(runs::add);
            runs.spill();
            runs.sorted().forEachRemaining(back::add);
        }
        List<Report> expected = new ArrayList<>(reports);
        expected.sort(NightMerge.MERGE_ORDER);
        assertThat(back).isEqualTo(expected);
    }

    @Test
    void aMergeHoldsAGroupOfEachRunDecodedSoGroupsShrinkWithTheBudget() {
        assertThat(SortedRuns.blockRows(StoredReports.budgetRows())).isEqualTo(ExternalSort.BLOCK);
        assertThat(SortedRuns.blockRows(5_000)).isEqualTo(156);
        assertThat(SortedRuns.blockRows(10)).isEqualTo(64);
    }

    @Test
    void anExternalSortIsTheStableSortOfEverythingAdded() {
        Random random = new Random(3);
        List<int[]> values = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            values.add(new int[] {random.nextInt(30), i});
        }
        Comparator<int[]> byFirst = Comparator.comparingInt(v -> v[0]);
        ExternalSort.Codec<int[]> codec = new ExternalSort.Codec<>() {
            @Override
            public void write(java.io.DataOutputStream out, int[] value) throws IOException {
                out.writeInt(value[0]);
                out.writeInt(value[1]);
            }

            @Override
            public int[] read(java.io.DataInputStream in) throws IOException {
                return new int[] {in.readInt(), in.readInt()};
            }
        };
        List<int[]> sorted = new ArrayList<>();
        try (ExternalSort<int[]> sort = new ExternalSort<>(byFirst, codec, 37, () -> output)) {
            values.forEach(sort::add);
            sort.forEachSorted(sorted::add);
        }
        List<int[]> expected = new ArrayList<>(values);
        expected.sort(byFirst);
        assertThat(sorted).usingElementComparator(Comparator.<int[]>comparingInt(v -> v[0])
                .thenComparingInt(v -> v[1])).containsExactlyElementsOf(expected);
    }

    @Test
    void theWorkFolderIsNewAndGoesWithOnlyWhatItHolds() throws IOException {
        Path mine = Files.writeString(output.resolve("report.xlsx"), "not the merge's");
        Path folder;
        try (WorkFolder work = new WorkFolder(output)) {
            folder = work.path();
            assertThat(folder.getParent()).isEqualTo(output);
            assertThat(folder.getFileName().toString()).startsWith(WorkFolder.PREFIX);
            Files.writeString(folder.resolve("run-1.bin"), "run");
        }
        assertThat(folder).doesNotExist();
        assertThat(mine).hasContent("not the merge's");
    }

    @Test
    void aRunCutShortIsALocatedError() throws IOException {
        try (ExternalSort<Report> runs = SortedRuns.of(() -> output, 16)) {
            night(new Random(1), 50).forEach(runs::add);
            runs.spill();
            Path run;
            try (Stream<Path> files = Files.list(output)) {
                run = files.findFirst().orElseThrow();
            }
            byte[] bytes = Files.readAllBytes(run);
            Files.write(run, java.util.Arrays.copyOf(bytes, bytes.length / 2));
            assertThatThrownBy(() -> runs.sorted().forEachRemaining(r -> { }))
                    .isInstanceOf(UncheckedIOException.class).hasMessageContaining(run.getFileName().toString())
                    .hasMessageContaining("ends inside a row group");
        }
    }
}
