package com.incidenttally.job;

import com.incidenttally.incident.Reason;
import com.incidenttally.incident.Rejection;
import com.incidenttally.incident.RejectionKind;
import com.incidenttally.tally.FarDate;
import com.incidenttally.tally.RejectionReasons;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;

class ConsoleTextTests {

    @Test
    void lineBreaksAndControlCharactersCannotStartALine() {
        assertThat(ConsoleText.line("a\nDone: 0 rows\r\tb\u001B[2Jc\u0085d\u2028e\u202Ef"))
                .isEqualTo("a\\nDone: 0 rows\\r\\tb\\u001B[2Jc\\u0085d\\u2028e\\u202Ef")
                .doesNotContain("\n", "\r", "\u001B");
        assertThat(ConsoleText.line("Ростовская область.csv")).isEqualTo("Ростовская область.csv");
    }

    @Test
    void nounsAgreeWithTheirCount() {
        assertThat(ConsoleText.count(1, "file")).isEqualTo("1 file");
        assertThat(ConsoleText.count(0, "file")).isEqualTo("0 files");
        assertThat(ConsoleText.count(1234, "row")).isEqualTo("1,234 rows");
        assertThat(ConsoleText.count(1, "rowWas")).isEqualTo("1 row was");
    }

    @Test
    void periodsAreWrittenAsPeopleSayThem() {
        assertThat(ConsoleText.period("2026-W48", LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 29)))
                .isEqualTo("2026-W48 (23–29 Nov)");
        assertThat(ConsoleText.dates(LocalDate.of(2026, 1, 26), LocalDate.of(2026, 2, 1))).isEqualTo("26 Jan – 1 Feb");
        assertThat(ConsoleText.dates(LocalDate.of(2025, 12, 29), LocalDate.of(2026, 1, 4)))
                .isEqualTo("29 Dec 2025 – 4 Jan 2026");
        assertThat(ConsoleText.dates(LocalDate.of(2025, 12, 7), LocalDate.of(2025, 12, 7))).isEqualTo("7 Dec");
    }

    private static Rejection row(String column, Reason reason) {
        return new Rejection("reports.csv", 5, column, "x", reason, "raw");
    }

    @Test
    void rejectedRowsAreCountedByReasonCommonestFirst() {
        RejectionReasons reasons = new RejectionReasons();
        reasons.accept(row("region", Reason.of(RejectionKind.UNKNOWN_REGION)));
        reasons.accept(row("region", Reason.of(RejectionKind.UNKNOWN_REGION_NOTED, "names several regions: A, B")));
        reasons.accept(row("region", Reason.of(RejectionKind.UNKNOWN_REGION)));
        reasons.accept(row("occurred_at", Reason.of(RejectionKind.UNPARSEABLE_DATE, "31.02.2025")));
        reasons.accept(row("occurred_at", Reason.of(RejectionKind.UNPARSEABLE_DATE, "yesterday")));

        assertThat(ConsoleText.rejected(reasons)).containsExactly(
                "Rejected 5 rows: 3 unknown region, 2 unparseable date/time (each with its file and line in rejected.csv)");
    }

    @Test
    void aPeriodsRejectionsSayWhatIsNewWhatIsUndatedAndHowManyOtherPeriodsHold() {
        RejectionReasons reasons = new RejectionReasons();
        reasons.accept(row("region", Reason.of(RejectionKind.UNKNOWN_REGION)));
        reasons.accept(row("occurred_at", Reason.of(RejectionKind.UNPARSEABLE_DATE, "yesterday")));

        assertThat(ConsoleText.rejected(reasons, 1, 1, 1_204)).containsExactly(
                "Rejected 2 rows: 1 unknown region, 1 unparseable date/time (each with its file and line in rejected.csv)",
                "Of the rejected rows: 1 new since the last run, 1 with no usable date (shown in every report until fixed)",
                "1,204 more rows were rejected on nights outside this period: see rejected.csv of the report of all"
                        + " nights (run with no --week, --from or --to)");
        assertThat(ConsoleText.rejected(reasons, 0, 0, 0)).containsExactlyElementsOf(ConsoleText.rejected(reasons));
        assertThat(ConsoleText.rejected(new RejectionReasons(), 0, 0, 1)).containsExactly(
                "1 more row was rejected on nights outside this period: see rejected.csv of the report of all nights"
                        + " (run with no --week, --from or --to)");
    }

    @Test
    void farDatesAreOneWarningNamingAFewRows() {
        List<FarDate> rows = new java.util.ArrayList<>();
        for (int line = 2; line < 9; line++) {
            rows.add(new FarDate("a.csv", line, LocalDate.parse("2026-03-14"), 73));
        }

        assertThat(ConsoleText.farDates(List.of())).isEmpty();
        assertThat(ConsoleText.farDates(rows)).singleElement().asString()
                .startsWith("Warning: 7 rows dated far from every other night (30+ days), counted all the same;"
                        + " check their dates: a.csv:2 (night 2026-03-14/15, 73 days away), a.csv:3")
                .endsWith("a.csv:6 (night 2026-03-14/15, 73 days away) and 2 more (see Data quality)");
    }

    @Test
    void pastFiveReasonsTheRestAreCountedTogether() {
        RejectionReasons reasons = new RejectionReasons();
        Reason[] kinds = {Reason.of(RejectionKind.UNKNOWN_REGION), Reason.of(RejectionKind.UNKNOWN_EVENT_TYPE),
                Reason.of(RejectionKind.UNPARSEABLE_DATE, "x"), Reason.of(RejectionKind.UNPARSEABLE_NIGHT, "x"),
                Reason.of(RejectionKind.ROW_TOO_LONG), Reason.of(RejectionKind.DATE_TOO_EARLY, "2000-01-01"),
                Reason.of(RejectionKind.NOT_UTF8, "source")};
        for (int i = 0; i < kinds.length; i++) {
            for (int n = 0; n <= kinds.length - i; n++) {
                reasons.accept(row("(row)", kinds[i]));
            }
        }

        assertThat(ConsoleText.rejected(reasons)).singleElement().asString()
                .startsWith("Rejected 35 rows: 8 unknown region, 7 unknown event type, 6 unparseable date/time,"
                        + " 5 unparseable night, 4 a field too long to read, 5 for 2 other reasons");
    }

    @Test
    void aFewFilesRejectedWholeAreNamedAndManyAreCounted() {
        RejectionReasons few = new RejectionReasons();
        few.accept(new Rejection("photo\n.csv", 0, "(file)", null, Reason.of(RejectionKind.FILE_REJECTED, "not a text file"), null));
        assertThat(ConsoleText.rejected(few)).containsExactly("Rejected 1 file whole: photo\\n.csv (not a text file)");

        RejectionReasons many = new RejectionReasons();
        for (int i = 0; i < 5; i++) {
            many.accept(new Rejection("f" + i + ".csv", 0, "(file)", null,
                    Reason.of(RejectionKind.FILE_REJECTED, "missing required column: source"), null));
        }
        assertThat(ConsoleText.rejected(many)).containsExactly("Rejected 5 files whole: 5 missing required column");
        assertThat(ConsoleText.rejected(new RejectionReasons())).isEmpty();
    }

    @Test
    void everyLineIsStampedWithTheLocalTimeAndItsOffset() {
        java.time.ZonedDateTime monday = java.time.ZonedDateTime.parse("2026-12-07T06:30:04+03:00[Europe/Moscow]");

        assertThat(ConsoleText.stamped("Done: 1 row\nExit code 4: why", monday)).isEqualTo(
                "2026-12-07 06:30:04 +03:00 Done: 1 row" + System.lineSeparator() + "2026-12-07 06:30:04 +03:00 Exit code 4: why");
        assertThat(ConsoleText.stamped("x", monday.withZoneSameInstant(java.time.ZoneOffset.UTC)))
                .isEqualTo("2026-12-07 03:30:04 +00:00 x");
    }

    @Test
    void durationsReadAsPeopleSayThem() {
        assertThat(ConsoleText.duration(java.time.Duration.ofMillis(850))).isEqualTo("850 ms");
        assertThat(ConsoleText.duration(java.time.Duration.ofMillis(4_240))).isEqualTo("4.2 s");
        assertThat(ConsoleText.duration(java.time.Duration.ofMillis(125_400))).isEqualTo("2 min 05 s");
    }
}
