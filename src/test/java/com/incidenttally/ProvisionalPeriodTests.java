package com.incidenttally;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report of a period whose last night is not over in every region is provisional, and says so
 * in summary.json, on the Summary and on the console (issue 19 item 4). Week 2025-W49 ends with the
 * night of 7–8 December: over at noon on the 8th in Kaliningrad and Kyiv, 10:00 UTC.
 */
class ProvisionalPeriodTests {

    private static final String WEEK = "--week=2025-W49";

    @Test
    void aMondayMorningReportIsProvisionalUntilTheLastNightIsOverEverywhere(@TempDir Path dir) throws Exception {
        ConsoleLines.Run run = ConsoleLines.run("--input=" + input(dir), "--output=" + dir.resolve("out"), memoryStore(), WEEK,
                "--now=2025-12-08T06:30:00Z");
        assertThat(run.code()).as(run.output()).isZero();

        JsonNode period = json(dir).get("period");
        assertThat(period.get("complete").asBoolean()).isFalse();
        assertThat(period.get("complete_at").asString()).isEqualTo("2025-12-08T10:00:00Z");
        assertThat(run.output()).contains("Provisional: the night of 7–8 Dec is not over in every region until"
                + " 2025-12-08 10:00 UTC");
        try (XSSFWorkbook workbook = workbook(dir)) {
            assertThat(texts(workbook.getSheet("Summary"))).anyMatch(text -> text.startsWith("Provisional: the night of 7–8"
                    + "\u00a0Dec is not over in every region yet; the period is complete at 8 Dec 2025 10:00 UTC."));
            // The week of the trend is drawn as a part week, not a whole one.
            Row week = lastWeek(workbook.getSheet("Summary"));
            assertThat(week.getCell(1).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(week.getCell(2).getNumericCellValue()).isPositive();
        }
    }

    @Test
    void atTheLastNoonTheReportIsCompleteAndSaysNothingOfIt(@TempDir Path dir) throws Exception {
        ConsoleLines.Run run = ConsoleLines.run("--input=" + input(dir), "--output=" + dir.resolve("out"), memoryStore(), WEEK,
                "--now=2025-12-08T10:00:00Z");
        assertThat(run.code()).as(run.output()).isZero();

        JsonNode period = json(dir).get("period");
        assertThat(period.get("complete").asBoolean()).isTrue();
        assertThat(period.get("complete_at").asString()).isEqualTo("2025-12-08T10:00:00Z");
        assertThat(run.output()).doesNotContain("Provisional");
        try (XSSFWorkbook workbook = workbook(dir)) {
            assertThat(texts(workbook.getSheet("Summary"))).noneMatch(text -> text.startsWith("Provisional"));
            Row week = lastWeek(workbook.getSheet("Summary"));
            assertThat(week.getCell(1).getNumericCellValue()).isPositive();
            assertThat(week.getCell(2).getCellType()).isEqualTo(CellType.BLANK);
        }
    }

    @Test
    void aProvisionalReportIsWrittenAgainOnceThePeriodIsComplete(@TempDir Path dir) throws Exception {
        String store = memoryStore();
        Path input = input(dir);
        assertThat(ConsoleLines.run("--input=" + input, "--output=" + dir.resolve("out"), store, WEEK, "--now=2025-12-08T06:30:00Z").code())
                .isZero();
        assertThat(json(dir).get("period").get("complete").asBoolean()).isFalse();

        // Nothing in the store changed, but the clock did: the report is no longer the one to keep.
        ConsoleLines.Run later = ConsoleLines.run("--input=" + input, "--output=" + dir.resolve("out"), store, WEEK,
                "--now=2025-12-08T12:00:00Z");
        assertThat(later.code()).as(later.output()).isZero();
        assertThat(later.output()).contains("Report written to").doesNotContain("Report unchanged");
        assertThat(json(dir).get("period").get("complete").asBoolean()).isTrue();
    }

    @Test
    void aZoneGivenOnTheCommandLineMovesTheEnd(@TempDir Path dir) throws Exception {
        // A region put west of every other moves the end to its noon.
        ConsoleLines.Run run = ConsoleLines.run("--input=" + input(dir), "--output=" + dir.resolve("out"), memoryStore(), WEEK,
                "--now=2025-12-08T10:30:00Z", "--zone=RU-ROS=Europe/London");
        assertThat(run.code()).as(run.output()).isZero();
        JsonNode period = json(dir).get("period");
        assertThat(period.get("complete").asBoolean()).isFalse();
        assertThat(period.get("complete_at").asString()).isEqualTo("2025-12-08T12:00:00Z");
    }

    /** Two whole weeks of nights, 2025-W48 and 2025-W49, the second ending on the night of 7–8 December. */
    private static Path input(Path dir) throws IOException {
        Path input = Files.createDirectories(dir.resolve("input"));
        Files.writeString(input.resolve("two-weeks.csv"), """
                occurred_at,region,event_type,source
                2025-11-24 23:00,Rostov Oblast,shot_down,Governor
                2025-11-29 22:10,Kursk Oblast,shot_down,Governor
                2025-12-03 23:00,Belgorod Oblast,impact,Governor
                2025-12-07 23:40,Kursk Oblast,shot_down,Governor
                """);
        return input;
    }

    private static Row lastWeek(Sheet summary) {
        Row header = null;
        Row last = null;
        for (Row row : summary) {
            Cell first = row.getCell(0);
            String text = first != null && first.getCellType() == CellType.STRING ? first.getStringCellValue() : "";
            if (text.equals("Week from")) {
                header = row;
            } else if (header != null && row.getCell(3) != null && row.getCell(3).getCellType() == CellType.NUMERIC) {
                last = row;
            } else if (header != null && last != null) {
                break;
            }
        }
        assertThat(last).as("the weekly trend's table").isNotNull();
        return last;
    }

    private static List<String> texts(Sheet sheet) {
        List<String> texts = new ArrayList<>();
        sheet.forEach(row -> row.forEach(cell -> {
            if (cell.getCellType() == CellType.STRING) {
                texts.add(cell.getStringCellValue());
            }
        }));
        return texts;
    }

    private static JsonNode json(Path dir) throws IOException {
        return new ObjectMapper().readTree(dir.resolve("out/2025-W49/summary.json").toFile());
    }

    private static XSSFWorkbook workbook(Path dir) throws IOException {
        try (InputStream in = Files.newInputStream(dir.resolve("out/2025-W49/incident-report-2025-W49.xlsx"))) {
            return new XSSFWorkbook(in);
        }
    }

    private static String memoryStore() {
        return "--db=jdbc:h2:mem:provisional-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }
}
