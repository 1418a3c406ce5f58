package com.incidenttally;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * incidents.csv (issue 18 item 6), read by a CSV reader the job does not use, equals the workbook's
 * Incidents sheet cell by cell: the same headers in the same order, one line per incident in the
 * same order, awkward text whole. (The same on a month of the real sirens log: in YourOwnFilesTests, on the
 * store its mapping test has loaded.)
 */
class IncidentsCsvEndToEndTests {

    private static final String NOW = "--now=2025-12-10T09:00:00Z";

    private static String memoryStore() {
        return "--db=jdbc:h2:mem:incidents-csv-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    @Test
    void awkwardTextComesThroughWholeAndMatchesTheIncidentsSheet(@TempDir Path dir) throws IOException {
        Path input = Files.createDirectories(dir.resolve("in"));
        Files.writeString(input.resolve("reports.csv"), """
                incident_id,occurred_at,region,district,location,event_type,uav_count,killed,source,notes,damage
                ,2025-12-07 23:40,Rostov Oblast,Chertkovsky District,"a ""quoted"", place",shot down,3,,Rostov governor,"two
                lines",=1+2
                ,2025-12-07 23:50,Rostov Oblast,Chertkovsky District,,shot down,2,1,Russian MoD,"Белгород, ёлка 🚀",
                ,2025-12-08,Belgorod Oblast,,"tab\there",debris,,,Gladkov (Telegram),;semi;colon;,-5
                B-1,2025-12-08 01:15,Kursk Oblast,Kurchatovsky District,,impact,1,,Russian MoD,,
                B-1,2025-12-08 01:20,Kursk Oblast,Kurchatovsky District,,impact,,,Kursk governor,second report,
                """, StandardCharsets.UTF_8);

        ConsoleLines.Run run = ConsoleLines.run("--input=" + input, "--output=" + dir.resolve("out"), memoryStore(), NOW);

        assertThat(run.code()).as(run.output()).isZero();
        Path report = dir.resolve("out/all");
        List<List<String>> csv = readCsv(report.resolve("incidents.csv"));
        List<List<String>> sheet = incidentsSheet(report);
        // The sheet's text cells, but text that a spreadsheet would run as a formula escaped (SPEC, untrusted text).
        assertThat(csv).hasSameSizeAs(sheet);
        for (int r = 0; r < csv.size(); r++) {
            List<String> expected = sheet.get(r).stream()
                    .map(cell -> cell.startsWith("=") || cell.startsWith("-") || cell.startsWith("+") || cell.startsWith("@")
                            ? "'" + cell : cell).toList();
            assertThat(csv.get(r)).isEqualTo(expected);
        }
        // Rostov's two reports of two sources on one night are one incident; so are B-1's two.
        assertThat(csv).hasSize(1 + 3);
        List<String> header = csv.get(0);
        List<String> quoted = csv.stream().filter(r -> r.contains("a \"quoted\", place")).findFirst().orElseThrow();
        // The merged incident's notes: both reports', a line break and a comma inside.
        assertThat(quoted.get(header.indexOf("Notes"))).isEqualTo("two\nlines; Белгород, ёлка 🚀");
        // Free text is data, never a formula, in every CSV output: =1+2 and -5 are escaped as rejected.csv escapes them.
        assertThat(quoted.get(header.indexOf("Damage"))).isEqualTo("'=1+2");
        assertThat(csv).anySatisfy(r -> assertThat(r.get(header.indexOf("Damage"))).isEqualTo("'-5"));
        // Two reports with one id are one incident, listed once with both sources.
        assertThat(csv).filteredOn(r -> r.get(0).equals("B-1")).singleElement()
                .satisfies(r -> assertThat(r.get(header.indexOf("Reports"))).isEqualTo("2"));
        byte[] bytes = Files.readAllBytes(report.resolve("incidents.csv"));
        assertThat(bytes[0]).as("no byte-order mark").isEqualTo((byte) header.get(0).charAt(0));
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\r\n");
    }

    static long summaryIncidents(Path report) throws IOException {
        return new tools.jackson.databind.ObjectMapper().readTree(report.resolve("summary.json").toFile())
                .get("totals").get("incidents").asLong();
    }

    static List<List<String>> readCsv(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.parse(reader)) {
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
        }
        return rows;
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The header and data rows of Incidents and its continuation sheets, each cell as the CSV would write it. */
    static List<List<String>> incidentsSheet(Path report) throws IOException {
        String idTitle = readCsv(report.resolve("incidents.csv")).get(0).get(0);
        Path workbook;
        try (var files = Files.list(report)) {
            workbook = files.filter(f -> f.getFileName().toString().endsWith(".xlsx")).findFirst().orElseThrow();
        }
        List<List<String>> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(workbook); Workbook book = new XSSFWorkbook(in)) {
            for (Sheet sheet : book) {
                if (!sheet.getSheetName().startsWith("Incidents")) {
                    continue;
                }
                int columns = -1;
                for (Row row : sheet) {
                    Cell first = row.getCell(0);
                    if (columns < 0) {
                        // The header row: the first whose first cell is the id column's title.
                        if (first != null && first.getCellType() == CellType.STRING
                                && first.getStringCellValue().equals(idTitle)) {
                            columns = row.getLastCellNum();
                            if (rows.isEmpty()) {
                                rows.add(cells(row, columns));
                            }
                        }
                        continue;
                    }
                    if (first == null || first.getCellType() == CellType.BLANK) {
                        continue;
                    }
                    rows.add(cells(row, columns));
                }
            }
        }
        return rows;
    }

    private static List<String> cells(Row row, int columns) {
        List<String> values = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            Cell cell = row.getCell(c);
            if (cell == null || cell.getCellType() == CellType.BLANK) {
                values.add("");
            } else if (cell.getCellType() == CellType.STRING) {
                values.add(cell.getStringCellValue());
            } else if (DateUtil.isCellDateFormatted(cell)) {
                var value = cell.getLocalDateTimeCellValue();
                values.add(value.toLocalTime().toSecondOfDay() == 0 && cell.getCellStyle().getDataFormatString()
                        .indexOf('h') < 0 ? value.toLocalDate().toString() : TIME.format(value));
            } else {
                double number = cell.getNumericCellValue();
                values.add(number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number));
            }
        }
        return values;
    }
}
