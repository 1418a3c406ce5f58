package com.incidenttally.report.excel;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

import com.incidenttally.report.ReportFixtures;
import com.incidenttally.tally.ReportData;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IncidentWorkbookWriterTests {

    static final List<String> SHEETS = List.of("Summary", "By region", "By district", "By night", "Region x night",
            "Incidents", "Data quality", "Run info");

    static XSSFWorkbook write(ReportData data, IncidentWorkbookWriter writer, Path dir, int charts) throws IOException {
        List<Path> pngs = new ArrayList<>();
        for (int i = 0; i < charts; i++) {
            Path png = dir.resolve("chart-" + i + ".png");
            ImageIO.write(new BufferedImage(160, 90, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
            pngs.add(png);
        }
        Path xlsx = dir.resolve("report.xlsx");
        writer.write(data, pngs, xlsx);
        try (InputStream in = Files.newInputStream(xlsx)) {
            return new XSSFWorkbook(in);
        }
    }

    static List<String> sheetNames(XSSFWorkbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    static Optional<Row> rowWhere(Sheet sheet, int column, String text) {
        for (Row row : sheet) {
            Cell cell = row.getCell(column);
            if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(text)) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    static int columnOf(Sheet sheet, String title) {
        for (Cell cell : sheet.getRow(0)) {
            if (cell.getStringCellValue().equals(title)) {
                return cell.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + title + " on " + sheet.getSheetName());
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class SeventyNights {

        ReportFixtures.Data data;
        XSSFWorkbook workbook;

        @BeforeAll
        void writeOnce(@TempDir Path dir) throws IOException {
            data = ReportFixtures.seventyNights();
            workbook = write(data, new IncidentWorkbookWriter(), dir, 5);
        }

        @Test
        void hasTheSheetsInSpecOrder() {
            assertThat(sheetNames(workbook)).containsExactlyElementsOf(SHEETS);
        }

        @ParameterizedTest
        @ValueSource(strings = {"By region", "By district", "By night", "Region x night", "Incidents", "Data quality"})
        void tablesHaveAFrozenFilteredHeaderRepeatedOnEveryPrintedPage(String name) {
            XSSFSheet sheet = workbook.getSheet(name);

            assertThat(sheet.getPaneInformation()).isNotNull();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getCTWorksheet().isSetAutoFilter()).isTrue();
            assertThat(CellRangeAddress.valueOf(sheet.getCTWorksheet().getAutoFilter().getRef()).getFirstRow()).isZero();
            assertThat(sheet.getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("1:1"));
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getFitToPage()).isTrue();
            assertThat(sheet.getPrintSetup().getFitHeight()).isZero();
            assertThat(sheet.getColumnWidth(0)).isGreaterThan(8 * 256);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Summary", "By region", "By district", "By night", "Incidents", "Data quality", "Run info"})
        void printsOnePageWide(String name) {
            assertThat(workbook.getSheet(name).getPrintSetup().getFitWidth()).isEqualTo((short) 1);
        }

        @Test
        void nightsAreRealDates() {
            Sheet byNight = workbook.getSheet("By night");
            Cell evening = byNight.getRow(1).getCell(columnOf(byNight, "Evening date"));

            assertThat(evening.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(evening)).isTrue();
            assertThat(evening.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2025, 10, 1));
            assertThat(byNight.getRow(1).getCell(0).getStringCellValue()).isEqualTo("2025-10-01/02");

            Sheet incidents = workbook.getSheet("Incidents");
            Row hostile = rowWhere(incidents, 0, "HOSTILE-1").orElseThrow();
            Cell localTime = hostile.getCell(columnOf(incidents, "Local time"));
            assertThat(DateUtil.isCellDateFormatted(localTime)).isTrue();
            assertThat(localTime.getLocalDateTimeCellValue()).isEqualTo(LocalDate.of(2025, 12, 9).atTime(23, 40));
        }

        @Test
        void countsAreRealNumbers() {
            Sheet byRegion = workbook.getSheet("By region");
            Cell incidents = byRegion.getRow(1).getCell(columnOf(byRegion, "Incidents"));

            assertThat(incidents.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat((long) incidents.getNumericCellValue()).isEqualTo(data.byRegion().get(0).incidents());
        }

        @Test
        void formulaLikeTextFromTheInputStaysText() {
            Sheet incidents = workbook.getSheet("Incidents");
            Row hostile = rowWhere(incidents, 0, "HOSTILE-1").orElseThrow();
            Cell location = hostile.getCell(columnOf(incidents, "Location"));

            assertThat(location.getCellType()).isEqualTo(CellType.STRING);
            assertThat(location.getStringCellValue()).isEqualTo(ReportFixtures.HYPERLINK);
            assertThat(location.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(hostile.getCell(columnOf(incidents, "District")).getStringCellValue())
                    .isEqualTo(ReportFixtures.CYRILLIC_DISTRICT);

            Sheet quality = workbook.getSheet("Data quality");
            Row rejected = rowWhere(quality, 5, ReportFixtures.HYPERLINK).orElseThrow();
            assertThat(rejected.getCell(5).getCellType()).isEqualTo(CellType.STRING);
        }

        @Test
        void noCellAnywhereIsAFormula() {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as(sheet.getSheetName() + "!" + cell.getAddress())
                                .isNotEqualTo(CellType.FORMULA);
                    }
                }
            }
        }

        @Test
        void overLongTextIsCutWithAVisibleMarker() {
            Sheet incidents = workbook.getSheet("Incidents");
            Row row = rowWhere(incidents, 0, "LONG-NOTE").orElseThrow();
            String notes = row.getCell(columnOf(incidents, "Notes")).getStringCellValue();

            assertThat(notes).hasSizeLessThanOrEqualTo(32_767);
            assertThat(notes).endsWith("… [cut: 40,000 characters]");
            assertThat(ReportFixtures.longNote()).startsWith(notes.substring(0, notes.indexOf('…')));
        }

        @Test
        void everyIncidentHasItsRowWithWhereItCameFrom() {
            Sheet incidents = workbook.getSheet("Incidents");

            assertThat(incidents.getLastRowNum()).isEqualTo(data.incidentList().size());
            Row hostile = rowWhere(incidents, 0, "HOSTILE-1").orElseThrow();
            assertThat(hostile.getCell(columnOf(incidents, "From (file:line)")).getStringCellValue())
                    .isEqualTo("digest.csv:4, governors.csv:9");
            assertThat(hostile.getCell(columnOf(incidents, "Event type")).getStringCellValue()).isEqualTo("Debris");
            assertThat(hostile.getCell(columnOf(incidents, "Night")).getStringCellValue()).isEqualTo("2025-12-09/10");
            Row longNote = rowWhere(incidents, 0, "LONG-NOTE").orElseThrow();
            assertThat(longNote.getCell(columnOf(incidents, "UAVs")).getCellType()).isEqualTo(CellType.BLANK);
        }

        @ParameterizedTest
        @ValueSource(strings = {"By region", "By district", "By night"})
        void totalRowsAddUpToTheTotals(String name) {
            Sheet sheet = workbook.getSheet(name);
            Row total = sheet.getRow(sheet.getLastRowNum());

            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("Total");
            assertThat((long) total.getCell(columnOf(sheet, "Incidents")).getNumericCellValue())
                    .isEqualTo(data.totals().incidents());
            assertThat((long) total.getCell(columnOf(sheet, "UAVs reported")).getNumericCellValue())
                    .isEqualTo(data.totals().uavReported());
            assertThat((long) total.getCell(columnOf(sheet, "Incidents with unknown count")).getNumericCellValue())
                    .isEqualTo(data.totals().unknownCount());
            assertThat((long) total.getCell(columnOf(sheet, "Killed")).getNumericCellValue())
                    .isEqualTo(data.totals().killed());
            assertThat((long) total.getCell(columnOf(sheet, "Injured")).getNumericCellValue())
                    .isEqualTo(data.totals().injured());
            long typed = 0;
            for (String type : List.of("Shot down", "Debris", "Impact", "Attack")) {
                typed += (long) total.getCell(columnOf(sheet, type)).getNumericCellValue();
            }
            assertThat(typed).isEqualTo(data.totals().incidents());
            // The filter covers the groups, not the total under them.
            CellRangeAddress filter = CellRangeAddress.valueOf(
                    ((XSSFSheet) sheet).getCTWorksheet().getAutoFilter().getRef());
            assertThat(filter.getLastRow()).isEqualTo(total.getRowNum() - 1);
        }

        @Test
        void regionByNightHasTotalsOnBothAxesAndAColourScale() {
            XSSFSheet matrix = workbook.getSheet("Region x night");
            int totalColumn = columnOf(matrix, "Total");
            Row bottom = matrix.getRow(matrix.getLastRowNum());

            assertThat(totalColumn).isEqualTo(1 + 70);
            assertThat(matrix.getRow(0).getCell(1).getStringCellValue()).isEqualTo("2025-10-01/02");
            assertThat(bottom.getCell(0).getStringCellValue()).isEqualTo("Total");
            assertThat((long) bottom.getCell(totalColumn).getNumericCellValue()).isEqualTo(data.totals().incidents());
            Row first = matrix.getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo(data.regionNight().regions().get(0));
            assertThat((long) first.getCell(totalColumn).getNumericCellValue())
                    .isEqualTo(data.byRegion().get(0).incidents());
            long lastNight = 0;
            for (int r = 0; r < data.regionNight().regions().size(); r++) {
                lastNight += data.regionNight().count(r, 69);
            }
            assertThat((long) bottom.getCell(70).getNumericCellValue()).isEqualTo(lastNight);
            assertThat(matrix.getSheetConditionalFormatting().getNumConditionalFormattings()).isEqualTo(1);
            assertThat(matrix.getSheetConditionalFormatting().getConditionalFormattingAt(0).getRule(0)
                    .getColorScaleFormatting()).isNotNull();
            assertThat(matrix.getPaneInformation().getVerticalSplitPosition()).isEqualTo((short) 1);
        }

        @Test
        void summaryShowsTheKeyFiguresTheComparisonAndTheCharts() {
            XSSFSheet summary = workbook.getSheet("Summary");
            DataFormatter formatter = new DataFormatter();

            assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Aerial incidents — 2025-10-01_2025-12-09");
            Row incidents = rowWhere(summary, 0, "Incidents").orElseThrow();
            assertThat((long) incidents.getCell(1).getNumericCellValue()).isEqualTo(data.totals().incidents());
            assertThat((long) incidents.getCell(2).getNumericCellValue()).isEqualTo(data.previousTotals().incidents());
            assertThat((long) incidents.getCell(3).getNumericCellValue())
                    .isEqualTo(data.totals().incidents() - data.previousTotals().incidents());
            assertThat(formatter.formatCellValue(rowWhere(summary, 0, "Injured").orElseThrow().getCell(1)))
                    .isEqualTo(String.format("%,d", data.totals().injured()));
            for (String figure : List.of("UAVs reported", "Incidents with unknown UAV count", "Regions affected",
                    "Districts affected", "Nights with incidents", "Killed")) {
                assertThat(rowWhere(summary, 0, figure)).as(figure).isPresent();
            }
            Row rostov = rowWhere(summary, 0, "Rostov Oblast").orElseThrow();
            assertThat(rostov.getCell(1).getStringCellValue()).isEqualTo("RU-ROS");
            assertThat(rostov.getCell(4).getNumericCellValue())
                    .isEqualTo(rostov.getCell(2).getNumericCellValue() - rostov.getCell(3).getNumericCellValue());
            Row generated = rowWhere(summary, 0, "Generated at (UTC)").orElseThrow();
            assertThat(DateUtil.isCellDateFormatted(generated.getCell(1))).isTrue();
            assertThat(summary.getDrawingPatriarch().getShapes()).hasSize(5);
            assertThat(workbook.getAllPictures()).hasSize(5);
        }

        @Test
        void dataQualityListsWarningsResolutionsMergesAndRejections() {
            Sheet quality = workbook.getSheet("Data quality");
            List<String> categories = new ArrayList<>();
            for (Row row : quality) {
                if (row.getRowNum() > 0) {
                    categories.add(row.getCell(0).getStringCellValue());
                }
            }

            assertThat(categories).containsExactly("Warning", "Warning", "Name resolution", "Name resolution",
                    "Name resolution", "Merge conflict", "Merge", "Rejected row", "Rejected row", "Rejected row",
                    "Rejected row");
            Row negative = rowWhere(quality, 5, "-3").orElseThrow();
            assertThat((long) negative.getCell(2).getNumericCellValue()).isEqualTo(3);
            assertThat(negative.getCell(1).getStringCellValue()).isEqualTo("digest.csv");
            assertThat(rowWhere(quality, 5, "Verhnedonneskoye").orElseThrow().getCell(6).getStringCellValue())
                    .isEqualTo("Read as Verkhnedonskoy District (fuzzy, score 0.86)");
            Row conflict = rowWhere(quality, 0, "Merge conflict").orElseThrow();
            assertThat(conflict.getCell(6).getStringCellValue()).contains("conflicting values: uav_count: 1 / unknown");
            // A raw line with a line break inside quotes is shown whole, on a row tall enough for it.
            Row multiLine = rowWhere(quality, 5, ReportFixtures.HYPERLINK).orElseThrow();
            assertThat(multiLine.getCell(8).getStringCellValue()).contains("\n");
            assertThat(multiLine.getCell(8).getCellStyle().getWrapText()).isTrue();
            assertThat(multiLine.getCell(8).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(multiLine.getHeightInPoints()).isGreaterThan(quality.getDefaultRowHeightInPoints());
        }

        @Test
        void runInfoListsEachInputFileWithItsChecksumAndCounts() {
            Sheet run = workbook.getSheet("Run info");
            Row digest = rowWhere(run, 0, "digest.csv").orElseThrow();

            assertThat(digest.getCell(1).getStringCellValue()).hasSize(64);
            assertThat(digest.getCell(2).getStringCellValue()).isEqualTo("windows-1251");
            assertThat(digest.getCell(3).getStringCellValue()).isEqualTo("semicolon");
            assertThat(digest.getCell(4).getNumericCellValue()).isEqualTo(22);
            assertThat(digest.getCell(5).getNumericCellValue() + digest.getCell(6).getNumericCellValue()).isEqualTo(22);
            assertThat(digest.getCell(7).getStringCellValue()).isEqualTo("loaded");
            assertThat(rowWhere(run, 0, "ingestStep").orElseThrow().getCell(1).getNumericCellValue()).isEqualTo(5.23);
            assertThat(rowWhere(run, 0, "night-window").orElseThrow().getCell(1).getStringCellValue())
                    .isEqualTo("18:00-06:00");
            assertThat(rowWhere(run, 0, "Rejected").orElseThrow().getCell(1).getNumericCellValue()).isEqualTo(4);
        }

        @Test
        void usesAFixedSmallSetOfCellStyles() {
            assertThat(workbook.getNumCellStyles()).isLessThan(40);
        }
    }

    @Nested
    class Continuation {

        @TempDir
        Path dir;

        @Test
        void incidentsContinueOnNumberedSheetsPastTheRowLimit() throws IOException {
            ReportFixtures.Data data = ReportFixtures.seventyNights();
            int incidents = data.incidentList().size();
            XSSFWorkbook workbook = write(data, new IncidentWorkbookWriter(1000), dir, 0);

            assertThat(sheetNames(workbook)).containsExactly("Summary", "By region", "By district", "By night",
                    "Region x night", "Incidents", "Incidents (2)", "Incidents (3)", "Data quality", "Run info");
            int rows = 0;
            for (String name : List.of("Incidents", "Incidents (2)", "Incidents (3)")) {
                XSSFSheet sheet = workbook.getSheet(name);
                assertThat(sheet.getLastRowNum()).isLessThan(1000);
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Id");
                assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
                assertThat(sheet.getCTWorksheet().isSetAutoFilter()).isTrue();
                rows += sheet.getLastRowNum();
            }
            assertThat(rows).isEqualTo(incidents);
            assertThat(workbook.getSheet("Incidents (2)").getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo(data.incidentList().get(999).id());
        }

        @Test
        void refusesARowLimitThatCannotHoldAHeaderAndARow() {
            assertThatIllegalArgumentException().isThrownBy(() -> new IncidentWorkbookWriter(1));
            assertThatIllegalArgumentException().isThrownBy(() -> new IncidentWorkbookWriter(2_000_000));
        }
    }

    @Nested
    class HostileText {

        @TempDir
        Path dir;

        @Test
        void controlCharactersAndBrokenSurrogatesDoNotBreakTheFile() throws IOException {
            ReportFixtures.Data empty = ReportFixtures.emptyWeek();
            List<com.incidenttally.tally.Rejection> rejections = List.of(new com.incidenttally.tally.Rejection(
                    "a.csv", 2, "notes", "bell\u0007nul\u0000 lone\uD800 end", "reason", "raw"));
            ReportFixtures.Data data = new ReportFixtures.Data(empty.period(), empty.generatedAt(), empty.totals(),
                    null, null, List.of(), List.of(), List.of(), List.of(), empty.regionNight(), List.of(),
                    List.of(), rejections, List.of(), List.of(), List.of(), empty.runInfo());

            XSSFWorkbook workbook = write(data, new IncidentWorkbookWriter(), dir, 0);

            // XML cannot hold these characters; each becomes a visible '?' rather than a corrupt file.
            assertThat(workbook.getSheet("Data quality").getRow(1).getCell(5).getStringCellValue())
                    .isEqualTo("bell?nul? lone? end");
        }
    }

    @Nested
    class EmptyPeriod {

        @TempDir
        Path dir;

        @Test
        void stillWritesEverySheetAndSaysSoOnSummary() throws IOException {
            XSSFWorkbook workbook = write(ReportFixtures.emptyWeek(), new IncidentWorkbookWriter(), dir, 4);

            assertThat(sheetNames(workbook)).containsExactlyElementsOf(SHEETS);
            Sheet summary = workbook.getSheet("Summary");
            assertThat(rowWhere(summary, 0, "No incidents in 2025-W50 (nights 2025-12-08/09 to 2025-12-14/15).")).isPresent();
            assertThat(rowWhere(summary, 0, "There is no previous period in the store to compare with.")).isPresent();
            assertThat(rowWhere(summary, 0, "Incidents").orElseThrow().getCell(1).getNumericCellValue()).isZero();
            Sheet incidents = workbook.getSheet("Incidents");
            assertThat(incidents.getRow(1).getCell(0).getStringCellValue()).startsWith("No incidents in 2025-W50");
            Sheet byRegion = workbook.getSheet("By region");
            assertThat(byRegion.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Total");
        }
    }
}
