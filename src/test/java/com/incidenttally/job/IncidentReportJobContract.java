package com.incidenttally.job;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole job on real files: the bundled sample and a fixture of bad rows, with every output
 * reopened and read. Run against each store the job supports, by the subclasses.
 */
@SpringBatchTest
abstract class IncidentReportJobContract {

    static final Instant CLOCK = Instant.parse("2025-12-10T09:00:00Z");
    static final List<String> SHEETS = List.of("Summary", "Map", "By region", "By district", "By night", "Region x night",
            "Incidents", "Data quality", "Sources", "Run info");

    @Autowired
    private JobOperatorTestUtils jobOperatorTestUtils;

    private final ObjectMapper json = new ObjectMapper();
    private long runId = System.nanoTime();

    /**
     * A finished run. (Wrapped: @SpringBatchTest would take a method returning a JobExecution for a
     * factory of its own.)
     */
    private record Finished(JobExecution execution) {
    }

    private Finished run(Path input, Path output, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("--input=" + input, "--output=" + output, "--now=" + CLOCK));
        args.addAll(List.of(options));
        RunOptions parsed = RunOptions.parse(args.toArray(String[]::new), Map.of(), CLOCK);
        return new Finished(jobOperatorTestUtils.startJob(RunParameters.of(parsed).toJobParameters(++runId)));
    }

    @Test
    void sampleNightOfSevenToEightDecemberIsSevenIncidents(@TempDir Path output) throws Exception {
        JobExecution execution = run(Path.of("input"), output).execution();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(readCount(execution, "ingestStep")).isEqualTo(14 + 2);  // 14 rows and the end of each of 2 files
        Path report = output.resolve("all");
        assertThat(report.resolve("incident-report-all.xlsx")).isRegularFile();

        JsonNode summary = json.readTree(report.resolve("summary.json").toFile());
        assertThat(summary.get("label").asString()).isEqualTo("all");
        assertThat(summary.get("period").get("from").asString()).isEqualTo("2025-12-07");
        assertThat(summary.get("period").get("to").asString()).isEqualTo("2025-12-07");
        assertThat(names(summary)).containsExactly("label", "period", "rows", "totals", "by_region", "by_district", "by_night",
                "sources");
        assertThat(names(summary.get("rows"))).containsExactlyInAnyOrder("read", "accepted", "rejected", "merged");
        assertThat(summary.get("rows").get("read").asLong()).isEqualTo(14);
        assertThat(summary.get("rows").get("accepted").asLong()).isEqualTo(14);
        assertThat(summary.get("rows").get("rejected").asLong()).isZero();
        assertThat(summary.get("rows").get("merged").asLong()).isEqualTo(7);
        JsonNode totals = summary.get("totals");
        assertThat(names(totals)).containsExactlyInAnyOrder("incidents", "uav_reported", "incidents_unknown_count",
                "killed", "injured", "regions", "districts", "nights", "sea_areas", "unresolved_districts");
        assertThat(totals.get("incidents").asLong()).isEqualTo(7);
        assertThat(totals.get("uav_reported").asLong()).isEqualTo(1);
        assertThat(totals.get("incidents_unknown_count").asLong()).isEqualTo(6);
        assertThat(totals.get("regions").asLong()).isEqualTo(3);
        assertThat(totals.get("districts").asLong()).isEqualTo(6);
        assertThat(totals.get("nights").asLong()).isEqualTo(1);
        assertThat(totals.get("sea_areas").asLong()).isZero();
        assertThat(totals.get("killed").asLong()).isZero();
        assertThat(totals.get("injured").asLong()).isZero();

        assertThat(regionCounts(summary)).containsExactly(
                Map.entry("Rostov Oblast|RU-ROS", 5L), Map.entry("Smolensk Oblast|RU-SMO", 1L),
                Map.entry("Volgograd Oblast|RU-VGG", 1L));
        List<String> districts = new ArrayList<>();
        summary.get("by_district").forEach(d -> districts.add(d.get("region").asString() + " / "
                + (d.get("district").isNull() ? "-" : d.get("district").asString()) + " / " + d.get("incidents").asLong()));
        assertThat(districts).containsExactly(
                "Rostov Oblast / Bokovsky District / 1", "Rostov Oblast / Chertkovsky District / 1",
                "Rostov Oblast / Millerovsky District / 1", "Rostov Oblast / Sholokhovsky District / 1",
                "Rostov Oblast / Verkhnedonskoy District / 1", "Smolensk Oblast / - / 1",
                "Volgograd Oblast / Traktorozavodsky District / 1");
        assertThat(summary.get("by_night")).hasSize(1);
        assertThat(summary.get("by_night").get(0).get("night").asString()).isEqualTo("2025-12-07/08");
        assertThat(summary.get("by_night").get(0).get("incidents").asLong()).isEqualTo(7);

        try (Workbook workbook = open(report.resolve("incident-report-all.xlsx"))) {
            assertThat(sheetNames(workbook)).isEqualTo(SHEETS);
            Sheet incidents = workbook.getSheet("Incidents");
            Map<String, Integer> columns = header(incidents);
            List<Row> rows = dataRows(incidents, columns);
            assertThat(rows).hasSize(7);
            Row volgograd = rows.stream()
                    .filter(r -> text(r, columns.get("Region")).equals("Volgograd Oblast")).findFirst().orElseThrow();
            assertThat(text(volgograd, columns.get("Location"))).contains("Lodygina Street");
            assertThat(text(volgograd, columns.get("Measures"))).contains("temporary accommodation points");
            assertThat(text(volgograd, columns.get("Sources")))
                    .isEqualTo("Governor Andrey Bocharov (Telegram); News digest (evening edition)");
            Cell evening = volgograd.getCell(columns.get("Evening date"));
            assertThat(evening.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(evening)).isTrue();
            assertThat(evening.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.parse("2025-12-07"));

            String quality = allText(workbook.getSheet("Data quality"));
            assertThat(quality).contains("Boksskoye", "Verhnedonneskoye", "Sholkhovskoye", "Chertkovskoye", "fuzzy",
                    "transliterated", "Traktorozavodsky District");
        }

        List<Path> charts = pngs(report.resolve("charts"));
        assertThat(charts).extracting(p -> p.getFileName().toString()).contains("incidents-by-night.png",
                "incidents-by-region.png", "top-districts.png", "region-night-heatmap.png");
        for (Path chart : charts) {
            BufferedImage image = ImageIO.read(chart.toFile());
            assertThat(image).as(chart.toString()).isNotNull();
            assertThat(image.getWidth()).isGreaterThanOrEqualTo(1600);
            assertThat(image.getHeight()).isGreaterThanOrEqualTo(900);
        }
    }

    @Test
    void badRowsAreRejectedWithTheirLineAndTheRestIsCounted(@TempDir Path input, @TempDir Path output) throws Exception {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/e2e/bad-rows"))) {
            for (Path file : files.toList()) {
                Files.copy(file, input.resolve(file.getFileName()));
            }
        }
        Files.writeString(input.resolve("long-note.csv"), "occurred_at,region,event_type,source,notes\n"
                + "2025-12-08 05:00,Kursk Oblast,debris,Governor (Telegram)," + "n".repeat(40_000) + "\n");

        JobExecution execution = run(input, output).execution();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path report = output.resolve("all");
        List<String> rejected = rejectedRows(report.resolve("rejected.csv"));
        assertThat(rejected).containsExactly(
                "no-region-column.csv|0|(file)||file rejected: no column for region; found 'occurred_at', 'district',"
                        + " 'event_type', 'source'; map them with --columns (see docs/input.md)",
                "reports.csv|3|region|Atlantis|unknown region: not a federal subject or region in the gazetteer",
                "reports.csv|4|uav_count|'-2|a count cannot be negative",
                "reports.csv|7|event_type|exploded|unknown event type: expected shot_down, debris, impact or attack",
                "reports.csv|8|occurred_at|2026-12-08 02:30|date in the future: after the run's clock 2025-12-10T12:00 local time");

        JsonNode summary = json.readTree(report.resolve("summary.json").toFile());
        assertThat(summary.get("rows").get("read").asLong()).isEqualTo(7);
        assertThat(summary.get("rows").get("accepted").asLong()).isEqualTo(3);
        assertThat(summary.get("rows").get("rejected").asLong()).isEqualTo(4);
        assertThat(summary.get("totals").get("incidents").asLong()).isEqualTo(3);

        try (Workbook workbook = open(report.resolve("incident-report-all.xlsx"))) {
            Sheet incidents = workbook.getSheet("Incidents");
            Map<String, Integer> columns = header(incidents);
            List<Row> rows = dataRows(incidents, columns);
            Row rostov = rows.stream().filter(r -> text(r, columns.get("Region")).equals("Rostov Oblast")).findFirst()
                    .orElseThrow();
            Cell location = rostov.getCell(columns.get("Location"));
            assertThat(location.getCellType()).isEqualTo(CellType.STRING);
            assertThat(location.getStringCellValue()).isEqualTo("=HYPERLINK(\"http://example.org\",\"click\")");
            Row kursk = rows.stream().filter(r -> text(r, columns.get("Region")).equals("Kursk Oblast")).findFirst()
                    .orElseThrow();
            String note = text(kursk, columns.get("Notes"));
            assertThat(note).hasSizeLessThanOrEqualTo(32_767).endsWith("[cut: 40,000 characters]");

            Sheet runInfo = workbook.getSheet("Run info");
            assertThat(allText(runInfo)).contains("reports.csv", "no-region-column.csv", "long-note.csv");
        }
    }

    @Test
    void nulAndOtherControlCharactersAreRemovedAndEveryStoreHoldsTheSameRows(@TempDir Path input, @TempDir Path output)
            throws Exception {
        Files.writeString(input.resolve("controls.csv"), "occurred_at,region,district,event_type,source,notes,ex\u0000tra\n"
                + "2025-12-07 23:50,Rostov\u0000 region,Chertkovsky\u0001,shot_down,Governor\u0000 (Telegram),"
                + "\"bell\u0007 and escape\u001B;\ttab\r\nnext line\",x\n"
                + "2025-12-07 23:55,Rostov region,,debris\u007F,News\u000B digest,\u0000,\n"
                + "2025-12-08 01:00,Atl\u0000antis,,impact,Source\u0000 C,,\n");

        JobExecution execution = run(input, output).execution();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path report = output.resolve("all");
        JsonNode summary = json.readTree(report.resolve("summary.json").toFile());
        assertThat(summary.get("rows").get("read").asLong()).isEqualTo(3);
        assertThat(summary.get("rows").get("accepted").asLong()).isEqualTo(2);
        assertThat(regionCounts(summary)).containsExactly(Map.entry("Rostov Oblast|RU-ROS", 2L));
        assertThat(rejectedRows(report.resolve("rejected.csv"))).containsExactly(
                "controls.csv|5|region|Atlantis|unknown region: not a federal subject or region in the gazetteer");
        assertThat(Files.readString(report.resolve("rejected.csv"))).doesNotContain("\u0000");
        try (Workbook workbook = open(report.resolve("incident-report-all.xlsx"))) {
            Sheet incidents = workbook.getSheet("Incidents");
            Map<String, Integer> columns = header(incidents);
            assertThat(dataRows(incidents, columns)).extracting(r -> text(r, columns.get("Sources")))
                    .containsExactlyInAnyOrder("Governor (Telegram)", "News digest");
            assertThat(dataRows(incidents, columns)).extracting(r -> text(r, columns.get("District")))
                    .contains("Chertkovsky District");
            assertThat(allText(incidents)).contains("bell and escape;\ttab\r\nnext line");
            assertThat(allText(workbook.getSheet("Data quality"))).contains("extra");
        }
    }

    @Test
    void oddInputCostsOnlyItsOwnRowsAndTheReportIsWritten(@TempDir Path input, @TempDir Path output) throws Exception {
        Files.writeString(input.resolve("odd.csv"), "occurred_at,region,event_type,uav_count,source,notes\n"
                + "2025-12-08 01:00,Kursk Oblast,debris,1,A,\"he said \"\"hi\"\" and \"left\"\n"
                + "2025-12-08 01:10,Kursk Oblast,debris,1,B,one\n"
                + "2025-12-08 01:20,Kursk Oblast,debris,1,C,two\n"
                + "1980-12-07 23:00,Kursk Oblast,debris,1,D,\n"
                + "0001-12-07,Kursk Oblast,debris,1,E,\n"
                + "2025-12-08 01:30,Kursk Oblast,debris,2147483647,F,\n"
                + "2025-12-08 01:40,Kursk Oblast,debris,1,\u00A0\u200B\uFEFF,\n"
                + "2025-12-08 01:50,Kursk Oblast,impact,1,G,\"line one\rline two\"");
        byte[] utf8 = ("occurred_at,region,event_type,source\n"
                + "2025-12-08 02:00,Ростовская область,сбит,Губернатор\n"
                + "2025-12-08 02:10,Ростовская область,сбит,Губер?натор\n"
                + "2025-12-08 02:20,Белгородская область,сбит,Губернатор\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < utf8.length; i++) {
            if (utf8[i] == '?') {
                utf8[i] = (byte) 0xFF;
            }
        }
        Files.write(input.resolve("one-bad-byte.csv"), utf8);

        JobExecution execution = run(input, output).execution();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path report = output.resolve("all");
        assertThat(rejectedRows(report.resolve("rejected.csv"))).containsExactly(
                "odd.csv|2|(row)||unbalanced quotes: the quoted field opened on line 2 closes before more text"
                        + " (a quote inside a quoted field is written \"\"); line 2 is rejected and the lines after it are read on",
                "odd.csv|5|occurred_at|1980-12-07 23:00|date out of range: nights from 2000-01-01 up to the run's clock are supported",
                "odd.csv|6|occurred_at|0001-12-07|date out of range: nights from 2000-01-01 up to the run's clock are supported",
                "odd.csv|7|uav_count|2147483647|too large: a count may be at most 100,000",
                "odd.csv|8|source|\u00A0\u200B\uFEFF|missing value: source is required",
                "one-bad-byte.csv|3|(row)||not valid UTF-8 in column source: fix those characters, or save the whole file as CSV UTF-8");
        JsonNode summary = json.readTree(report.resolve("summary.json").toFile());
        assertThat(summary.get("rows").get("read").asLong()).isEqualTo(11);
        assertThat(summary.get("rows").get("accepted").asLong()).isEqualTo(5);
        assertThat(summary.get("rows").get("rejected").asLong()).isEqualTo(6);
        assertThat(summary.get("totals").get("nights").asLong()).isEqualTo(1);
        try (Workbook workbook = open(report.resolve("incident-report-all.xlsx"))) {
            assertThat(allText(workbook.getSheet("Incidents"))).contains("Rostov Oblast", "Belgorod Oblast");
        }
    }

    @Test
    void placesAsRealPostsWriteThemAreCountedAndANameOfSeveralRegionsIsRejectedWithThem(@TempDir Path input,
                                                                                       @TempDir Path output) throws Exception {
        Files.writeString(input.resolve("ministry.csv"), """
                occurred_at,region,district,event_type,uav_count,source
                2025-12-08 01:10,Белгородской областью,,shot_down,3,Минобороны России
                2025-12-08 01:20,Республикой Крым,,shot_down,2,Минобороны России
                2025-12-08 01:30,Московского региона,Домодедовского района,shot_down,1,Минобороны России
                2025-12-08 01:40,акваторией Чёрного моря,,shot_down,4,Минобороны России
                2025-12-08 01:50,Kharkivska oblast,Krasnohradskyi raion,shot_down,1,Минобороны России
                2025-12-08 02:00,Донбасса,,shot_down,5,Минобороны России
                """);

        JobExecution execution = run(input, output).execution();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path report = output.resolve("all");
        assertThat(rejectedRows(report.resolve("rejected.csv"))).containsExactly(
                "ministry.csv|7|region|Донбасса|unknown region: names several regions: Donetsk Oblast, Luhansk Oblast");
        JsonNode summary = json.readTree(report.resolve("summary.json").toFile());
        assertThat(summary.get("rows").get("accepted").asLong()).isEqualTo(5);
        assertThat(summary.get("totals").get("incidents").asLong()).isEqualTo(5);
        assertThat(regionCounts(summary)).contains(Map.entry("Belgorod Oblast|RU-BEL", 1L), Map.entry("Crimea|UA-43", 1L),
                Map.entry("Moscow Oblast|RU-MOS", 1L), Map.entry("Black Sea|SEA-BLACK", 1L),
                Map.entry("Kharkiv Oblast|UA-63", 1L));
        try (Workbook workbook = open(report.resolve("incident-report-all.xlsx"))) {
            String quality = allText(workbook.getSheet("Data quality"));
            assertThat(quality).contains("Krasnohradskyi raion", "Berestynskyi Raion", "former name",
                    "Домодедовского района", "Domodedovo Urban Okrug", "Московского региона", "wider name");
            assertThat(quality).doesNotContain("Белгородской областью", "Республикой Крым", "акваторией Чёрного моря");
        }
    }

    @Test
    void aWeekIsComparedWithTheWeekBeforeAndTheTrendCoversTheStore(@TempDir Path input, @TempDir Path output)
            throws Exception {
        StringBuilder rows = new StringBuilder("night,region,district,event_type,source\n");
        // Two incidents in 2025-W48, three in 2025-W49 (one the night of Sunday 7 December), one in 2025-W50.
        for (String row : new String[] {
                "2025-11-24,Belgorod Oblast,Shebekinsky,impact,A", "2025-11-26,Kursk Oblast,,shot_down,A",
                "2025-12-01,Belgorod Oblast,Shebekinsky,impact,A", "2025-12-03,Belgorod Oblast,,debris,A",
                "2025-12-07,Rostov Oblast,Chertkovsky,shot_down,A", "2025-12-08,Rostov Oblast,,shot_down,A"}) {
            rows.append(row).append('\n');
        }
        Files.writeString(input.resolve("three-weeks.csv"), rows);

        JobExecution execution = run(input, output, "--week=2025-W49").execution();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path report = output.resolve("2025-W49");
        JsonNode summary = json.readTree(report.resolve("summary.json").toFile());
        assertThat(summary.get("label").asString()).isEqualTo("2025-W49");
        assertThat(summary.get("period").get("from").asString()).isEqualTo("2025-12-01");
        assertThat(summary.get("period").get("to").asString()).isEqualTo("2025-12-07");
        assertThat(summary.get("totals").get("incidents").asLong()).isEqualTo(3);
        assertThat(summary.get("by_night")).hasSize(7);
        assertThat(regionCounts(summary)).containsExactly(Map.entry("Belgorod Oblast|RU-BEL", 2L),
                Map.entry("Rostov Oblast|RU-ROS", 1L));

        assertThat(report.resolve("charts/weekly-trend.png")).isRegularFile();
        try (Workbook workbook = open(report.resolve("incident-report-2025-W49.xlsx"))) {
            String text = allText(workbook.getSheet("Summary"));
            assertThat(text).contains("Kursk Oblast").doesNotContain("There is no previous period");
        }
    }

    @Test
    void aPeriodWithNoIncidentsStillGetsAReportThatSaysSo(@TempDir Path output) throws Exception {
        JobExecution execution = run(Path.of("input"), output, "--from=2025-11-01", "--to=2025-11-03").execution();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path report = output.resolve("2025-11-01_2025-11-03");
        JsonNode summary = json.readTree(report.resolve("summary.json").toFile());
        assertThat(summary.get("totals").get("incidents").asLong()).isZero();
        assertThat(summary.get("by_region")).isEmpty();
        try (Workbook workbook = open(report.resolve("incident-report-2025-11-01_2025-11-03.xlsx"))) {
            assertThat(sheetNames(workbook)).isEqualTo(SHEETS);
            assertThat(allText(workbook.getSheet("Incidents"))).contains("No incidents");
        }
    }

    @Test
    void anEarlierVersionsReportIsReplacedAndNothingElseInTheOutputFolderIsTouched(@TempDir Path output)
            throws Exception {
        // The version before this one wrote a real folder; a person keeps notes beside it; a killed
        // run of this version left its half-written report folder.
        Path earlier = Files.createDirectories(output.resolve("all/charts")).getParent();
        for (String file : List.of("incident-report-all.xlsx", "summary.json", "rejected.csv", "charts/weekly-trend.png")) {
            Files.writeString(earlier.resolve(file), "earlier");
        }
        Path notes = Files.writeString(output.resolve("notes.txt"), "mine");
        Path usersHidden = Files.createDirectories(output.resolve(".all.writing-" + java.util.UUID.randomUUID()));
        Files.writeString(usersHidden.resolve("thesis.docx"), "t");
        Path killed = Files.createDirectories(output.resolve(".all.report-" + java.util.UUID.randomUUID() + "/.temp"))
                .getParent();
        Files.writeString(killed.resolve(".incident-tally-report"),
                "incident-tally report folder: written by incident-tally, replaced and deleted by it\n");

        JobExecution execution = run(Path.of("input"), output).execution();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path report = output.resolve("all");
        assertThat(report).isSymbolicLink();
        assertThat(json.readTree(report.resolve("summary.json").toFile()).get("totals").get("incidents").asLong())
                .isEqualTo(7);
        try (Stream<Path> files = Files.list(report)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(".incident-tally-report",
                    "incident-report-all.xlsx", "summary.json", "rejected.csv", "unresolved-names.csv", "incidents.csv",
                    "charts", ".incident-tally-fingerprint");
        }
        assertThat(notes).hasContent("mine");
        assertThat(usersHidden.resolve("thesis.docx")).hasContent("t");
        assertThat(killed).doesNotExist();

        // The next run removes the earlier version's folder it moved aside, and nothing else.
        assertThat(run(Path.of("input"), output).execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        try (Stream<Path> entries = Files.list(output)) {
            // The bundled fonts' folder is the job's own too, kept for the next run (when this JVM put it here).
            assertThat(entries.map(p -> p.getFileName().toString()).filter(name -> !name.startsWith(".all.report-"))
                    .filter(name -> !name.equals(com.incidenttally.report.charts.BundledFonts.FOLDER)))
                    .containsExactlyInAnyOrder("all", "notes.txt", usersHidden.getFileName().toString());
        }
        assertThat(output.resolve(Files.readSymbolicLink(report))).isDirectory();
    }

    @Test
    void theOutputFolderInsideTheInputFolderIsNeverReadBack(@TempDir Path input) throws Exception {
        Files.copy(Path.of("src/test/resources/e2e/bad-rows/reports.csv"), input.resolve("reports.csv"));
        Path output = input.resolve("reports");

        List<Long> rowsRead = new ArrayList<>();
        for (int run = 1; run <= 2; run++) {
            JobExecution execution = run(input, output).execution();

            assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(rejectedRows(output.resolve("all/rejected.csv"))).as("run " + run)
                    .allMatch(row -> row.startsWith("reports.csv|")).hasSize(4);
            rowsRead.add(json.readTree(output.resolve("all/summary.json").toFile()).get("rows").get("read").asLong());
        }
        assertThat(rowsRead).containsExactly(6L, 6L);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void linksInTheInputFolderAreSkippedNotFollowed(@TempDir Path input, @TempDir Path output, CapturedOutput console)
            throws Exception {
        try (Stream<Path> files = Files.list(Path.of("input"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                Files.copy(file, input.resolve(file.getFileName()));
            }
        }
        Path first;
        try (Stream<Path> files = Files.list(input)) {
            first = files.sorted().findFirst().orElseThrow();
        }
        Files.createSymbolicLink(input.resolve("again.csv"), first);
        Files.createSymbolicLink(input.resolve("everything"), Path.of("/"));

        JobExecution execution = run(input, output).execution();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        JsonNode summary = json.readTree(output.resolve("all/summary.json").toFile());
        assertThat(summary.get("rows").get("read").asLong()).isEqualTo(14);
        assertThat(summary.get("totals").get("incidents").asLong()).isEqualTo(7);
        assertThat(console.getOut()).contains("Warning: skipped again.csv: a link", "Warning: skipped everything: a link");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aSpreadsheetOfAnotherFormatIsNamedNotSilentlyLeftOut(@TempDir Path input, @TempDir Path output,
            CapturedOutput console) throws Exception {
        try (Stream<Path> files = Files.list(Path.of("input"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                Files.copy(file, input.resolve(file.getFileName()));
            }
        }
        Files.createDirectories(input.resolve("week"));
        Files.writeString(input.resolve("week/journal.ods"), "PK");

        JobExecution execution = run(input, output).execution();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(json.readTree(output.resolve("all/summary.json").toFile()).get("rows").get("read").asLong())
                .isEqualTo(14);
        assertThat(console.getOut()).contains(
                "Warning: not read: week/journal.ods: .ods files are not input; save it as .xlsx or CSV UTF-8");
    }

    /** file|line|column|value|reason of each rejected.csv record, read back with a CSV parser. */
    static List<String> rejectedRows(Path csv) throws IOException {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv)) {
            List<CsvRecord> records = reader.stream().toList();
            assertThat(records.get(0).getFields()).containsExactly("\uFEFFfile", "line", "column", "value", "reason", "raw",
                    "night", "new", "note");
            return records.stream().skip(1)
                    .map(r -> String.join("|", r.getFields().subList(0, 5)))
                    .toList();
        }
    }

    static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    static List<Map.Entry<String, Long>> regionCounts(JsonNode summary) {
        List<Map.Entry<String, Long>> counts = new ArrayList<>();
        for (JsonNode region : summary.get("by_region")) {
            counts.add(Map.entry(region.get("region").asString() + "|" + region.get("iso_code").asString(),
                    region.get("incidents").asLong()));
        }
        return counts;
    }

    /** Items a step read. (A helper returning a StepExecution would be taken by @SpringBatchTest for its own.) */
    static long readCount(JobExecution execution, String name) {
        return execution.getStepExecutions().stream().filter(s -> s.getStepName().equals(name))
                .mapToLong(StepExecution::getReadCount).findFirst().orElseThrow();
    }

    static Workbook open(Path xlsx) throws IOException {
        try (InputStream in = Files.newInputStream(xlsx)) {
            return new XSSFWorkbook(in);
        }
    }

    static List<String> sheetNames(Workbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    /** Column index by header text, from the first row that has a "Region" header. */
    static Map<String, Integer> header(Sheet sheet) {
        for (int r = 0; r <= 5; r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            Map<String, Integer> columns = new java.util.HashMap<>();
            row.forEach(cell -> {
                if (cell.getCellType() == CellType.STRING) {
                    columns.put(cell.getStringCellValue(), cell.getColumnIndex());
                }
            });
            if (columns.containsKey("Region")) {
                columns.put("#headerRow", r);
                return columns;
            }
        }
        throw new AssertionError("no header row in " + sheet.getSheetName());
    }

    /** The rows under the header that name a region (so no total or note rows). */
    static List<Row> dataRows(Sheet sheet, Map<String, Integer> columns) {
        List<Row> rows = new ArrayList<>();
        for (int r = columns.get("#headerRow") + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row != null && !text(row, columns.get("Region")).isBlank()) {
                rows.add(row);
            }
        }
        return rows;
    }

    static String text(Row row, int column) {
        Cell cell = row.getCell(column);
        return cell == null || cell.getCellType() != CellType.STRING ? "" : cell.getStringCellValue();
    }

    static String allText(Sheet sheet) {
        StringBuilder text = new StringBuilder();
        sheet.forEach(row -> row.forEach(cell -> {
            if (cell.getCellType() == CellType.STRING) {
                text.append(cell.getStringCellValue()).append('\n');
            }
        }));
        return text.toString();
    }

    static List<Path> pngs(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
    }
}
