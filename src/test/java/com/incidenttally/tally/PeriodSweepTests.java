package com.incidenttally.tally;

import com.incidenttally.incident.DistrictKey;
import com.incidenttally.incident.Reason;
import com.incidenttally.incident.Rejection;
import com.incidenttally.incident.RejectionKind;
import com.incidenttally.places.Gazetteer;
import com.incidenttally.places.MatchMethod;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The report made in plain Java from a source held in memory: what a sweep reads, what the finished
 * report holds, and that it holds it without its source. No store, no Spring.
 */
class PeriodSweepTests {

    private static final LocalDate MONDAY = LocalDate.parse("2025-12-08");
    private static final Period WEEK = new Period("2025-W50", MONDAY, MONDAY.plusDays(6));
    /** Region names are their codes; no candidates. */
    private static final Places CODES = new Places(iso -> Optional.empty(), null);

    @TempDir
    Path output;

    private long line;

    private Report report(LocalDate night, String source, String district, String type, Integer uavs, String id) {
        line++;
        return new Report(id, night, false, night.atTime(22, 0).plusMinutes(line % 60), true, "RU-ROS", district,
                district == null ? DistrictKey.REGION : DistrictKey.resolved(district), type, uavs, null, null, null, null, null,
                source, source.toLowerCase(), null, null, "hash-" + line, "f.csv", line);
    }

    /** A Wednesday 5 weeks back, a Monday 2 weeks back, last week and this week, each counted into the index already. */
    private MemoryReportSource fourWeeks() {
        MemoryReportSource source = new MemoryReportSource();
        for (int back : new int[] {33, 14, 3}) {
            source.add(report(MONDAY.minusDays(back), "Governor", "Bokovsky District", "shot_down", 1, null));
        }
        source.add(report(MONDAY, "Governor", "Bokovsky District", "shot_down", 2, null),
                report(MONDAY, "News", "Bokovsky District", "shot_down", 3, null),
                report(MONDAY.plusDays(2), "News", null, "debris", null, null));
        PeriodSweep.countNights(source, true, null, null);
        source.read.clear();
        return source;
    }

    private PeriodSweep sweep(MemoryReportSource source, Period period) {
        return new PeriodSweep(source, CODES, period).clock(Instant.parse("2026-01-31T12:00:00Z"))
                .mergeAcrossSources(true).workIn(output);
    }

    private static <T> List<T> list(Listing<T> listing) {
        List<T> values = new ArrayList<>();
        listing.forEach(values::add);
        return values;
    }

