package com.incidenttally.tally;

import com.incidenttally.incident.DistrictKey;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report's listing and merge notes, in the order of a plain stable sort of everything the
 * merge made (night, region, district, time with unknown last, then merge order; notes by night,
 * region, merge order, id), on generated reports: ids spanning nights and weeks, exact duplicates,
 * unknown times, unresolved districts, with and without merging across sources, big and tiny
 * budgets. The expected order is made here from the merge alone, without the sweep's sorting.
 */
class ListingOrderTests {

    private static final LocalDate MONDAY = LocalDate.parse("2025-12-08");
    private static final Period WEEK = new Period("2025-W50", MONDAY, MONDAY.plusDays(6));
    private static final Places CODES = new Places(iso -> Optional.empty(), null);
    private static final String[] REGIONS = {"RU-BEL", "RU-KRS", "RU-ROS"};
    private static final String[] SOURCES = {"Governor", "News", "MoD"};

    @TempDir
    Path output;

    /** An incident as the listing orders it, and what tells it apart. */
    private record Expected(LocalDate night, String region, DistrictKey district, LocalDateTime time, long seq,
                            String id, String origins) {
        static final Comparator<Expected> ORDER = Comparator.comparing(Expected::night).thenComparing(Expected::region)
                .thenComparing(Expected::district)
                .thenComparing(Expected::time, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingLong(Expected::seq);
    }

    /** A merge note as its listing orders it. */
    private record ExpectedNote(LocalDate night, String region, long seq, String id, String origins) {
        static final Comparator<ExpectedNote> ORDER = Comparator.comparing(ExpectedNote::night)
                .thenComparing(ExpectedNote::region).thenComparingLong(ExpectedNote::seq)
                .thenComparing(ExpectedNote::id);
    }

    @ParameterizedTest
    @CsvSource({"true, 250000", "false, 250000", "true, 3", "false, 2", "true, 1"})
    void theListingIsInTheOrderOfAStableSortOfTheMergedIncidents(boolean merge, long budget) {
        for (int seed = 0; seed < 25; seed++) {
            MemoryReportSource source = generated(new Random(seed));
            List<Expected> expected = new ArrayList<>();
            List<ExpectedNote> notes = new ArrayList<>();
            expect(source, merge, expected, notes);
            expected.sort(Expected.ORDER);
            notes.sort(ExpectedNote.ORDER);

            try (PeriodReport report = new PeriodSweep(source, CODES, WEEK).clock(Instant.parse("2026-01-31T12:00:00Z"))
                    .mergeAcrossSources(merge).workIn(output).budgetRows(budget).listingHeld(4).run()) {
                List<String> listed = new ArrayList<>();
                report.incidents().forEach(i -> listed.add(i.id() + " " + i.origins()));
                assertThat(listed).as("seed %d", seed)
                        .containsExactlyElementsOf(expected.stream().map(e -> e.id() + " " + e.origins()).toList());
                List<String> noted = new ArrayList<>();
                report.mergeNotes().forEach(n -> noted.add(n.incident() + " " + n.origins()));
                assertThat(noted).as("seed %d", seed)
                        .containsExactlyElementsOf(notes.stream().map(n -> n.id() + " " + n.origins()).toList());
            }
        }
    }

    /** What the merge makes of the sweep's nights, numbered in merge order, with the period's kept. */
    private static void expect(MemoryReportSource source, boolean merge, List<Expected> expected,
                               List<ExpectedNote> notes) {
        long[] seq = {0};
        source.forEachRange(WEEK.previous().from(), WEEK.to(), range -> NightMerge.forEachGroup(range, merge, group -> {
            for (Merge.Duplicate d : group.duplicates()) {
                if (WEEK.contains(d.night())) {
                    notes.add(new ExpectedNote(d.night(), d.regionIso(), 0, d.incidentId(), d.origins()));
                }
            }
            for (Merge.Merged m : group.incidents()) {
                seq[0]++;
                if (WEEK.contains(m.night())) {
                    expected.add(new Expected(m.night(), m.regionIso(), m.districtKey(), m.localTime(), seq[0], m.id(),
                            m.origins()));
                    if (m.merged()) {
                        notes.add(new ExpectedNote(m.night(), m.regionIso(), seq[0], m.id(), m.origins()));
                    }
                }
            }
        }));
    }

    /** Reports over the week before, the week and the night after; some with ids, some exact duplicates. */
    private static MemoryReportSource generated(Random random) {
        MemoryReportSource source = new MemoryReportSource();
        List<Report> made = new ArrayList<>();
        int count = 40 + random.nextInt(160);
        for (int line = 1; line <= count; line++) {
            String file = random.nextBoolean() ? "a.csv" : "b.csv";
            if (!made.isEmpty() && random.nextInt(8) == 0) {
                // An exact duplicate of an earlier row, further down a file.
                Report earlier = made.get(random.nextInt(made.size()));
                made.add(new Report(earlier.incidentId(), earlier.night(), false, earlier.localTime(), true,
                        earlier.regionIso(), earlier.district(), earlier.districtKey(), earlier.eventType(),
                        earlier.uavCount(), null, null, null, null, null, earlier.source(), earlier.sourceKey(), null,
                        null, earlier.contentHash(), file, 1000 + line));
                continue;
            }
            LocalDate night = MONDAY.plusDays(random.nextInt(15) - 7);
            String district;
            DistrictKey key;
            switch (random.nextInt(4)) {
                case 0 -> {
                    district = null;
                    key = DistrictKey.REGION;
                }
                case 1 -> {
                    district = "Zzyx" + random.nextInt(2) + MergedIncident.UNRESOLVED_SUFFIX;
                    key = DistrictKey.unresolved(district);
                }
                default -> {
                    district = "District " + random.nextInt(3);
                    key = DistrictKey.resolved(district);
                }
            }
            String id = random.nextInt(6) == 0 ? "ID-" + random.nextInt(12) : null;
            LocalDateTime time = random.nextInt(5) == 0 ? null : night.atTime(20, 0).plusMinutes(random.nextInt(600) / 30 * 30);
            String sourceName = SOURCES[random.nextInt(SOURCES.length)];
            made.add(new Report(id, night, time == null, time, true, REGIONS[random.nextInt(REGIONS.length)], district,
                    key, random.nextBoolean() ? "shot_down" : "debris", random.nextInt(3), null, null, null, null,
                    null, sourceName, sourceName.toLowerCase(), null, null, "hash-" + line, file, line));
        }
        made.forEach(source::add);
        return source;
    }
}
