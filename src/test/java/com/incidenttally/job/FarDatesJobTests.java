package com.incidenttally.job;

import com.incidenttally.ConsoleLines;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static com.incidenttally.job.PeriodScopeJobTests.column;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One typo date (2026-03-14 in October–December data, as the issue found it) is counted, named as a
 * warning with its file and line on Data quality and the console, and its 72 empty nights before it
 * are one marker row on By night and one column on Region x night, never pages of zeros.
 */
class FarDatesJobTests {

    /** Every night from 1 Oct to 31 Dec 2025, one incident each, and one row dated 14 Mar 2026. */
    private static String octoberToDecemberAndOneTypo() {
        StringBuilder csv = new StringBuilder("occurred_at,region,event_type,source\n");
        for (LocalDate night = LocalDate.parse("2025-10-01"); !night.isAfter(LocalDate.parse("2025-12-31"));
                night = night.plusDays(1)) {
            csv.append(night).append(" 22:00,").append(night.getDayOfMonth() % 2 == 0 ? "Kursk Oblast" : "Belgorod Oblast")
                    .append(",shot_down,governor\n");
        }
        // Line 94: 2026 for 2025, and March for November.
        csv.append("2026-03-14 22:00,Kursk Oblast,debris,governor\n");
        return csv.toString();
    }

    @Test
    void aTypoDateIsCountedNamedWithItsLineAndItsEmptyMonthsAreOneMarker(@TempDir Path input, @TempDir Path output,
            @TempDir Path store) throws Exception {
        Files.writeString(input.resolve("autumn.csv"), octoberToDecemberAndOneTypo(), StandardCharsets.UTF_8);

        ConsoleLines.Run run = ConsoleLines.run("--input=" + input, "--output=" + output,
                "--db=jdbc:h2:file:" + store.resolve("incidents"), "--now=2026-03-20T09:00:00Z");

        assertThat(run.code()).as(run.output()).isZero();
        assertThat(run.output()).contains("Warning: 1 row dated far from every other night (30+ days), counted all"
                + " the same; check its date: autumn.csv:94 (night 2026-03-14/15, 73 days away)");
        Path report = output.resolve("all");
        Path xlsx = report.resolve("incident-report-all.xlsx");

        // By night: 92 nights, one marker for the 72 empty ones, the typo's night; the total counts all 93.
        List<String> nights = column(xlsx, "By night", 0);
        assertThat(nights).contains("2025-12-31/2026-01-01", "2026-03-14/15")
                .doesNotContain("2026-01-01/02", "2026-02-15/16", "2026-03-13/14")
                .contains("\u2026 72 nights with no reports: 2026-01-01/02 to 2026-03-13/14 \u2026");
        int marker = nights.indexOf("\u2026 72 nights with no reports: 2026-01-01/02 to 2026-03-13/14 \u2026");
        assertThat(nights.get(marker - 1)).isEqualTo("2025-12-31/2026-01-01");
        assertThat(nights.get(marker + 1)).isEqualTo("2026-03-14/15");
        int total = nights.indexOf("Total");
        assertThat(total).isEqualTo(1 + 92 + 1 + 1);
        List<String> incidents = column(xlsx, "By night", 3);
        assertThat(incidents.get(total)).isEqualTo("93.0");

        // Region x night: the empty stretch is one column; the total is whole.
        List<String> header = PeriodScopeJobTests.row(xlsx, "Region x night", 0);
        assertThat(header).filteredOn(h -> h.startsWith("\u2026 72 nights")).hasSize(1);
        assertThat(header).doesNotContain("2026-02-15/16");

        // Data quality names the row with its file and line.
        List<String> details = column(xlsx, "Data quality", 6);
        int far = details.indexOf("Date far from the rest: night 2026-03-14/15 lies 73 days from the nearest other"
                + " night with reports. Counted all the same: check the date.");
        assertThat(far).isPositive();
        assertThat(column(xlsx, "Data quality", 1).get(far)).isEqualTo("autumn.csv");
        assertThat(column(xlsx, "Data quality", 2).get(far)).isEqualTo("94.0");

        // The typo is counted: figures are not changed by how the nights are shown.
        JsonNode summary = new ObjectMapper().readTree(report.resolve("summary.json").toFile());
        assertThat(summary.path("totals").path("incidents").asLong()).isEqualTo(93);

        // The by-night chart is drawn (its categories are checked in ChartRendererTests).
        BufferedImage chart = ImageIO.read(report.resolve("charts/incidents-by-night.png").toFile());
        assertThat(chart.getWidth()).isPositive();
    }

    @Test
    void aWeekWithoutTheFarNightSaysNothingOfIt(@TempDir Path input, @TempDir Path output, @TempDir Path store)
            throws Exception {
        Files.writeString(input.resolve("autumn.csv"), octoberToDecemberAndOneTypo(), StandardCharsets.UTF_8);

        ConsoleLines.Run run = ConsoleLines.run("--input=" + input, "--output=" + output,
                "--db=jdbc:h2:file:" + store.resolve("incidents"), "--now=2026-03-20T09:00:00Z", "--week=2025-W50");

        assertThat(run.code()).as(run.output()).isZero();
        assertThat(run.output()).doesNotContain("dated far from");
        assertThat(column(output.resolve("2025-W50/incident-report-2025-W50.xlsx"), "Data quality", 6))
                .noneMatch(text -> text.startsWith("Date far from the rest"));
    }
}
