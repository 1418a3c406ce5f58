package com.incidenttally;

import com.incidenttally.ingest.XlsxFixtures;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Workbooks in the input folder, end to end: the real job run, and what it wrote read back. */
class XlsxInputTests {

    private static final String NOW = "--now=2025-12-12T09:00:00Z";

    private final ObjectMapper json = new ObjectMapper();

    private static int run(Path input, Path output) {
        return IncidentTallyApplication.run(new String[] {"--input=" + input, "--output=" + output,
                "--db=jdbc:h2:mem:xlsx-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", NOW}, Map.of());
    }

    @Test
    void aLogbookTalliesAsTheSameRowsGivenAsCsvAndNamesItsSheetInEveryLocation(@TempDir Path dir) throws Exception {
        Path books = Files.createDirectories(dir.resolve("books"));
        XlsxFixtures.logbook(books.resolve("log.xlsx"));
        Path csvs = Files.createDirectories(dir.resolve("csvs"));
        Files.writeString(csvs.resolve("log.csv"), XlsxFixtures.LOGBOOK_AS_CSV);

        assertThat(run(books, dir.resolve("from-xlsx"))).isZero();
        assertThat(run(csvs, dir.resolve("from-csv"))).isZero();

        JsonNode fromXlsx = json.readTree(dir.resolve("from-xlsx/all/summary.json").toFile());
        JsonNode fromCsv = json.readTree(dir.resolve("from-csv/all/summary.json").toFile());
        assertThat(fromXlsx.get("rows").get("read").asLong()).isEqualTo(6);
        assertThat(fromXlsx.get("rows").get("rejected").asLong()).isEqualTo(1);
        assertThat(fromXlsx.get("totals").get("incidents").asLong()).isEqualTo(5);
        for (String part : List.of("period", "rows", "totals", "by_region", "by_district", "by_night")) {
            assertThat(fromXlsx.get(part)).as(part).isEqualTo(fromCsv.get(part));
        }

        Path report = dir.resolve("from-xlsx/all");
        try (Workbook workbook = open(report.resolve("incident-report-all.xlsx"))) {
            assertThat(text(workbook.getSheet("Incidents")))
                    .contains("log.xlsx#Log:3", "log.xlsx#Log:4", "log.xlsx#Log:5", "log.xlsx#Log:8");
            assertThat(text(workbook.getSheet("Data quality")))
                    .contains("log.xlsx#Log", "Atlantis", "sheet Read me skipped: row 1 is not a header we can read");
            assertThat(text(workbook.getSheet("Run info"))).contains("log.xlsx", "xlsx (1 sheet read)");
        }
        List<CsvRecord> rejected;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(report.resolve("rejected.csv"))) {
            rejected = reader.stream().toList();
        }
        assertThat(rejected).hasSize(2);
        assertThat(rejected.get(1).getFields().subList(0, 4)).containsExactly("log.xlsx#Log", "9", "region", "Atlantis");
        assertThat(rejected.get(1).getField(5)).startsWith("2025-12-09 22:00,Atlantis,,attack,1,");
    }

    @Test
    void aTableOfIncidentsWhoseHeaderCannotBeReadIsRejectedAtItsSheetOnEveryRun(@TempDir Path dir) throws Exception {
        Path input = Files.createDirectories(dir.resolve("input"));
        XlsxFixtures.sheets(input.resolve("week.xlsx"), List.of("Monday", "Tuesday"), List.of(
                List.of(List.of("occurred_at", "region", "event_type", "source"),
                        List.of("2025-12-08 01:00", "Kursk region", "attack", "Governor")),
                List.of(List.of("occurred_at", "region", "event_type", "uav_count"),
                        List.of("2025-12-09 01:00", "Bryansk region", "attack", "2"),
                        List.of("2025-12-10 01:00", "Bryansk region", "attack", "1"))));
        String[] args = {"--input=" + input, "--output=" + dir.resolve("out"),
                "--db=jdbc:h2:file:" + dir.resolve("store/incidents"), NOW};

        for (int run = 0; run < 2; run++) {
            ConsoleLines.Run done = ConsoleLines.run(args);

            assertThat(done.code()).as(done.output()).isZero();
            assertThat(done.output()).contains("1 sheet not read");
            Path report = dir.resolve("out/all");
            assertThat(json.readTree(report.resolve("summary.json").toFile()).get("totals").get("incidents").asLong())
                    .isEqualTo(1);
            List<CsvRecord> rejected;
            try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(report.resolve("rejected.csv"))) {
                rejected = reader.stream().toList();
            }
            // Filed under the sheet it is of, at its header row, on the rerun too.
            assertThat(rejected).hasSize(2);
            assertThat(rejected.get(1).getFields().subList(0, 3)).containsExactly("week.xlsx#Tuesday", "1", "(row)");
            assertThat(rejected.get(1).getField(4)).startsWith("sheet not read: row 1 is a table of incidents whose header"
                    + " we cannot read: no column for source");
        }
    }

    @Test
    void aWorkbookNobodyCanOpenIsRejectedWholeWithTheReasonAndTheRunGoesOn(@TempDir Path dir) throws Exception {
        Path input = Files.createDirectories(dir.resolve("input"));
        XlsxFixtures.encrypted(input.resolve("locked.xlsx"));
        XlsxFixtures.xlsRenamed(input.resolve("old.xlsx"));
        Files.writeString(input.resolve("log.csv"), XlsxFixtures.LOGBOOK_AS_CSV);
        // Excel's lock file beside a workbook it has open is no input.
        Files.write(input.resolve("~$locked.xlsx"), new byte[] {1, 2, 3});

        int code = run(input, dir.resolve("out"));

        // Files rejected whole: exit code 4, the report written all the same.
        assertThat(code).isEqualTo(4);
        Path report = dir.resolve("out/all");
        JsonNode summary = json.readTree(report.resolve("summary.json").toFile());
        assertThat(summary.get("totals").get("incidents").asLong()).isEqualTo(5);
        try (Workbook workbook = open(report.resolve("incident-report-all.xlsx"))) {
            String quality = text(workbook.getSheet("Data quality"));
            assertThat(quality).contains("protected by a password", "an Excel 97–2003 workbook (.xls)");
            assertThat(text(workbook.getSheet("Run info"))).doesNotContain("~$locked.xlsx");
        }
        String rejected = Files.readString(report.resolve("rejected.csv"));
        assertThat(rejected).contains("locked.xlsx,0,(file),,file rejected: the workbook is protected by a password");
    }

    @Test
    void aSheetInALayoutOfItsOwnIsReadWithItsOwnColumnsRulesAndARussianHeaderWithout(@TempDir Path dir) throws Exception {
        Path input = Files.createDirectories(dir.resolve("input"));
        XlsxFixtures.sheets(input.resolve("duty.xlsx"), List.of("Журнал", "Feed"), List.of(
                List.of(List.of("Дата", "Время", "Регион", "Тип", "Кол-во", "Источник"),
                        List.of("07.12.2025", "23:40", "Ростовская область", "сбиты", "2", "Губернатор")),
                List.of(List.of("when", "where", "what"),
                        List.of("2025-12-08 01:10", "Belgorod Oblast", "debris"),
                        List.of("2025-12-08 02:20", "Kursk Oblast", "hit"))));
        Path columns = Files.writeString(dir.resolve("columns.csv"), """
                files,field,column,value
                duty.xlsx#Feed,occurred_at,when,
                duty.xlsx#Feed,region,where,
                duty.xlsx#Feed,event_type,what,
                duty.xlsx#Feed,source,,Duty officer
                """);

        assertThat(IncidentTallyApplication.run(new String[] {"--input=" + input, "--output=" + dir.resolve("out"),
                "--db=jdbc:h2:mem:xlsx-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", NOW, "--columns=" + columns},
                Map.of())).isZero();

        JsonNode summary = json.readTree(dir.resolve("out/all/summary.json").toFile());
        assertThat(summary.get("rows").get("accepted").asLong()).isEqualTo(3);
        assertThat(summary.get("totals").get("incidents").asLong()).isEqualTo(3);
        assertThat(summary.get("totals").get("uav_reported").asLong()).isEqualTo(2);
        List<String> regions = new java.util.ArrayList<>();
        summary.get("by_region").forEach(region -> regions.add(region.get("region").asString()));
        assertThat(regions).containsExactlyInAnyOrder("Rostov Oblast", "Belgorod Oblast", "Kursk Oblast");
        try (Workbook workbook = open(dir.resolve("out/all/incident-report-all.xlsx"))) {
            assertThat(text(workbook.getSheet("Incidents"))).contains("duty.xlsx#Журнал:2", "duty.xlsx#Feed:3",
                    "Duty officer");
        }
    }

    private static Workbook open(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private static String text(Sheet sheet) {
        StringBuilder text = new StringBuilder();
        sheet.forEach(row -> row.forEach(cell -> {
            if (cell.getCellType() == CellType.STRING) {
                text.append(cell.getStringCellValue()).append('\n');
            }
        }));
        return text.toString();
    }
}
