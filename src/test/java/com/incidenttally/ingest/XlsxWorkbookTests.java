package com.incidenttally.ingest;

import static com.incidenttally.TestReasons.english;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XlsxWorkbookTests {

    @TempDir
    Path dir;

    static List<RawRow> readAll(IncidentRows rows) {
        List<RawRow> all = new ArrayList<>();
        for (RawRow row = rows.read(); row != null; row = rows.read()) {
            all.add(row);
        }
        return all;
    }

    private String rejection(Path file) {
        return assertThatThrownBy(() -> IncidentRows.open(file, file.getFileName().toString()).close())
                .isInstanceOf(FileRejectedException.class)
                .actual().getMessage();
    }

    @Nested
    class Logbook {

        @Test
        void readsTheSheetWithAHeaderAsACsvFileWouldBeRead() throws Exception {
            Path file = XlsxFixtures.logbook(dir.resolve("log.xlsx"));
            List<RawRow> rows;
            List<String> warnings;
            try (IncidentRows workbook = IncidentRows.open(file, "week/log.xlsx")) {
                rows = readAll(workbook);
                warnings = workbook.warnings();
                assertThat(workbook.describe()).isEqualTo("xlsx (1 sheet read)");
                assertThat(workbook.contentSha256()).isEqualTo(InputFiles.sha256(file));
            }

            assertThat(rows).extracting(RawRow::file).containsOnly("week/log.xlsx#Log");
            // Excel's own row numbers: the header is row 2, row 7 is blank.
            assertThat(rows).extracting(RawRow::line).containsExactly(3L, 4L, 5L, 6L, 8L, 9L);
            assertThat(rows).extracting(row -> row.get(Column.OCCURRED_AT)).containsExactly(
                    "2025-12-07 23:50", "2025-12-08 02:10", "2025-12-08 02:10", "2025-12-09", "2025-12-09 21:05",
                    "2025-12-09 22:00");
            assertThat(rows).extracting(row -> row.get(Column.UAV_COUNT)).containsExactly("1", "3", "2", "", "12", "1");
            assertThat(rows).extracting(row -> row.get(Column.DISTRICT))
                    .as("a hidden column is data").containsExactly("", "Chertkovsky", "Millerovsky", "", "", "");
            assertThat(rows).extracting(RawRow::malformed).containsOnlyNulls();
            assertThat(rows.get(4).raw()).isEqualTo("2025-12-09 21:05,Kursk region,,attack,12,Governor (Telegram),\"a note, with a comma\"");
            assertThat(warnings).containsExactly("sheet Read me skipped: row 1 is not a header we can read:"
                    + " no column for occurred_at or night, region, event_type, source;"
                    + " found 'Incidents as the duty officer logs them'; map them with --columns (see docs/input.md)");
        }

        @Test
        void givesTheSameRowsAsTheSameLogbookSavedAsCsv() throws Exception {
            Path csv = Files.writeString(dir.resolve("log.csv"), XlsxFixtures.LOGBOOK_AS_CSV);
            List<RawRow> fromCsv;
            try (IncidentRows reader = IncidentRows.open(csv, "log.csv")) {
                fromCsv = readAll(reader);
            }
            List<RawRow> fromXlsx;
            try (IncidentRows reader = IncidentRows.open(XlsxFixtures.logbook(dir.resolve("log.xlsx")), "log.xlsx")) {
                fromXlsx = readAll(reader);
            }

            assertThat(fromXlsx).hasSameSizeAs(fromCsv);
            for (int i = 0; i < fromCsv.size(); i++) {
                assertThat(fromXlsx.get(i).values()).as("row %d", i).containsExactly(fromCsv.get(i).values());
            }
        }
    }

    @Nested
    class Cells {

        @Test
        void numbersAreWrittenAsPeopleTypeThem() throws Exception {
            Path file = dir.resolve("numbers.xlsx");
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                Sheet sheet = workbook.createSheet("Log");
                header(sheet.createRow(0));
                double[] counts = {1, 2.5, 12345678901d, 0.1 + 0.2, 1e21};
                for (int i = 0; i < counts.length; i++) {
                    Row row = dataRow(sheet, i + 1);
                    row.createCell(4).setCellValue(counts[i]);
                }
                Row bool = dataRow(sheet, counts.length + 1);
                bool.createCell(4).setCellValue(true);
                save(workbook, file);
            }

            assertThat(read(file)).extracting(row -> row.get(Column.UAV_COUNT))
                    .containsExactly("1", "2.5", "12345678901", "0.3", "1000000000000000000000", "TRUE");
        }

        @Test
        void aTimeAloneIsATimeAndADateFormatHidingATimeKeepsIt() throws Exception {
            Path file = dir.resolve("times.xlsx");
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                Sheet sheet = workbook.createSheet("Log");
                header(sheet.createRow(0));
                var time = workbook.createCellStyle();
                time.setDataFormat(workbook.createDataFormat().getFormat("h:mm"));
                var date = workbook.createCellStyle();
                date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
                var builtIn = workbook.createCellStyle();
                builtIn.setDataFormat((short) 14);
                Row first = dataRow(sheet, 1);
                first.createCell(0).setCellValue(3.5 / 24);
                first.getCell(0).setCellStyle(time);
                Row second = dataRow(sheet, 2);
                second.createCell(0).setCellValue(java.time.LocalDateTime.of(2025, 12, 8, 3, 30, 15));
                second.getCell(0).setCellStyle(date);
                Row third = dataRow(sheet, 3);
                third.createCell(0).setCellValue(java.time.LocalDate.of(2025, 12, 8));
                third.getCell(0).setCellStyle(builtIn);
                save(workbook, file);
            }

            assertThat(read(file)).extracting(row -> row.get(Column.OCCURRED_AT))
                    .containsExactly("03:30", "2025-12-08 03:30:15", "2025-12-08");
        }

        @Test
        void datesOfAWorkbookCountingFrom1904AreTheSameDates() throws Exception {
            Path file = dir.resolve("mac.xlsx");
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                var properties = workbook.getCTWorkbook().isSetWorkbookPr()
                        ? workbook.getCTWorkbook().getWorkbookPr() : workbook.getCTWorkbook().addNewWorkbookPr();
                properties.setDate1904(true);
                Sheet sheet = workbook.createSheet("Log");
                header(sheet.createRow(0));
                var dateTime = workbook.createCellStyle();
                dateTime.setDataFormat(workbook.createDataFormat().getFormat("dd.mm.yyyy hh:mm"));
                Row row = dataRow(sheet, 1);
                row.createCell(0).setCellValue(java.time.LocalDateTime.of(2025, 12, 8, 3, 30));
                row.getCell(0).setCellStyle(dateTime);
                save(workbook, file);
            }

            assertThat(read(file)).extracting(r -> r.get(Column.OCCURRED_AT)).containsExactly("2025-12-08 03:30");
        }

        @Test
        void aFormulaWithoutASavedResultIsAMalformedRowNamingItsCell() throws Exception {
            Path file = dir.resolve("uncalculated.xlsx");
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                Sheet sheet = workbook.createSheet("Log");
                header(sheet.createRow(0));
                dataRow(sheet, 1).createCell(4).setCellFormula("1+1");
                save(workbook, file);
            }

            assertThat(read(file)).singleElement().extracting(r -> english(r.malformed())).asString()
                    .startsWith("the formula in E2 has no saved result");
        }

        @Test
        void aFormulaSavedWithAnEmptyResultAsOpenpyxlSavesItIsAMalformedRowToo() throws Exception {
            Path file = dir.resolve("openpyxl.xlsx");
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                Sheet sheet = workbook.createSheet("Log");
                header(sheet.createRow(0));
                dataRow(sheet, 1).createCell(4).setCellFormula("1+1");
                Row text = dataRow(sheet, 2);
                text.createCell(4).setCellFormula("2+2");
                save(workbook, file);
            }
            // openpyxl writes <v/> for a formula it does not calculate; an empty text result is t="str" with <v></v>.
            rewrite(file, "xl/worksheets/sheet1.xml", xml -> xml.replace("<f>1+1</f></c>", "<f>1+1</f><v/></c>")
                    .replaceAll("<c r=\"E3\"([^>]*)><f>2\\+2</f></c>", "<c r=\"E3\"$1 t=\"str\"><f>2+2</f><v></v></c>"));

            List<RawRow> rows = read(file);
            assertThat(rows).hasSize(2);
            assertThat(english(rows.get(0).malformed())).startsWith("the formula in E2 has no saved result");
            assertThat(rows.get(1).malformed()).isNull();
            assertThat(rows.get(1).get(Column.UAV_COUNT)).isNullOrEmpty();
        }

        @Test
        void cellsRightOfTheHeaderAreIgnoredWithAWarning() throws Exception {
            Path file = dir.resolve("wide.xlsx");
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                Sheet sheet = workbook.createSheet("Log");
                header(sheet.createRow(0));
                dataRow(sheet, 1).createCell(9).setCellValue("a stray note");
                save(workbook, file);
            }
            try (IncidentRows rows = IncidentRows.open(file, "wide.xlsx")) {
                assertThat(readAll(rows)).hasSize(1);
                assertThat(rows.warnings()).containsExactly(
                        "sheet Log: cells right of the header's last column are ignored (the first in row 2)");
            }
        }

        @Test
        void aMergedHeaderCellNamesOneColumnAndARowOnlyCoveredByAMergeIsBlank() throws Exception {
            Path file = dir.resolve("merged.xlsx");
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                Sheet sheet = workbook.createSheet("Log");
                header(sheet.createRow(0));
                sheet.getRow(0).createCell(6).setCellValue("Notes");
                sheet.addMergedRegion(org.apache.poi.ss.util.CellRangeAddress.valueOf("G1:H1"));
                dataRow(sheet, 1).createCell(0).setCellValue("2025-12-08 01:00");
                sheet.addMergedRegion(org.apache.poi.ss.util.CellRangeAddress.valueOf("A2:A4"));
                dataRow(sheet, 2);
                save(workbook, file);
            }

            List<RawRow> rows = read(file);
            // Filled like a data row's, the merged header would name notes twice and be rejected.
            assertThat(rows).extracting(RawRow::line).containsExactly(2L, 3L);
            assertThat(rows).extracting(row -> row.get(Column.OCCURRED_AT)).containsOnly("2025-12-08 01:00");
        }

        private static void header(Row row) {
            String[] names = {"occurred_at", "region", "district", "event_type", "uav_count", "source"};
            for (int i = 0; i < names.length; i++) {
                row.createCell(i).setCellValue(names[i]);
            }
        }

        private static Row dataRow(Sheet sheet, int index) {
            Row row = sheet.createRow(index);
            row.createCell(1).setCellValue("Kursk region");
            row.createCell(3).setCellValue("attack");
            row.createCell(5).setCellValue("Governor");
            return row;
        }
    }

    /** Tables pasted one under another in one sheet: the second header is no row, and the warning names its row. */
    @Test
    void aHeaderRepeatedInASheetIsNoRowAndTheWarningNamesTheSheetAndRow() throws Exception {
        List<String> header = List.of("night", "region", "event_type", "source");
        Path file = XlsxFixtures.sheets(dir.resolve("pasted.xlsx"), List.of("Week"), List.of(List.of(
                header,
                List.of("2025-12-07/08", "Kursk region", "shot_down", "a"),
                List.of("Night", " Region ", "EVENT_TYPE", "source"),
                List.of("2025-12-08/09", "Kursk region", "shot_down", "b"))));
        try (IncidentRows workbook = IncidentRows.open(file, "pasted.xlsx")) {
            List<RawRow> rows = readAll(workbook);

            assertThat(rows).extracting(RawRow::line).containsExactly(2L, 4L);
            assertThat(rows).extracting(row -> row.get(Column.SOURCE)).containsExactly("a", "b");
            assertThat(workbook.warnings()).containsExactly(
                    "sheet Week: the header row again on row 3: passed over, not read as incidents");
        }
    }

    /**
     * A header of two rows, as reporting tables are drawn: "Последствия" merged over the killed and injured columns,
     * their names below it; the other names merged down over both rows. Read as one header, the two columns' figures
     * were lost and the names' row was a rejected row.
     */
    @Test
    void aGroupMergedAcrossColumnsWithTheirNamesBelowIsAHeaderOfTwoRows() throws Exception {
        Path file = dir.resolve("two.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Сводка");
            cells(sheet.createRow(0), "Дата", "Регион", "Тип", "Последствия", null, "Источник");
            cells(sheet.createRow(1), null, null, null, "погибшие", "раненые", null);
            sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(0, 0, 3, 4));
            for (int column : new int[] {0, 1, 2, 5}) {
                sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(0, 1, column, column));
            }
            cells(sheet.createRow(2), "07.12.2025 23:40", "Ростовская область", "сбит", "0", "1", "Губернатор");
            cells(sheet.createRow(3), "08.12.2025 02:10", "Белгородская область", "обломки", "1", "2", "Гладков");
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        try (IncidentRows workbook = IncidentRows.open(file, "two.xlsx")) {
            List<RawRow> rows = readAll(workbook);

            assertThat(rows).extracting(RawRow::line).containsExactly(3L, 4L);
            assertThat(rows).extracting(row -> row.get(Column.KILLED)).containsExactly("0", "1");
            assertThat(rows).extracting(row -> row.get(Column.INJURED)).containsExactly("1", "2");
            assertThat(rows).extracting(row -> row.get(Column.SOURCE)).containsExactly("Губернатор", "Гладков");
            assertThat(workbook.warnings()).containsExactly("sheet Сводка: the header is rows 1 and 2: the columns"
                    + " under 'Последствия' are read by their names in row 2: 'погибшие', 'раненые'");
        }
    }

    /** A merge across header columns with data right below it: the row below is data, as it always was. */
    @Test
    void aRowBelowAMergedHeaderCellThatNamesNothingIsData() throws Exception {
        Path file = dir.resolve("merged.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Log");
            cells(sheet.createRow(0), "night", "region", "event_type", "source", null);
            sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(0, 0, 3, 4));
            cells(sheet.createRow(1), null, null, null, "Governor", "Telegram");
            cells(sheet.createRow(2), "2025-12-07/08", "Kursk region", "shot_down", "Governor", null);
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        try (IncidentRows workbook = IncidentRows.open(file, "merged.xlsx")) {
            List<RawRow> rows = readAll(workbook);

            assertThat(rows).extracting(RawRow::line).containsExactly(2L, 3L);
            assertThat(rows.get(0).get(Column.SOURCE)).isEqualTo("Governor");
            assertThat(workbook.warnings()).noneMatch(warning -> warning.contains("rows 1 and 2"));
        }
    }

    private static void cells(Row row, String... values) {
        for (int c = 0; c < values.length; c++) {
            if (values[c] != null) {
                row.createCell(c).setCellValue(values[c]);
            }
        }
    }

    @Nested
    class RejectedWhole {

        @Test
        void aPasswordProtectedWorkbookSaysSo() throws Exception {
            assertThat(rejection(XlsxFixtures.encrypted(dir.resolve("locked.xlsx"))))
                    .isEqualTo("locked.xlsx: the workbook is protected by a password (encrypted):"
                            + " save a copy without a password to read it");
        }

        @Test
        void anOldXlsUnderAnXlsxNameSaysSo() throws Exception {
            assertThat(rejection(XlsxFixtures.xlsRenamed(dir.resolve("old.xlsx"))))
                    .isEqualTo("old.xlsx: an Excel 97–2003 workbook (.xls) under an .xlsx name: save it as Excel Workbook (.xlsx)");
        }

        @Test
        void aDamagedWorkbookSaysSo() throws Exception {
            assertThat(rejection(XlsxFixtures.truncated(dir.resolve("cut.xlsx"))))
                    .startsWith("cut.xlsx: not a readable .xlsx workbook (damaged, or not saved by a spreadsheet program): ");
        }

        @Test
        void aCsvFileNamedXlsxSaysWhatItIs() throws Exception {
            Path file = Files.writeString(dir.resolve("text.xlsx"), "occurred_at,region\n");
            assertThat(rejection(file)).isEqualTo("text.xlsx: not an Excel workbook (.xlsx), whatever its name says:"
                    + " its content is not a zip package (text, or damaged)");
        }

        @Test
        void aSheetWhoseXmlIsDamagedIsSkippedWithTheReason() throws Exception {
            Path whole = XlsxFixtures.logbook(dir.resolve("whole.xlsx"));
            Path file = dir.resolve("broken-sheet.xlsx");
            // The same package, with the Log sheet's XML cut off inside its first row.
            try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(whole));
                 var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
                for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    byte[] bytes = in.readAllBytes();
                    if (entry.getName().equals("xl/worksheets/sheet2.xml")) {
                        String xml = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                        bytes = xml.substring(0, xml.indexOf("<row") + 12).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    }
                    out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                    out.write(bytes);
                    out.closeEntry();
                }
            }

            assertThat(rejection(file)).startsWith("broken-sheet.xlsx: no sheet has a header row we can read; sheets found:"
                    + " Read me (row 1 is not a header we can read: no column for occurred_at or night,"
                    + " region, event_type, source; found 'Incidents as the duty officer logs them'; map them with"
                    + " --columns (see docs/input.md)); Log (not a readable .xlsx workbook (damaged, or not saved by a"
                    + " spreadsheet program): the sheet's XML is damaged: ").endsWith("; Sheet3 (empty)");
        }

        @Test
        void anEmptyFileSaysSo() throws Exception {
            assertThat(rejection(Files.write(dir.resolve("empty.xlsx"), new byte[0])))
                    .isEqualTo("empty.xlsx: an empty file, not an Excel workbook");
        }

        @Test
        void aTableOfIncidentsWhoseHeaderLacksAColumnIsOneRejectedRowAndTheOtherSheetsAreRead() throws Exception {
            // Monday reads; Tuesday is a table of incidents without a source column: not read, and said so as a
            // rejected row at its header on every run, where a warning is said once.
            Path file = XlsxFixtures.sheets(dir.resolve("week.xlsx"), List.of("Monday", "Tuesday"), List.of(
                    List.of(List.of("occurred_at", "region", "event_type", "source"),
                            List.of("2025-12-08 01:00", "Kursk region", "attack", "Governor")),
                    List.of(List.of("occurred_at", "region", "event_type", "uav_count"),
                            List.of("2025-12-09 01:00", "Kursk region", "attack", "2"))));

            List<RawRow> rows = read(file);

            assertThat(rows).hasSize(2);
            RawRow tuesday = rows.stream().filter(r -> r.malformed() != null).findFirst().orElseThrow();
            assertThat(tuesday.file()).isEqualTo("week.xlsx#Tuesday");
            assertThat(tuesday.line()).isEqualTo(1);
            assertThat(english(tuesday.malformed())).isEqualTo("sheet not read: row 1 is a table of incidents whose"
                    + " header we cannot read: no column for source; found 'occurred_at', 'region', 'event_type',"
                    + " 'uav_count'; map them with --columns (see docs/input.md)");
            assertThat(rows).filteredOn(r -> r.malformed() == null).singleElement()
                    .satisfies(r -> assertThat(r.get(Column.SOURCE)).isEqualTo("Governor"));
        }

        @Test
        void aTitleAboveTheHeaderIsPassedOverAndTheRowsBelowItRead() throws Exception {
            Path file = XlsxFixtures.sheets(dir.resolve("week.xlsx"), List.of("Пн", "Вт"), List.of(
                    List.of(List.of("occurred_at", "region", "event_type", "source"),
                            List.of("2025-12-08 01:00", "Kursk region", "attack", "Governor")),
                    List.of(List.of("Сводка за 09.12.2025"), List.of(), List.of("", "по данным губернаторов"),
                            List.of("occurred_at", "region", "event_type", "source"),
                            List.of("2025-12-09 01:00", "Bryansk region", "debris", "Governor"),
                            List.of("2025-12-09 02:00", "Kursk region", "attack", "MoD"))));
            try (IncidentRows rows = IncidentRows.open(file, "week.xlsx")) {
                List<RawRow> read = readAll(rows);
                assertThat(read).extracting(RawRow::file, RawRow::line, r -> r.get(Column.REGION)).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("week.xlsx#Пн", 2L, "Kursk region"),
                        org.assertj.core.groups.Tuple.tuple("week.xlsx#Вт", 5L, "Bryansk region"),
                        org.assertj.core.groups.Tuple.tuple("week.xlsx#Вт", 6L, "Kursk region"));
                assertThat(rows.warnings()).contains("sheet Вт: the header is row 4; the rows above it are titles, not"
                        + " read: 'Сводка за 09.12.2025', 'по данным губернаторов'");
            }
        }

        @Test
        void aTableOfIncidentsBelowATitleWhoseHeaderCannotBeReadIsOneRejectedRowAtItsHeader() throws Exception {
            Path file = XlsxFixtures.sheets(dir.resolve("week.xlsx"), List.of("Monday", "Tuesday"), List.of(
                    List.of(List.of("occurred_at", "region", "event_type", "source"),
                            List.of("2025-12-08 01:00", "Kursk region", "attack", "Governor")),
                    List.of(List.of("Сводка за 09.12.2025"),
                            List.of("occurred_at", "region", "event_type", "uav_count"),
                            List.of("2025-12-09 01:00", "Kursk region", "attack", "2"))));

            RawRow tuesday = read(file).stream().filter(r -> r.malformed() != null).findFirst().orElseThrow();

            assertThat(tuesday.file()).isEqualTo("week.xlsx#Tuesday");
            assertThat(tuesday.line()).isEqualTo(2);
            assertThat(english(tuesday.malformed())).startsWith("sheet not read: row 2 is a table of incidents whose"
                    + " header we cannot read: no column for source");
        }

        @Test
        void aPivotTableOrANotesPageBesideTheDataIsSkippedWithAWarning() throws Exception {
            Path file = XlsxFixtures.sheets(dir.resolve("week.xlsx"), List.of("Log", "By region", "Read me"), List.of(
                    List.of(List.of("occurred_at", "region", "event_type", "source"),
                            List.of("2025-12-08 01:00", "Kursk region", "attack", "Governor")),
                    List.of(List.of("Регион", "Количество"), List.of("Kursk region", "1")),
                    List.of(List.of("How to fill in this log"))));
            try (IncidentRows rows = IncidentRows.open(file, "week.xlsx")) {
                assertThat(readAll(rows)).hasSize(1);
                // Judged by their first rows, though both are short enough to be titles of a table below.
                assertThat(rows.warnings()).anyMatch(w -> w.startsWith("sheet By region skipped: row 1 is not a header"))
                        .anyMatch(w -> w.startsWith("sheet Read me skipped: row 1 is not a header"));
            }
        }

        @Test
        void aWorkbookWithoutAReadableSheetNamesTheSheetsItFound() throws Exception {
            Path file = XlsxFixtures.sheets(dir.resolve("feed.xlsx"), List.of("Summary", "Blank"),
                    List.of(List.of(List.of("ts", "place", "kind", "qty")), List.of()));
            assertThat(rejection(file)).isEqualTo("feed.xlsx: no sheet has a header row we can read; sheets found:"
                    + " Summary (row 1 is not a header we can read: no column for region, event_type, source;"
                    + " found 'ts', 'place', 'kind', 'qty'; map them with --columns (see docs/input.md)); Blank (empty)");
        }
    }

    private static List<RawRow> read(Path file) throws FileRejectedException {
        try (IncidentRows rows = IncidentRows.open(file, file.getFileName().toString())) {
            return readAll(rows);
        }
    }

    /** Rewrites one entry of a zip file in place. */
    private static void rewrite(Path file, String entry, java.util.function.UnaryOperator<String> change) throws IOException {
        Path copy = file.resolveSibling(file.getFileName() + ".tmp");
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(file));
             var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(copy))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals(entry)) {
                    String before = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                    String after = change.apply(before);
                    assertThat(after).as("the rewrite changed %s", entry).isNotEqualTo(before);
                    bytes = after.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                out.write(bytes);
                out.closeEntry();
            }
        }
        Files.move(copy, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static void save(XSSFWorkbook workbook, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
    }
}
