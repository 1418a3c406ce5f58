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
import java.util.Set;

import javax.imageio.ImageIO;

import com.incidenttally.places.Gazetteer;
import com.incidenttally.report.Language;
import com.incidenttally.report.ReportFixtures;
import com.incidenttally.report.ReportTexts;
import com.incidenttally.tally.ReportData;
import com.incidenttally.tally.TallyRow;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFChart;
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
import static org.assertj.core.api.Assertions.within;

class IncidentWorkbookWriterTests {

    static final List<String> SHEETS = List.of("Summary", "Map", "By region", "By district", "By night", "Region x night",
            "Incidents", "Data quality", "Sources", "Run info");

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

    static String allText(Sheet sheet) {
        StringBuilder text = new StringBuilder();
        sheet.forEach(row -> row.forEach(cell -> {
            if (cell.getCellType() == CellType.STRING) {
                text.append(cell.getStringCellValue()).append('\n');
            }
        }));
        return text.toString();
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
            // Pages tall are planned for the table's rows (PageFit), so that a few rows never spill onto a
            // page of their own and LibreOffice takes the pages Excel takes.
            assertThat(sheet.getPrintSetup().getFitHeight()).isPositive();
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
        void anUnresolvedDistrictIsMarkedOnTheIncidentsAndInItsTally() {
            String marked = ReportFixtures.UNRESOLVED_DISTRICT + " (unresolved)";
            Sheet incidents = workbook.getSheet("Incidents");
            Row unresolved = rowWhere(incidents, 0, "UNRESOLVED-1").orElseThrow();
            assertThat(unresolved.getCell(columnOf(incidents, "District")).getStringCellValue()).isEqualTo(marked);
            Row resolved = rowWhere(incidents, 0, "HOSTILE-1").orElseThrow();
            assertThat(resolved.getCell(columnOf(incidents, "District")).getStringCellValue())
                    .isEqualTo(ReportFixtures.CYRILLIC_DISTRICT);

            Sheet byDistrict = workbook.getSheet("By district");
            Row tally = rowWhere(byDistrict, 2, marked).orElseThrow();
            assertThat(tally.getCell(0).getStringCellValue()).isEqualTo("Volgograd Oblast");
            assertThat(tally.getCell(columnOf(byDistrict, "Incidents")).getNumericCellValue()).isEqualTo(1);
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
            assertThat(incidents.getRow(0).getCell(columnOf(incidents, "Killed")).getCellStyle().getAlignment())
                    .isEqualTo(HorizontalAlignment.RIGHT);
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
            Row total = rowWhere(sheet, 0, "Total").orElseThrow();

            assertThat((long) total.getCell(columnOf(sheet, "Incidents")).getNumericCellValue())
                    .isEqualTo(data.totals().incidents());
            assertThat((long) total.getCell(columnOf(sheet, "UAVs reported (drones)")).getNumericCellValue())
                    .isEqualTo(data.totals().uavReported());
            assertThat((long) total.getCell(columnOf(sheet, "Incidents with unknown count")).getNumericCellValue())
                    .isEqualTo(data.totals().unknownCount());
            assertThat((long) total.getCell(columnOf(sheet, "Killed (people)")).getNumericCellValue())
                    .isEqualTo(data.totals().killed());
            assertThat((long) total.getCell(columnOf(sheet, "Injured (people)")).getNumericCellValue())
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
            // The night's label on two lines, evening and morning, so that its column stays narrow.
            assertThat(matrix.getRow(0).getCell(1).getStringCellValue()).isEqualTo("2025-10-01/\n02");
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

            // Issue 19: the period in human dates, first evening to last morning (no break inside a date).
            assertThat(summary.getRow(0).getCell(0).getStringCellValue().replace('\u00a0', ' '))
                    .isEqualTo("Aerial incidents — 1 Oct – 10 Dec 2025");
            // The nights without their year: the period lies in one year, which the title gives.
            assertThat(summary.getRow(1).getCell(0).getStringCellValue().replace('\u00a0', ' '))
                    .endsWith(": nights 1–2 Oct to 9–10 Dec");
            Row incidents = rowWhere(summary, 0, "Incidents").orElseThrow();
            assertThat((long) incidents.getCell(1).getNumericCellValue()).isEqualTo(data.totals().incidents());
            assertThat((long) incidents.getCell(2).getNumericCellValue()).isEqualTo(data.previousTotals().incidents());
            assertThat((long) incidents.getCell(3).getNumericCellValue())
                    .isEqualTo(data.totals().incidents() - data.previousTotals().incidents());
            assertThat(formatter.formatCellValue(rowWhere(summary, 0, "Injured (people)").orElseThrow().getCell(1)))
                    .isEqualTo(String.format("%,d", data.totals().injured()));
            for (String figure : List.of("UAVs reported (drones)", "Incidents with unknown UAV count", "Regions affected",
                    "Districts affected", "Nights with incidents", "Killed (people)")) {
                assertThat(rowWhere(summary, 0, figure)).as(figure).isPresent();
            }
            Row rostov = rowWhere(summary, 0, "Rostov Oblast").orElseThrow();
            assertThat(rostov.getCell(3).getNumericCellValue())
                    .isEqualTo(rostov.getCell(1).getNumericCellValue() - rostov.getCell(2).getNumericCellValue());
            Row generated = rowWhere(summary, 0, "Generated at (UTC)").orElseThrow();
            assertThat(DateUtil.isCellDateFormatted(generated.getCell(1))).isTrue();
            assertThat(formatter.formatCellValue(generated.getCell(1))).isEqualTo("2025-12-15 06:30:00");
            // Three native charts on the page (by night, weekly trend, top regions), the five PNG charts below it.
            assertThat(summary.getDrawingPatriarch().getCharts()).hasSize(3);
            assertThat(workbook.getAllPictures()).hasSize(5);
            // Each picture has a size of its own (POI's resize once gave them none).
            summary.getDrawingPatriarch().getShapes().stream()
                    .filter(org.apache.poi.xssf.usermodel.XSSFPicture.class::isInstance)
                    .map(shape -> (org.apache.poi.xssf.usermodel.XSSFClientAnchor) shape.getAnchor())
                    .forEach(anchor -> {
                        // 160×90 pixels at 55%: wider than nothing, a few rows tall.
                        assertThat((int) anchor.getCol2()).isGreaterThan(anchor.getCol1());
                        assertThat(anchor.getRow2()).isGreaterThan(anchor.getRow1() + 1);
                    });
        }

        @Test
        void summaryGivesThePercentChangeAndLeavesItBlankWhereThereWasNothingBefore() {
            XSSFSheet summary = workbook.getSheet("Summary");
            Row header = rowWhere(summary, 0, "Figure").orElseThrow();
            assertThat(header.getCell(4).getStringCellValue()).isEqualTo("% change");

            Row incidents = rowWhere(summary, 0, "Incidents").orElseThrow();
            double current = data.totals().incidents();
            double before = data.previousTotals().incidents();
            assertThat(incidents.getCell(4).getNumericCellValue()).isCloseTo((current - before) / before, within(1e-9));
            assertThat(new DataFormatter().formatCellValue(incidents.getCell(4)))
                    .isEqualTo(String.format(java.util.Locale.ROOT, "%+.1f%%", 100 * (current - before) / before));
            // The fixture's previous period reported no injured at all: nothing to compare with.
            Row injured = rowWhere(summary, 0, "Injured (people)").orElseThrow();
            assertThat(injured.getCell(2).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(injured.getCell(4).getCellType()).isEqualTo(CellType.BLANK);
            Row rostov = rowWhere(summary, 0, "Rostov Oblast").orElseThrow();
            assertThat(rostov.getCell(4).getNumericCellValue()).isCloseTo(
                    (rostov.getCell(1).getNumericCellValue() - rostov.getCell(2).getNumericCellValue())
                            / rostov.getCell(2).getNumericCellValue(), within(1e-9));
        }

        @Test
        void summaryChartsAreNativeAndDrawnFromTheWorkbooksOwnCells() {
            XSSFSheet summary = workbook.getSheet("Summary");
            List<XSSFChart> charts = summary.getDrawingPatriarch().getCharts();
            String byNight = charts.get(0).getCTChartSpace().xmlText();
            String topRegions = charts.get(2).getCTChartSpace().xmlText();

            // Incidents by night: the Summary's own table below the page, a short date per night (a
            // date an axis cannot break), 70 nights with By night's counts.
            Sheet nights = workbook.getSheet("By night");
            Row first = rowWhere(summary, 0, "Night").orElseThrow();
            int from = first.getRowNum() + 2;
            for (String column : List.of("A", "B")) {
                assertThat(byNight).containsPattern("<c:f>'?Summary'?!\\$" + column + "\\$" + from + ":\\$" + column
                        + "\\$" + (from + 69) + "</c:f>");
            }
            for (int i = 0; i < 70; i++) {
                assertThat(summary.getRow(from - 1 + i).getCell(1).getNumericCellValue())
                        .isEqualTo(nights.getRow(1 + i).getCell(columnOf(nights, "Incidents")).getNumericCellValue());
            }
            assertThat(summary.getRow(from - 1).getCell(0).getStringCellValue()).isEqualTo("1\u00a0Oct");
            // Top regions: the Summary's own table, this period and the previous one.
            Row firstRegion = rowWhere(summary, 0, data.comparison().get(0).region()).orElseThrow();
            int top = firstRegion.getRowNum() + 1;
            int last = top + SummarySheet.TOP_REGIONS - 1;
            for (String column : List.of("A", "B", "C")) {
                assertThat(topRegions).containsPattern("<c:f>'?Summary'?!\\$" + column + "\\$" + top + ":\\$" + column
                        + "\\$" + last + "</c:f>");
            }
            // LibreOffice draws no bars for a series without its own fill.
            for (XSSFChart chart : charts) {
                var bars = chart.getChartSeries().get(0);
                assertThat(bars.getSeriesCount()).isPositive();
                for (int i = 0; i < bars.getSeriesCount(); i++) {
                    assertThat(bars.getSeries(i).getShapeProperties().getFillProperties()).isNotNull();
                }
            }
            // The printed page is the tables and the charts beside them, fitted on one page.
            assertThat(summary.getPrintSetup().getFitHeight()).isEqualTo((short) 1);
            assertThat(workbook.getPrintArea(0)).startsWith("Summary!$A$1:$N$");
        }

        @Test
        void dataQualityPutsWhatNeedsActionFirstAndPrintsOnlyThat() {
            Sheet quality = workbook.getSheet("Data quality");
            Set<String> kinds = Set.of("Rejected rows", "Unresolved name", "Warning", "Rejected row", "Name resolution",
                    "Merge conflict", "Merge");
            int lastPrinted = CellRangeAddress.valueOf(workbook.getPrintArea(workbook.getSheetIndex(quality))
                    .replaceAll("^.*!", "")).getLastRow();
            List<String> categories = new ArrayList<>();
            for (Row row : quality) {
                String category = row.getCell(0) == null ? "" : row.getCell(0).getStringCellValue();
                if (row.getRowNum() > 0 && kinds.contains(category)) {
                    categories.add((row.getRowNum() <= lastPrinted ? "printed: " : "") + category);
                }
            }

            assertThat(categories).containsExactly("printed: Rejected rows", "printed: Rejected rows",
                    "printed: Rejected rows", "printed: Rejected rows", "printed: Unresolved name",
                    "printed: Warning", "printed: Warning", "Rejected row", "Rejected row",
                    "Rejected row", "Rejected row", "Name resolution", "Name resolution", "Merge conflict", "Merge");
            assertThat(quality.getRow(lastPrinted).getCell(0).getStringCellValue()).startsWith("Filter by Category");
            Row negative = rowWhere(quality, 5, "-3").orElseThrow();
            assertThat((long) negative.getCell(2).getNumericCellValue()).isEqualTo(3);
            assertThat(negative.getCell(1).getStringCellValue()).isEqualTo("digest.csv");
            assertThat(rowWhere(quality, 5, "Verhnedonneskoye").orElseThrow().getCell(6).getStringCellValue())
                    .isEqualTo("Read as Verkhnedonskoy District (fuzzy, score 0.86)");
            Row unresolved = rowWhere(quality, 0, "Unresolved name").orElseThrow();
            assertThat(unresolved.getCell(5).getStringCellValue()).isEqualTo("Tractor Factory District");
            assertThat(unresolved.getRowNum()).isLessThan(rowWhere(quality, 0, "Rejected row").orElseThrow().getRowNum());
            Row conflict = rowWhere(quality, 0, "Merge conflict").orElseThrow();
            assertThat(conflict.getCell(6).getStringCellValue()).contains("conflicting values: uav_count: 1 / unknown");
            // A raw line with a line break inside quotes is shown whole, on a row tall enough for it.
            Row multiLine = rowWhere(quality, 8, ReportFixtures.HYPERLINK + ";debris;\"multi\nline\"").orElseThrow();
            assertThat(multiLine.getCell(8).getCellStyle().getWrapText()).isTrue();
            assertThat(multiLine.getCell(8).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(multiLine.getHeightInPoints()).isGreaterThan(quality.getDefaultRowHeightInPoints());
        }

        @Test
        void rejectedRowsAreGroupedByReasonAndSpellingWithCountsAndWhereTheyAre() {
            Sheet quality = workbook.getSheet("Data quality");
            List<Row> groups = new ArrayList<>();
            for (Row row : quality) {
                if (row.getCell(0) != null && row.getCell(0).getStringCellValue().equals("Rejected rows")) {
                    groups.add(row);
                }
            }

            assertThat(groups).extracting(r -> r.getCell(6).getStringCellValue()).containsExactlyInAnyOrder(
                    "file rejected — 1 row",
                    "unknown region '" + ReportFixtures.HYPERLINK + "' — 1 row",
                    "unparseable date/time — 1 row",
                    "a count cannot be negative in uav_count — 1 row");
            Row region = groups.stream().filter(r -> r.getCell(4).getStringCellValue().equals("region")).findFirst()
                    .orElseThrow();
            assertThat(region.getCell(5).getStringCellValue()).isEqualTo(ReportFixtures.HYPERLINK);
            assertThat(region.getCell(7).getNumericCellValue()).isEqualTo(1);
            assertThat(region.getCell(8).getStringCellValue()).isEqualTo("digest.csv:7");
            // A file rejected whole is where it is, without a line.
            assertThat(groups).extracting(r -> r.getCell(8).getStringCellValue()).contains("broken.csv");
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

        @ParameterizedTest
        @ValueSource(strings = {"By region", "By district", "By night", "Incidents", "Data quality"})
        void headingsOfNumberColumnsStandRightAlignedOverTheirNumbers(String name) {
            Sheet sheet = workbook.getSheet(name);
            Row header = sheet.getRow(0);
            int numbers = 0;
            for (Cell heading : header) {
                boolean numeric = false;
                for (int r = 1; r <= Math.min(sheet.getLastRowNum(), 60); r++) {
                    Cell cell = sheet.getRow(r) == null ? null : sheet.getRow(r).getCell(heading.getColumnIndex());
                    if (cell != null && cell.getCellType() == CellType.NUMERIC && !DateUtil.isCellDateFormatted(cell)) {
                        numeric = true;
                    }
                }
                if (numeric) {
                    numbers++;
                    assertThat(heading.getCellStyle().getAlignment()).as(name + ": " + heading.getStringCellValue())
                            .isEqualTo(HorizontalAlignment.RIGHT);
                } else if (heading.getColumnIndex() == 0) {
                    assertThat(heading.getCellStyle().getAlignment()).isNotEqualTo(HorizontalAlignment.RIGHT);
                }
            }
            assertThat(numbers).isPositive();
        }

        @Test
        void casualtiesNobodyReportedAreBlankNotZero() {
            // In the fixture no report of some regions gave a number of killed.
            TallyRow oryol = data.byRegion().stream().filter(r -> r.killedKnown() == 0).findFirst().orElseThrow();
            Sheet byRegion = workbook.getSheet("By region");
            Row row = rowWhere(byRegion, 0, oryol.region()).orElseThrow();

            assertThat(row.getCell(columnOf(byRegion, "Killed (people)")).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(row.getCell(columnOf(byRegion, "Injured (people)")).getCellType())
                    .isEqualTo(oryol.injuredKnown() == 0 ? CellType.BLANK : CellType.NUMERIC);
            // A reported zero stays a zero.
            TallyRow zero = data.byRegion().stream().filter(r -> r.injuredKnown() > 0 && r.injured() == 0).findFirst()
                    .orElse(null);
            if (zero != null) {
                Row reported = rowWhere(byRegion, 0, zero.region()).orElseThrow();
                assertThat(reported.getCell(columnOf(byRegion, "Injured (people)")).getNumericCellValue()).isZero();
            }
            assertThat(allText(byRegion)).contains("blank where no report gave a number");
        }

        @Test
        void notesUnderTheTablesSayWhatTheFiguresLeaveOut() {
            String byNight = allText(workbook.getSheet("By night"));

            assertThat(byNight).contains("the " + String.format("%,d", data.totals().unknownCount())
                    + " incidents whose count is unknown are not in it");
            assertThat(allText(workbook.getSheet("Run info"))).contains("Merged: accepted rows counted in another row's incident");
        }

        @ParameterizedTest
        @ValueSource(strings = {"By region", "By district", "By night", "Incidents", "Data quality", "Run info",
                "Region x night"})
        void everyPrintedPageFitsItsColumnsAtEightPointsOrMore(String name) {
            XSSFSheet sheet = workbook.getSheet(name);
            String area = workbook.getPrintArea(workbook.getSheetIndex(sheet));
            // Run info's widest table is its list of files, eight columns; a table sheet prints its header's width.
            int lastColumn = area != null ? CellRangeAddress.valueOf(area.replaceAll("^.*!", "")).getLastColumn()
                    : name.equals("Run info") ? 7 : sheet.getRow(0).getLastCellNum() - 1;
            long width = 0;
            for (int c = 0; c <= lastColumn; c++) {
                width += sheet.getColumnWidth(c) / 256;
            }
            int pagesWide = sheet.getPrintSetup().getFitWidth();
            assertThat(sheet.getFitToPage()).isTrue();
            assertThat(width).as(name).isLessThanOrEqualTo((long) TableSheet.LEGIBLE_WIDTH_CHARS * pagesWide);
        }

        @Test
        void runInfoGivesEncodingAndDelimiterTheirOwnCellsAndTimesTheReportStepToo() {
            Sheet run = workbook.getSheet("Run info");
            Row header = rowWhere(run, 0, "File").orElseThrow();
            assertThat(header.getCell(2).getStringCellValue()).isEqualTo("Encoding");
            assertThat(header.getCell(3).getStringCellValue()).isEqualTo("Delimiter");
            assertThat(header.getCell(4).getCellStyle().getAlignment()).isEqualTo(HorizontalAlignment.RIGHT);
            Row governors = rowWhere(run, 0, "governors.csv").orElseThrow();
            assertThat(governors.getCell(2).getStringCellValue()).isEqualTo("UTF-8");
            assertThat(governors.getCell(3).getStringCellValue()).isEqualTo("comma");

            Row report = rowWhere(run, 0, "reportStep (until this sheet was written)").orElseThrow();
            assertThat(report.getCell(1).getNumericCellValue()).isGreaterThanOrEqualTo(2.0);
            Row wall = rowWhere(run, 0, "Total wall time (s)").orElseThrow();
            assertThat(wall.getCell(1).getNumericCellValue()).isGreaterThanOrEqualTo(10.0)
                    .isGreaterThan(report.getCell(1).getNumericCellValue());
            Row generated = rowWhere(run, 0, "Generated at (UTC)").orElseThrow();
            assertThat(new DataFormatter().formatCellValue(generated.getCell(1))).isEqualTo("2025-12-15 06:30:00");
        }

        @Test
        void usesAFixedSmallSetOfCellStyles() {
            assertThat(workbook.getNumCellStyles()).isLessThan(40);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class InRussian {

        ReportFixtures.Data data;
        XSSFWorkbook workbook;

        @BeforeAll
        void writeOnce(@TempDir Path dir) throws IOException {
            data = ReportFixtures.seventyNights();
            workbook = write(data, new IncidentWorkbookWriter(ReportTexts.of(Language.RU, Gazetteer.bundled())), dir, 0);
        }

        @Test
        void namesItsSheetsInRussian() {
            assertThat(sheetNames(workbook)).containsExactly("Сводка", "Карта", "По регионам", "По районам", "По ночам",
                    "Регионы по ночам", "Инциденты", "Качество данных", "Источники", "О запуске");
        }

        @Test
        void writesHeadingsNightsAndPlacesInRussian() {
            Sheet byDistrict = workbook.getSheet("По районам");
            assertThat(byDistrict.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Регион");
            assertThat(columnOf(byDistrict, "Погибли (чел.)")).isPositive();
            assertThat(rowWhere(byDistrict, 0, "Ростовская область")).isPresent();
            assertThat(allText(byDistrict)).contains("(регион в целом)", "Тракторозаводский район");

            Sheet byNight = workbook.getSheet("По ночам");
            assertThat(byNight.getRow(1).getCell(0).getStringCellValue()).isEqualTo("01–02.10.2025");
            Sheet incidents = workbook.getSheet("Инциденты");
            Row hostile = rowWhere(incidents, 0, "HOSTILE-1").orElseThrow();
            assertThat(hostile.getCell(columnOf(incidents, "Тип события")).getStringCellValue()).isEqualTo("Обломки");
            assertThat(hostile.getCell(columnOf(incidents, "Регион")).getStringCellValue())
                    .isEqualTo("Волгоградская область");
            assertThat(workbook.getSheet("Регионы по ночам").getRow(1).getCell(0).getStringCellValue())
                    .doesNotContain("Oblast");
        }

        @Test
        void summaryChartsPointAtTheRussianSheets() {
            XSSFSheet summary = workbook.getSheet("Сводка");
            assertThat(summary.getRow(0).getCell(0).getStringCellValue()).startsWith("Инциденты с БПЛА — ");
            assertThat(rowWhere(summary, 0, "Инциденты")).isPresent();
            assertThat(rowWhere(summary, 0, "Показатель").orElseThrow().getCell(4).getStringCellValue())
                    .isEqualTo("Изменение, %");
            // The charts are drawn from the Summary's own tables, with Russian dates.
            assertThat(summary.getDrawingPatriarch().getCharts().get(0).getCTChartSpace().xmlText())
                    .containsPattern("<c:f>'?Сводка'?!\\$A\\$");
            assertThat(rowWhere(summary, 0, "1\u00a0окт.")).isPresent();
        }
    }

    @Nested
    class LongPeriods {

        @TempDir
        Path dir;

        @Test
        void aYearOfNightsIsShownByWeekWithTheSameTotals() throws IOException {
            ReportFixtures.Data data = ReportFixtures.nightsEndingOn(LocalDate.of(2025, 12, 9), 365);
            XSSFWorkbook workbook = write(data, new IncidentWorkbookWriter(), dir, 0);

            XSSFSheet matrix = workbook.getSheet("Region x night");
            int totalColumn = columnOf(matrix, "Total");
            assertThat(totalColumn).isBetween(53, 54);
            assertThat(matrix.getRow(0).getCell(1).getStringCellValue()).matches("2024-W\\d\\d");
            Row total = rowWhere(matrix, 0, "Total").orElseThrow();
            assertThat((long) total.getCell(totalColumn).getNumericCellValue()).isEqualTo(data.totals().incidents());
            long sum = 0;
            for (int c = 1; c < totalColumn; c++) {
                sum += (long) total.getCell(c).getNumericCellValue();
            }
            assertThat(sum).isEqualTo(data.totals().incidents());
            assertThat(allText(matrix)).contains("each column is an ISO week of nights");
        }

        @Test
        void columnsStayWithinExcelsLimitWhateverThePeriod() {
            assertThat(RegionNightSheet.grain(92)).isEqualTo(RegionNightSheet.Grain.NIGHT);
            assertThat(RegionNightSheet.grain(93)).isEqualTo(RegionNightSheet.Grain.WEEK);
            assertThat(RegionNightSheet.grain(156 * 7)).isEqualTo(RegionNightSheet.Grain.WEEK);
            assertThat(RegionNightSheet.grain(156 * 7 + 1)).isEqualTo(RegionNightSheet.Grain.MONTH);
            assertThat(RegionNightSheet.MAX_COLUMNS + 2).isLessThanOrEqualTo(16_384);
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

            assertThat(sheetNames(workbook)).containsExactly("Summary", "Map", "By region", "By district", "By night",
                    "Region x night", "Incidents", "Incidents (2)", "Incidents (3)", "Data quality", "Sources", "Run info");
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
            List<com.incidenttally.incident.Rejection> rejections = List.of(new com.incidenttally.incident.Rejection(
                    "a.csv", 2, "notes", "bell\u0007nul\u0000 lone\uD800 end",
                    com.incidenttally.incident.Reason.of(com.incidenttally.incident.RejectionKind.ROW_TOO_LONG), "raw"));
            ReportFixtures.Data data = new ReportFixtures.Data(empty.period(), empty.generatedAt(), empty.totals(),
                    null, null, List.of(), List.of(), List.of(), List.of(), empty.regionNight(), List.of(),
                    List.of(), rejections, List.of(), List.of(), List.of(), empty.runInfo());

            XSSFWorkbook workbook = write(data, new IncidentWorkbookWriter(), dir, 0);

            // XML cannot hold these characters; each becomes a visible '?' rather than a corrupt file.
            assertThat(rowWhere(workbook.getSheet("Data quality"), 0, "Rejected row").orElseThrow().getCell(5)
                    .getStringCellValue()).isEqualTo("bell?nul? lone? end");
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