    @Test
    void aWeekReadsOnlyItsNightsAndThePreviousWeeksAndKnowsTheRestFromTheNightIndex() {
        MemoryReportSource source = fourWeeks();

        try (PeriodReport report = sweep(source, WEEK).run()) {
            assertThat(source.read.keySet()).as("nights read").allMatch(night ->
                    !night.isBefore(WEEK.previous().from()) && !night.isAfter(WEEK.to()));
            assertThat(list(report.incidents())).extracting(MergedIncident::night)
                    .containsExactly(MONDAY, MONDAY.plusDays(2));
            assertThat(list(report.mergeNotes())).singleElement()
                    .satisfies(note -> assertThat(note.rule()).isEqualTo(Merge.RULE_KEY));
            assertThat(report.totals().incidents()).isEqualTo(2);
            assertThat(report.previousPeriod()).isEqualTo(WEEK.previous());
            assertThat(report.previousTotals().incidents()).isEqualTo(1);
            assertThat(report.storeIncidents()).as("every night, from the index").isEqualTo(5);
            assertThat(report.weeklyTrend()).extracting(WeekCount::isoWeek, WeekCount::incidents).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("2025-W45", 1L), org.assertj.core.groups.Tuple.tuple("2025-W46", 0L),
                    org.assertj.core.groups.Tuple.tuple("2025-W47", 0L), org.assertj.core.groups.Tuple.tuple("2025-W48", 1L),
                    org.assertj.core.groups.Tuple.tuple("2025-W49", 1L), org.assertj.core.groups.Tuple.tuple("2025-W50", 2L));
            assertThat(report.weeklyTrend().get(0).part()).as("the store's nights start on its Wednesday").isTrue();
            assertThat(report.weeklyTrend().get(5).part()).isFalse();
        }
    }

    /**
     * The previous period is compared only where the store has it (SPEC, Summary): from its first half on. A store that
     * begins on the previous week's Sunday (or Friday) holds a sliver of it, and "+300%" against that would be no
     * comparison; one that begins on its Thursday, after three quiet nights, is compared.
     */
    @Test
    void thePreviousWeekIsComparedOnlyWhenTheStoreHoldsItFromItsFirstHalf() {
        MemoryReportSource lateStart = new MemoryReportSource();
        lateStart.add(report(MONDAY.minusDays(1), "Governor", "Bokovsky District", "shot_down", 1, null),
                report(MONDAY, "Governor", "Bokovsky District", "shot_down", 2, null),
                report(MONDAY.plusDays(1), "Governor", "Bokovsky District", "shot_down", 2, null));
        PeriodSweep.countNights(lateStart, true, null, null);
        try (PeriodReport report = sweep(lateStart, WEEK).run()) {
            assertThat(report.totals().incidents()).isEqualTo(2);
            assertThat(report.previousPeriod()).isNull();
            assertThat(report.previousTotals()).isNull();
        }

        MemoryReportSource fromFriday = new MemoryReportSource();
        fromFriday.add(report(WEEK.previous().from().plusDays(4), "Governor", "Bokovsky District", "shot_down", 1, null),
                report(MONDAY, "Governor", "Bokovsky District", "shot_down", 2, null));
        PeriodSweep.countNights(fromFriday, true, null, null);
        try (PeriodReport report = sweep(fromFriday, WEEK).run()) {
            assertThat(report.previousPeriod()).isNull();
        }

        MemoryReportSource fromThursday = new MemoryReportSource();
        fromThursday.add(report(WEEK.previous().from().plusDays(3), "Governor", "Bokovsky District", "shot_down", 1, null),
                report(MONDAY, "Governor", "Bokovsky District", "shot_down", 2, null));
        PeriodSweep.countNights(fromThursday, true, null, null);
        try (PeriodReport report = sweep(fromThursday, WEEK).run()) {
            assertThat(report.previousPeriod()).isEqualTo(WEEK.previous());
            assertThat(report.previousTotals().incidents()).isEqualTo(1);
        }
    }

    @Test
    void theFinishedReportReadsNothingFromItsSourceAndListsAsOftenAsAsked() {
        MemoryReportSource source = fourWeeks();
        PeriodReport report = sweep(source, WEEK).run();
        source.closed = true;

        assertThat(list(report.incidents())).isEqualTo(list(report.incidents())).hasSize(2);
        assertThat(list(report.mergeNotes())).isEqualTo(list(report.mergeNotes()));
        List<Rejection> rejections = new ArrayList<>();
        report.rejections(rejections::add);
        assertThat(report.byRegion()).isNotEmpty();
        assertThat(report.sources()).isNotEmpty();
        assertThat(report.farDates()).isEmpty();
        assertThat(report.periodEnd().complete()).isTrue();
        report.close();
        assertThatThrownBy(() -> sweep(source, WEEK).run()).hasMessageContaining("after it was finished");
    }

    @Test
    void bigListingsGoToFilesOfTheWorkFolderReadAgainAlikeAndGoWithTheReport() throws IOException {
        MemoryReportSource source = new MemoryReportSource();
        for (int n = 0; n < 40; n++) {
            source.add(report(MONDAY.plusDays(n % 7), n % 2 == 0 ? "Governor" : "News",
                    "District " + (n % 5), n % 3 == 0 ? "debris" : "shot_down", n % 4, n % 9 == 0 ? "ID-" + n % 2 : null));
        }
        List<MergedIncident> inMemory;
        List<MergeNote> notesInMemory;
        try (PeriodReport report = sweep(source, WEEK).run()) {
            inMemory = list(report.incidents());
            notesInMemory = list(report.mergeNotes());
        }
        assertThat(workFolders()).isZero();

        PeriodReport report = sweep(source, WEEK).listingHeld(2).budgetRows(5).run();
        assertThat(workFolders()).as("the listings' files").isEqualTo(1);
        assertThat(list(report.incidents())).isEqualTo(inMemory).hasSizeGreaterThan(2);
        assertThat(list(report.incidents())).isEqualTo(inMemory);
        assertThat(list(report.mergeNotes())).isEqualTo(notesInMemory).hasSizeGreaterThan(2);
        report.close();
        assertThat(workFolders()).isZero();
    }

    /** Lister threads alive, after a moment for one that was told to end. */
    private static long listerThreads() {
        long alive = 0;
        for (int wait = 0; wait < 50; wait++) {
            alive = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.isAlive() && t.getName().equals("report listing")).count();
            if (alive == 0) {
                break;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return alive;
    }

    private long workFolders() throws IOException {
        try (Stream<Path> entries = Files.list(output)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(WorkFolder.PREFIX)).count();
        }
    }

    @Test
    void aFailingSourceLeavesNoWorkFolder() throws IOException {
        MemoryReportSource source = fourWeeks();
        source.rejections.add(null);

        assertThatThrownBy(() -> sweep(source, WEEK).listingHeld(0).run()).isInstanceOf(NullPointerException.class);
        assertThat(workFolders()).isZero();
    }

    /** Three weeks of reports by sources spelt two ways, with ids merged across sources and exact duplicates. */
    private MemoryReportSource threeWeeks() {
        line = 0;
        MemoryReportSource source = new MemoryReportSource();
        String[] spellings = {"Governor", "GOVERNOR", "News", "news", "Ministry"};
        for (int n = 0; n < 210; n++) {
            LocalDate night = MONDAY.minusDays(14).plusDays(n % 21);
            String id = n % 7 == 0 ? "ID-" + (n % 21) : null;
            source.add(report(night, spellings[(n / 3) % spellings.length], "District " + (n % 4),
                    n % 5 == 0 ? "debris" : "shot_down", n % 6, id));
        }
        return source;
    }

    private static final Period THREE_WEEKS = new Period("2025-11-24_2025-12-14", MONDAY.minusDays(14), MONDAY.plusDays(6));

    /** The three weeks and what makes a source's name and a range's incidents hard to get right. */
    private MemoryReportSource threeWeeksAndOddOnes() {
        MemoryReportSource source = threeWeeks();
        // An id with reports a week apart, handed over with its first report's night, whose first source is spelt in
        // lower case; and an id landing in the period with a report of the night before it by a source with no
        // other row: that source is named by the incident, not by a row.
        source.add(report(MONDAY.minusDays(12), "ministry", "District 1", "shot_down", 2, "SPAN-1"),
                report(MONDAY.minusDays(5), "Ministry", "District 1", "shot_down", 2, "SPAN-1"),
                report(MONDAY.minusDays(14), "Governor", "District 2", "debris", 1, "SPAN-2"),
                report(MONDAY.minusDays(15), "Outsider", "District 2", "debris", 1, "SPAN-2"));
        // A row naming no source.
        line++;
        source.add(new Report(null, MONDAY.minusDays(3), false, MONDAY.minusDays(3).atTime(23, 0), true, "RU-ROS", null,
                DistrictKey.REGION, "shot_down", 1, null, null, null, null, null, null, "", null, null, "hash-none",
                "f.csv", line));
        return source;
    }

    @Test
    void rangesListedBesideTheMergeMakeTheReportOneRangeMakes() {
        MemoryReportSource whole = threeWeeks();
        List<MergedIncident> incidents;
        List<MergeNote> notes;
        List<SourceTally.SourceRow> sources;
        try (PeriodReport report = sweep(whole, THREE_WEEKS).run()) {
            incidents = list(report.incidents());
            notes = list(report.mergeNotes());
            sources = report.sources();
        }
        assertThat(incidents).hasSizeGreaterThan(50);
        assertThat(notes).hasSizeGreaterThan(10);
        // A source's rows, counted here: its key is its name in lower case; it is named as its first row spells it.
        assertThat(sources).extracting(SourceTally.SourceRow::source, SourceTally.SourceRow::accepted).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Governor", 84L), org.assertj.core.groups.Tuple.tuple("News", 84L),
                org.assertj.core.groups.Tuple.tuple("Ministry", 42L));

        // A range a night, each listed while the next is merged, with sorts and listings that spill.
        MemoryReportSource byNight = threeWeeks();
        byNight.nightsPerRange = 1;
        try (PeriodReport report = sweep(byNight, THREE_WEEKS).listingHeld(3).budgetRows(4).run()) {
            assertThat(list(report.incidents())).isEqualTo(incidents);
            assertThat(list(report.mergeNotes())).isEqualTo(notes);
            assertThat(report.sources()).isEqualTo(sources);
        }
    }

    @Test
    void rangesListedBesideTheMergeGiveWhatListingThemInTurnGives() {
        MemoryReportSource inTurn = threeWeeksAndOddOnes();
        inTurn.nightsPerRange = 1;
        MemoryReportSource beside = threeWeeksAndOddOnes();
        beside.nightsPerRange = 1;

        try (PeriodReport expected = sweep(inTurn, THREE_WEEKS).listingHeld(3).budgetRows(4).listBeside(false).run();
             PeriodReport report = sweep(beside, THREE_WEEKS).listingHeld(3).budgetRows(4).run()) {
            assertThat(expected.sources()).extracting(SourceTally.SourceRow::source)
                    .contains("Outsider", SourceTally.NO_SOURCE);
            assertThat(list(expected.incidents())).anySatisfy(incident -> assertThat(incident.id()).isEqualTo("SPAN-1"));
            assertThat(list(report.incidents())).isEqualTo(list(expected.incidents()));
            assertThat(list(report.mergeNotes())).isEqualTo(list(expected.mergeNotes()));
            assertThat(report.sources()).isEqualTo(expected.sources());
            assertThat(report.totals()).isEqualTo(expected.totals());
        }
    }

    /** A source whose first night's range holds 30,000 incidents, then a week of a few: the lister is busy a while. */
    private MemoryReportSource aBigNightThenAWeek() {
        line = 0;
        MemoryReportSource source = new MemoryReportSource();
        for (int n = 0; n < 30_000; n++) {
            source.add(report(MONDAY, n % 2 == 0 ? "Governor" : "News", "District " + (n % 50), "shot_down", n, null));
        }
        for (int n = 0; n < 20; n++) {
            source.add(report(MONDAY.plusDays(1 + n % 6), "News", "District 1", "debris", n, null));
        }
        source.nightsPerRange = 1;
        return source;
    }

    /** As {@link #aBigNightThenAWeek}, with the night after the big one failing to be written to the night index. */
    private MemoryReportSource aBigNightThenAWeekWhoseTuesdayCannotBeIndexed() {
        MemoryReportSource source = aBigNightThenAWeek();
        source.onPutNight = night -> {
            if (night.equals(MONDAY.plusDays(1))) {
                throw new IllegalStateException("the night index could not be written");
            }
        };
        return source;
    }

    @Test
    void aSweepThatFailsWhileARangeIsListedWaitsForItThenRemovesTheWorkFolder() throws IOException {
        MemoryReportSource source = aBigNightThenAWeekWhoseTuesdayCannotBeIndexed();

        // The big night's listing goes to a file of the work folder, written by the lister while the next night fails.
        assertThatThrownBy(() -> sweep(source, WEEK).listingHeld(1_000).run())
                .hasMessage("the night index could not be written");
        assertThat(workFolders()).isZero();
        assertThat(listerThreads()).isZero();
    }

    @Test
    void aListerThatFailsBeforeTheSweepDoesIsNamedWithTheSweepsFailure() throws IOException {
        MemoryReportSource source = aBigNightThenAWeekWhoseTuesdayCannotBeIndexed();
        Path notAFolder = Files.writeString(output.resolve("a file"), "not a folder");

        // The listing goes to a file after 1,000 incidents, but no work folder can be made there.
        assertThatThrownBy(() -> new PeriodSweep(source, CODES, WEEK).clock(Instant.parse("2026-01-31T12:00:00Z"))
                .mergeAcrossSources(true).workIn(notAFolder).listingHeld(1_000).run())
                .hasMessage("the night index could not be written")
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
                        .isInstanceOf(java.io.UncheckedIOException.class)
                        .satisfies(lister -> assertThat(lister).hasMessageContaining("cannot make the merge's work folder")));
        assertThat(listerThreads()).isZero();
        assertThat(notAFolder).hasContent("not a folder");
    }

    @Test
    void aListingThatCannotBeWrittenFailsTheSweepAndLeavesNoThread() throws IOException {
        MemoryReportSource source = threeWeeks();
        source.nightsPerRange = 1;
        Path notAFolder = Files.writeString(output.resolve("a file"), "not a folder");

        // The sorts hold every range; the listing goes to a file after 3 incidents, on the lister's thread.
        assertThatThrownBy(() -> new PeriodSweep(source, CODES, THREE_WEEKS).clock(Instant.parse("2026-01-31T12:00:00Z"))
                .mergeAcrossSources(true).workIn(notAFolder).listingHeld(3).budgetRows(1_000).run())
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining("cannot make the merge's work folder in " + notAFolder);
        assertThat(listerThreads()).isZero();
        assertThat(notAFolder).hasContent("not a folder");
    }

    @Test
    void anInterruptWhileARangeIsListedStopsNothingAndIsKept() throws IOException {
        List<MergedIncident> expected;
        try (PeriodReport report = sweep(aBigNightThenAWeek(), WEEK).listingHeld(1_000).run()) {
            expected = list(report.incidents());
        }
        MemoryReportSource source = aBigNightThenAWeek();
        source.onPutNight = night -> {
            if (night.equals(MONDAY.plusDays(1))) {
                Thread.currentThread().interrupt();
            }
        };

        PeriodReport report = sweep(source, WEEK).listingHeld(1_000).run();
        boolean interrupted = Thread.interrupted();
        try (report) {
            assertThat(interrupted).as("the interrupt, kept for the caller").isTrue();
            assertThat(list(report.incidents())).hasSize(30_020).isEqualTo(expected);
        }
        assertThat(workFolders()).isZero();
        assertThat(listerThreads()).isZero();
    }

    @Test
    void anIdWithReportsOnTwoNightsIsOneIncidentEverywhere() {
        MemoryReportSource source = new MemoryReportSource();
        source.add(report(MONDAY.plusDays(1), "A", "Bokovsky District", "shot_down", 1, "INC-1"),
                report(MONDAY.plusDays(3), "B", "Bokovsky District", "shot_down", 2, "INC-1"));

        try (PeriodReport report = sweep(source, WEEK).run()) {
            assertThat(list(report.incidents())).singleElement()
                    .satisfies(incident -> assertThat(incident.night()).isEqualTo(MONDAY.plusDays(1)));
            assertThat(report.totals().incidents()).isEqualTo(1);
            assertThat(report.storeIncidents()).isEqualTo(1);
            assertThat(report.weeklyTrend()).extracting(WeekCount::incidents).containsExactly(1L);
        }
    }

    @Test
    void rejectionsOfOtherNightsAreCountedNotShownAndTheSourcesCountThePeriodsOwn() {
        MemoryReportSource source = fourWeeks();
        Reason negative = Reason.of(RejectionKind.NEGATIVE_COUNT, "uav_count");
        source.rejections.add(new Rejection("f.csv", 90, "uav_count", "-1", negative, "raw", MONDAY, "News"));
        source.rejections.add(new Rejection("f.csv", 91, "uav_count", "-1", negative, "raw", MONDAY.minusDays(14),
                "News"));
        source.rejections.add(new Rejection("e.csv", 5, "occurred_at", "x", Reason.of(RejectionKind.UNPARSEABLE_DATE,
                "x"), "raw", null, "News"));

        try (PeriodReport report = sweep(source, WEEK).newFrom(Set.of("e.csv")).run()) {
            List<Rejection> shown = new ArrayList<>();
            report.rejections(shown::add);
            assertThat(shown).extracting(Rejection::file, Rejection::line)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("e.csv", 5L),
                            org.assertj.core.groups.Tuple.tuple("f.csv", 90L));
            assertThat(report.otherPeriodRejections()).isEqualTo(1);
            assertThat(report.rejectionScope().isNew(shown.get(0))).isTrue();
            assertThat(report.sources()).filteredOn(row -> row.source().equals("News")).singleElement()
                    .satisfies(row -> assertThat(row.rejected()).isEqualTo(2));
        }
    }

    @Test
    void unresolvedNamesOfThePeriodComeWithTheGazetteersCandidates() {
        MemoryReportSource source = fourWeeks();
        source.rejectedRegions.add(new ReportSource.RejectedRegion(" Ростовская обл ",
                Reason.of(RejectionKind.UNKNOWN_REGION), MONDAY));
        source.rejectedRegions.add(new ReportSource.RejectedRegion("Elsewhere",
                Reason.of(RejectionKind.UNKNOWN_REGION), MONDAY.minusDays(30)));
        source.resolutions.add(new ReportSource.ResolutionRow("district", "RU-ROS", "Tractor Factory", MatchMethod.UNRESOLVED,
                null, 0.4, 2));
        source.resolutions.add(new ReportSource.ResolutionRow("region", "RU-ROS", "Rostovskaya", MatchMethod.ALIAS,
                "Rostov Oblast", 1.0, 3));

        try (PeriodReport report = new PeriodSweep(source, Places.of(Gazetteer.bundled()), WEEK).workIn(output).run()) {
            assertThat(report.unresolvedNames()).extracting(UnresolvedName::kind, UnresolvedName::input,
                    UnresolvedName::region, UnresolvedName::rows).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("district", "Tractor Factory", "Rostov Oblast", 2L),
                    org.assertj.core.groups.Tuple.tuple("region", "Ростовская обл", null, 1L));
            assertThat(report.unresolvedNames().get(0).reason()).endsWith(MergedIncident.UNRESOLVED_SUFFIX);
            assertThat(report.unresolvedNames().get(1).candidates()).isNotEmpty()
                    .first().satisfies(c -> assertThat(c.name()).isEqualTo("Rostov Oblast"));
            assertThat(report.resolutions()).extracting(Resolution::kind, Resolution::region, Resolution::canonical)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("region", "Rostov Oblast", "Rostov Oblast"),
                            org.assertj.core.groups.Tuple.tuple("district", "Rostov Oblast", null));
        }
    }

    @Test
    void aNightFarFromTheRestIsNamedWithItsRows() {
        MemoryReportSource source = fourWeeks();
        source.add(report(LocalDate.parse("2026-03-14"), "News", null, "debris", null, null));
        Period march = new Period("2026-W11", LocalDate.parse("2026-03-09"), LocalDate.parse("2026-03-15"));

        try (PeriodReport report = sweep(source, march).run()) {
            assertThat(report.farDates()).singleElement().satisfies(far -> {
                assertThat(far.night()).isEqualTo("2026-03-14");
                assertThat(far.line()).isEqualTo(line);
            });
        }
    }
}
