package com.incidenttally;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files in other people's layouts, run through the whole job as cron runs it: the workbook and
 * summary.json reopened, the console read. (Issue 16: header synonyms, --columns, a rejected
 * layout that explains itself, dates and words as people write them.)
 */
class YourOwnFilesTests {

    private static final Path LAYOUTS = Path.of("src/test/resources/layouts");
    private static final String NOW = "--now=2025-12-10T09:00:00Z";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ObjectMapper json = new ObjectMapper();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return IncidentTallyApplication.run(args, Map.of());
    }

    private static String memoryStore() {
        return "--db=jdbc:h2:mem:layouts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    private String stdout() {
        return ConsoleLines.unstamped(out.toString(StandardCharsets.UTF_8));
    }

    private JsonNode summary(Path report) throws IOException {
        return json.readTree(report.resolve("summary.json").toFile());
    }

    /** The three incidents of the night of 7 to 8 December that every layout fixture reports. */
    private void assertThreeIncidentsOfOneNight(Path report, List<String> regions) throws IOException {
        JsonNode summary = summary(report);
        assertThat(summary.get("rows").get("read").asLong()).isEqualTo(3);
        assertThat(summary.get("rows").get("accepted").asLong()).isEqualTo(3);
        JsonNode totals = summary.get("totals");
        assertThat(totals.get("incidents").asLong()).isEqualTo(3);
        assertThat(totals.get("uav_reported").asLong()).isEqualTo(4);
        assertThat(totals.get("incidents_unknown_count").asLong()).isEqualTo(1);
        assertThat(totals.get("districts").asLong()).isEqualTo(2);
        List<String> byRegion = new ArrayList<>();
        summary.get("by_region").forEach(r -> byRegion.add(r.get("region").asString() + "=" + r.get("incidents").asLong()));
        assertThat(byRegion).containsExactlyElementsOf(regions.stream().map(r -> r + "=1").toList());
        JsonNode night = summary.get("by_night").get(0);
        assertThat(summary.get("by_night")).hasSize(1);
        assertThat(night.get("night").asString()).isEqualTo("2025-12-07/08");
        assertThat(night.get("night_time").asLong()).isEqualTo(3);
        assertThat(List.of(night.get("shot_down").asLong(), night.get("debris").asLong(), night.get("impact").asLong()))
                .containsExactly(1L, 1L, 1L);
        try (Workbook workbook = open(report)) {
            Sheet incidents = workbook.getSheet("Incidents");
            assertThat(incidents.getLastRowNum()).isGreaterThanOrEqualTo(3);
            assertThat(allText(incidents)).contains(regions.get(0));
        }
    }

    /**
     * Two exports joined with {@code cat} (the second with its own BOM, its header spelled in other case): the header
     * inside the file is no row, and the joined file reports exactly what the file it was cut from reports.
     */
    @Test
    void aFileJoinedFromTwoExportsReportsAsTheFileItWasCutFrom(@TempDir Path dir) throws Exception {
        Path original = Path.of("input/2025-12-08-news-digest.csv");
        List<String> lines = Files.readAllLines(original, StandardCharsets.UTF_8);
        String header = lines.get(0).replace("\uFEFF", "");
        int cut = lines.size() / 2;
        String joined = String.join("\n", lines.subList(0, cut)) + "\n\uFEFF" + header.toUpperCase(java.util.Locale.ROOT)
                .replace(";", " ; ") + "\n" + String.join("\n", lines.subList(cut, lines.size())) + "\n";
        Files.createDirectories(dir.resolve("whole"));
        Files.copy(original, dir.resolve("whole/digest.csv"));
        Files.createDirectories(dir.resolve("joined"));
        Files.writeString(dir.resolve("joined/digest.csv"), joined, StandardCharsets.UTF_8);

        assertThat(run("--input=" + dir.resolve("whole"), "--output=" + dir.resolve("a"), memoryStore(), NOW))
                .as(stdout() + err).isZero();
        int code = run("--input=" + dir.resolve("joined"), "--output=" + dir.resolve("b"), memoryStore(), NOW);

        assertThat(code).as(stdout() + err).isZero();
        assertThat(stdout()).contains("digest.csv: the header row again on line " + (cut + 1)
                + ": passed over, not read as incidents");
        JsonNode whole = summary(dir.resolve("a/all"));
        JsonNode fromJoined = summary(dir.resolve("b/all"));
        assertThat(fromJoined.get("rows")).isEqualTo(whole.get("rows"));
        assertThat(fromJoined.get("totals")).isEqualTo(whole.get("totals"));
        assertThat(fromJoined.get("by_region")).isEqualTo(whole.get("by_region"));
        assertThat(whole.get("rows").get("read").asLong()).isEqualTo(lines.size() - 1);
        // The rejected rows are the same rows; those after the joint one line further down.
        List<String> wholeRejected = Files.readAllLines(dir.resolve("a/all/rejected.csv"), StandardCharsets.UTF_8);
        List<String> joinedRejected = Files.readAllLines(dir.resolve("b/all/rejected.csv"), StandardCharsets.UTF_8);
        assertThat(joinedRejected).hasSameSizeAs(wholeRejected).noneMatch(line -> line.toLowerCase().contains("region;district"));
        try (Workbook workbook = open(dir.resolve("b/all"))) {
            assertThat(allText(workbook.getSheet("Run info")) + allText(workbook.getSheet("Data quality")))
                    .contains("the header row again on line " + (cut + 1));
        }
    }

    @Test
    void readsARussianLayoutWithADateAndATimeColumn(@TempDir Path output) throws Exception {
        int code = run("--input=" + LAYOUTS.resolve("russian"), "--output=" + output, memoryStore(), NOW);

        assertThat(code).as(stdout() + err).isZero();
        assertThreeIncidentsOfOneNight(output.resolve("all"), List.of("Belgorod Oblast", "Kursk Oblast", "Rostov Oblast"));
        try (Workbook workbook = open(output.resolve("all"))) {
            assertThat(allText(workbook.getSheet("Run info")) + allText(workbook.getSheet("Data quality")))
                    .contains("occurred_at read from the columns Дата and Время");
        }
    }

    @Test
    void readsAnEnglishLayout(@TempDir Path output) throws Exception {
        int code = run("--input=" + LAYOUTS.resolve("english"), "--output=" + output, memoryStore(), NOW);

        assertThat(code).as(stdout() + err).isZero();
        assertThreeIncidentsOfOneNight(output.resolve("all"), List.of("Belgorod Oblast", "Kursk Oblast", "Rostov Oblast"));
    }

    @Test
    void readsAUkrainianLayoutWithUkrainianDatesAndWords(@TempDir Path output) throws Exception {
        int code = run("--input=" + LAYOUTS.resolve("ukrainian"), "--output=" + output, memoryStore(), NOW);

        assertThat(code).as(stdout() + err).isZero();
        assertThreeIncidentsOfOneNight(output.resolve("all"), List.of("Kharkiv Oblast", "Odesa Oblast", "Sumy Oblast"));
    }

    @Test
    void readsAWindows1251FileSavedByExcelWithADateColumn(@TempDir Path dir) throws Exception {
        Path input = Files.createDirectories(dir.resolve("input"));
        String text = "Date;Регион;Район;Событие;Кол-во БПЛА;Источник\r\n"
                + "07.12.2025 23:40;Ростовская область;Чертковский район;сбиты;3;Губернатор\r\n"
                + "08.12.2025 3:30;Белгородская область;;падение обломков;;Гладков\r\n"
                + "8 дек 2025 01:15;Курская область;Курчатовский район;поражение;1;Минобороны\r\n";
        Files.write(input.resolve("excel.csv"), text.getBytes(Charset.forName("windows-1251")));

        int code = run("--input=" + input, "--output=" + dir.resolve("out"), memoryStore(), NOW);

        assertThat(code).as(stdout() + err).isZero();
        try (Workbook workbook = open(dir.resolve("out/all"))) {
            assertThat(allText(workbook.getSheet("Run info")) + allText(workbook.getSheet("Data quality")))
                    .contains("not valid UTF-8: read as windows-1251");
        }
        // The console says so too, naming the file, as it is read.
        assertThat(stdout()).containsOnlyOnce("excel.csv: not valid UTF-8: read as windows-1251");
        assertThreeIncidentsOfOneNight(dir.resolve("out/all"), List.of("Belgorod Oblast", "Kursk Oblast", "Rostov Oblast"));
    }

    @Test
    void aLayoutNobodyCanReadIsRejectedWholeNamingTheColumnsItFound(@TempDir Path output) throws Exception {
        int code = run("--input=" + LAYOUTS.resolve("unreadable"), "--output=" + output, memoryStore(), NOW);

        String reason = "no column for region, event_type, source; found 'ts', 'place', 'kind', 'qty';"
                + " map them with --columns (see docs/input.md)";
        // A file rejected whole (and so an empty store) is exit code 4; the report is written all the same.
        assertThat(code).isEqualTo(4);
        assertThat(stdout()).contains("Rejected 1 file whole: feed.csv (" + reason + ")");
        Path report = output.resolve("all");
        assertThat(rejectedCsv(report)).containsExactly("feed.csv|0|(file)||file rejected: " + reason);
        try (Workbook workbook = open(report)) {
            assertThat(allText(workbook.getSheet("Data quality"))).contains(reason);
        }
    }

    @Test
    void aMappingFileReadsAFeedAndGivesItsRowsAConstantSource(@TempDir Path output) throws Exception {
        int code = run("--input=" + LAYOUTS.resolve("feed"), "--output=" + output, memoryStore(), NOW,
                "--columns=" + LAYOUTS.resolve("feed-columns.csv"));

        assertThat(code).as(stdout() + err).isZero();
        JsonNode summary = summary(output.resolve("all"));
        assertThat(summary.get("rows").get("accepted").asLong()).isEqualTo(2);
        assertThat(summary.get("totals").get("incidents").asLong()).isEqualTo(2);
        assertThat(summary.get("totals").get("uav_reported").asLong()).isEqualTo(3);
        try (Workbook workbook = open(output.resolve("all"))) {
            assertThat(allText(workbook.getSheet("Incidents"))).contains("Regional feed");
            assertThat(allText(workbook.getSheet("Run info"))).contains(LAYOUTS.resolve("feed-columns.csv")
                    .toAbsolutePath().normalize().toString());
        }
    }

    @Test
    void aChangedMappingReadsAgainOnlyTheFilesWhoseRulesChanged(@TempDir Path dir) throws Exception {
        Path input = Files.createDirectories(dir.resolve("input"));
        Files.copy(LAYOUTS.resolve("feed/feed.csv"), input.resolve("feed.csv"));
        Files.copy(LAYOUTS.resolve("english/reports.csv"), input.resolve("reports.csv"));
        Path columns = Files.copy(LAYOUTS.resolve("feed-columns.csv"), dir.resolve("columns.csv"));
        String store = "--db=jdbc:h2:file:" + dir.resolve("store/incidents");
        String[] args = {"--input=" + input, "--output=" + dir.resolve("out"), store, NOW, "--columns=" + columns};
        assertThat(run(args)).as(stdout()).isZero();
        assertThat(run(args)).isZero();
        assertThat(stdout()).contains("Input: 2 files, 0 to load, 2 unchanged, 0 removed");

        Files.writeString(columns, Files.readString(columns).replace("Regional feed", "Regional feed (v2)"));
        assertThat(run(args)).as(stdout()).isZero();

        assertThat(stdout()).contains("Input: 2 files, 1 to load, 1 unchanged, 0 removed");
        try (Workbook workbook = open(dir.resolve("out/all"))) {
            assertThat(allText(workbook.getSheet("Incidents"))).contains("Regional feed (v2)");
            assertThat(allText(workbook.getSheet("Run info"))).contains("reloaded: its --columns rules changed");
        }
    }

    @Test
    void aBrokenMappingFileStopsTheRunBeforeAnyWorkNamingItsLine(@TempDir Path dir) throws Exception {
        Path columns = Files.writeString(dir.resolve("columns.csv"), """
                files,field,column,value
                feed*.csv,region,place,
                feed*.csv,regoin,place,
                """);

        int code = run("--input=" + LAYOUTS.resolve("feed"), "--output=" + dir.resolve("out"), memoryStore(), NOW,
                "--columns=" + columns);

        assertThat(code).isEqualTo(2);
        assertThat(ConsoleLines.unstamped(err.toString(StandardCharsets.UTF_8)).lines()).singleElement().asString()
                .startsWith("incident-tally: --columns: columns.csv:3: unknown field 'regoin': expected one of");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aMappingNamingAColumnNoMatchedFileHasStopsTheRun(@TempDir Path dir) throws Exception {
        Path columns = Files.writeString(dir.resolve("columns.csv"), """
                files,field,column,value
                feed*.csv,region,oblast,
                """);

        int code = run("--input=" + LAYOUTS.resolve("feed"), "--output=" + dir.resolve("out"), memoryStore(), NOW,
                "--columns=" + columns);

        assertThat(code).isEqualTo(2);
        assertThat(ConsoleLines.unstamped(err.toString(StandardCharsets.UTF_8)).lines()).containsExactly(
                "incident-tally: --columns: columns.csv:2: no file matching feed*.csv has a column 'oblast' for region");
    }

    @Test
    void twoRulesForOneFieldOfOneFileStopTheRun(@TempDir Path dir) throws Exception {
        Path columns = Files.writeString(dir.resolve("columns.csv"), """
                files,field,column,value
                ,source,,Everyone
                feed.csv,source,,The feed
                """);

        int code = run("--input=" + LAYOUTS.resolve("feed"), "--output=" + dir.resolve("out"), memoryStore(), NOW,
                "--columns=" + columns);

        assertThat(code).isEqualTo(2);
        assertThat(ConsoleLines.unstamped(err.toString(StandardCharsets.UTF_8)).lines()).containsExactly(
                "incident-tally: --columns: columns.csv:3: a second rule for source in feed.csv (line 2 is the first)");
    }

    @Test
    void aTeamsOwnEventWordComesFromTheAliasesFile(@TempDir Path dir) throws Exception {
        Path input = Files.createDirectories(dir.resolve("input"));
        Files.writeString(input.resolve("log.csv"), """
                date,oblast,type,source
                2025-12-07 23:40,Rostov Oblast,бавовна,Team log
                """);
        Path aliases = Files.writeString(dir.resolve("aliases.csv"), """
                input_name,region,canonical_name,kind
                бавовна,,impact,event_type
                """);

        // Its only row rejected, the period has no incident: exit code 4.
        assertThat(run("--input=" + input, "--output=" + dir.resolve("without"), memoryStore(), NOW)).isEqualTo(4);
        assertThat(summary(dir.resolve("without/all")).get("rows").get("rejected").asLong()).isEqualTo(1);

        assertThat(run("--input=" + input, "--output=" + dir.resolve("with"), memoryStore(), NOW,
                "--aliases=" + aliases)).as(stdout()).isZero();
        JsonNode night = summary(dir.resolve("with/all")).get("by_night").get(0);
        assertThat(night.get("impact").asLong()).isEqualTo(1);
    }

    @Test
    void theSirensLogRunsWithTheMappingFileOfTheDocsAndTalliesAsOurConvertedCopy(@TempDir Path dir) throws Exception {
        Path sirens = Path.of("../shared/data/real/ukraine-air-raid-sirens/official_data_en.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(sirens), "the real data is not beside the project");
        Path original = Files.createDirectories(dir.resolve("original"));
        Files.copy(sirens, original.resolve("official_data_en.csv"), StandardCopyOption.REPLACE_EXISTING);
        Path converted = Files.createDirectories(dir.resolve("converted"));
        convert(sirens, converted.resolve("official_data_en.csv"));

        String mappedStore = memoryStore();
        assertThat(run("--input=" + original, "--output=" + dir.resolve("mapped"), mappedStore, NOW,
                "--columns=docs/sirens-columns.csv")).as(stdout()).isZero();
        assertThat(run("--input=" + converted, "--output=" + dir.resolve("ours"), memoryStore(), NOW)).as(stdout()).isZero();

        JsonNode mapped = summary(dir.resolve("mapped/all"));
        JsonNode ours = summary(dir.resolve("ours/all"));
        assertThat(mapped.get("rows")).isEqualTo(ours.get("rows"));
        assertThat(mapped.get("totals")).isEqualTo(ours.get("totals"));
        assertThat(mapped.get("by_region")).isEqualTo(ours.get("by_region"));
        assertThat(mapped.get("by_night")).isEqualTo(ours.get("by_night"));
        // Counted apart from the job: every data row of the file is read, each an attack.
        long rows = independentRowCount(sirens);
        assertThat(mapped.get("rows").get("read").asLong()).isEqualTo(rows);
        long attacks = 0;
        for (JsonNode night : mapped.get("by_night")) {
            attacks += night.get("attack").asLong();
        }
        assertThat(attacks).isEqualTo(mapped.get("totals").get("incidents").asLong()).isPositive();

        // A month of it from the same store, nothing read again: incidents.csv, read by a CSV reader the job
        // does not use, is the Incidents sheet cell by cell and has a line for each incident of summary.json.
        assertThat(run("--input=" + original, "--output=" + dir.resolve("march"), mappedStore, NOW,
                "--columns=docs/sirens-columns.csv", "--from=2024-03-01", "--to=2024-03-31")).as(stdout()).isZero();
        assertThat(stdout()).contains("Input: 1 file, 0 to load, 1 unchanged");
        Path march;
        try (var folders = Files.list(dir.resolve("march"))) {
            march = folders.filter(f -> !f.getFileName().toString().startsWith(".")).findFirst().orElseThrow();
        }
        List<List<String>> csv = IncidentsCsvEndToEndTests.readCsv(march.resolve("incidents.csv"));
        assertThat(csv).isEqualTo(IncidentsCsvEndToEndTests.incidentsSheet(march));
        assertThat(csv.size() - 1).isPositive().isEqualTo(IncidentsCsvEndToEndTests.summaryIncidents(march));
    }

    /** The sirens file under our own column names, written by commons-csv: what a user converting it by hand makes. */
    private static void convert(Path from, Path to) throws IOException {
        try (var reader = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(from, StandardCharsets.UTF_8));
             var printer = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get()
                     .print(Files.newBufferedWriter(to, StandardCharsets.UTF_8))) {
            printer.printRecord("region", "district", "location", "occurred_at", "notes", "source", "event_type");
            for (var record : reader) {
                printer.printRecord(record.get("oblast"), record.get("raion"), record.get("hromada"),
                        record.get("started_at"), record.get("level"), record.get("source"), "attack");
            }
        }
    }

    private static long independentRowCount(Path csv) throws IOException {
        try (var reader = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(csv, StandardCharsets.UTF_8))) {
            return reader.stream().count();
        }
    }

    private static Workbook open(Path report) throws IOException {
        try (InputStream in = Files.newInputStream(report.resolve("incident-report-" + report.getFileName() + ".xlsx"))) {
            return new XSSFWorkbook(in);
        }
    }

    private static String allText(Sheet sheet) {
        StringBuilder text = new StringBuilder();
        sheet.forEach(row -> row.forEach(cell -> {
            if (cell.getCellType() == CellType.STRING) {
                text.append(cell.getStringCellValue()).append('\n');
            }
        }));
        return text.toString();
    }

    private static List<String> rejectedCsv(Path report) throws IOException {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(report.resolve("rejected.csv"))) {
            return reader.stream().skip(1).map(r -> String.join("|", r.getFields().subList(0, 5))).toList();
        }
    }
}
