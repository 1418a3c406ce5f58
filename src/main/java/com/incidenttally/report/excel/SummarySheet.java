package com.incidenttally.report.excel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.incidenttally.report.ReportTexts;
import com.incidenttally.tally.Period;
import com.incidenttally.tally.RegionComparison;
import com.incidenttally.tally.ReportData;
import com.incidenttally.tally.TallyRow;
import com.incidenttally.tally.Totals;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Picture;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * {@code Summary}, the Monday page: the figures a manager quotes first with the previous period,
 * change and % change, the top regions, and two native Excel charts built from the workbook's own
 * cells — all on one landscape page. Below the printed page, on screen: every region compared and
 * the PNG charts.
 *
 * <p>Written on a plain (not streamed) sheet: native charts need it, and the sheet is small.
 */
final class SummarySheet {

    /** Regions listed by name on the printed page; the rest are summed on one row. */
    static final int TOP_REGIONS = 10;
    /** Columns of the tables, then a gap, then the charts. */
    static final int[] WIDTHS = {34, 13, 13, 11, 11, 2, 9, 9, 9, 9, 9, 9, 9, 9};
    static final int CHART_FIRST_COLUMN = 6;
    static final int CHART_LAST_COLUMN = 14;
    /** PNG charts shown below the page: 1600×900 at 55%, in default rows. */
    private static final int PICTURE_ROWS = 26;
    private static final double PICTURE_SCALE = 0.55;

    private final XSSFWorkbook workbook;
    private final WorkbookStyles styles;
    private final ReportTexts texts;
    private final Cells cells;
    private XSSFSheet sheet;
    private int next;

    SummarySheet(XSSFWorkbook workbook, WorkbookStyles styles, ReportTexts texts) {
        this.workbook = workbook;
        this.styles = styles;
        this.texts = texts;
        this.cells = new Cells(styles, texts);
    }

    /** The rows of the top-regions table, for the chart that draws it. */
    record RegionRows(int first, int last, boolean compared) {
    }

    void write(ReportData data, List<Path> charts, String byNightSheet) throws IOException {
        Period period = data.period();
        Totals totals = data.totals() == null ? Totals.NONE : data.totals();
        Period previous = data.previousPeriod();
        Totals before = data.previousTotals();
        boolean compare = previous != null && before != null;

        String name = texts.text("sheet.summary");
        sheet = workbook.createSheet(name);
        for (int i = 0; i < WIDTHS.length; i++) {
            sheet.setColumnWidth(i, WIDTHS[i] * 256);
        }
        TableSheet.Printing.landscape(sheet, texts.text("title", period.label()) + " — " + name);
        TableSheet.Printing.onePage(sheet);

        Row title = row();
        title.setHeightInPoints(22);
        cells.styled(title, 0, texts.text("title.summary", periodLabel(period)), styles.title);
        cells.styled(row(), 0, texts.period(period), styles.subtitle);
        Row generated = row();
        cells.styled(generated, 0, texts.text("generatedAt"), styles.label);
        cells.styled(generated, 1, null, styles.dateTimeSeconds);
        if (data.generatedAt() != null) {
            generated.getCell(1).setCellValue(LocalDateTime.ofInstant(data.generatedAt(), ZoneOffset.UTC));
        }
        // A date and time to the second is wider than a column of figures.
        sheet.addMergedRegion(new CellRangeAddress(generated.getRowNum(), generated.getRowNum(), 1, 2));
        if (totals.incidents() == 0) {
            cells.styled(row(), 0, texts.text("noIncidents", texts.period(period)), styles.subtitle);
        }
        next++;

        cells.styled(row(), 0, texts.text("summary.keyFigures"), styles.subtitle);
        if (compare) {
            header(texts.text("summary.figure"), texts.text("summary.thisPeriod"), texts.text("summary.previousPeriod"),
                    texts.text("summary.change"), texts.text("summary.percentChange"));
        } else {
            header(texts.text("summary.figure"), texts.text("summary.thisPeriod"));
        }
        figure("figure.incidents", totals.incidents(), true, compare ? before.incidents() : null, true);
        figure("figure.uavs", totals.uavReported(), true, compare ? before.uavReported() : null, true);
        figure("figure.killed", totals.killed(), totals.killedKnown() > 0, compare ? before.killed() : null,
                compare && before.killedKnown() > 0);
        figure("figure.injured", totals.injured(), totals.injuredKnown() > 0, compare ? before.injured() : null,
                compare && before.injuredKnown() > 0);
        figure("figure.regions", totals.regions(), true, compare ? before.regions() : null, true);
        if (totals.seaAreas() > 0 || compare && before.seaAreas() > 0) {
            figure("figure.seaAreas", totals.seaAreas(), true, compare ? before.seaAreas() : null, true);
        }
        figure("figure.districts", totals.districts(), true, compare ? before.districts() : null, true);
        figure("figure.nights", totals.nights(), true, compare ? before.nights() : null, true);
        figure("figure.unknownCount", totals.unknownCount(), true, compare ? before.unknownCount() : null, true);
        if (totals.unknownCount() > 0) {
            note(texts.text("note.unknownCount", totals.unknownCount()));
        }
        if (totals.killedKnown() == 0 || totals.injuredKnown() == 0) {
            note(texts.text("note.casualtiesBlank"));
        }
        next++;

        RegionRows regions = null;
        if (compare) {
            cells.styled(row(), 0, texts.text("summary.topRegionsCompared", texts.nights(previous)), styles.subtitle);
            regions = comparison(data.comparison());
        } else {
            cells.styled(row(), 0, texts.text("summary.noPrevious"), styles.note);
            if (totals.incidents() > 0) {
                cells.styled(row(), 0, texts.text("summary.topRegions"), styles.subtitle);
                regions = shares(data.byRegion(), totals.incidents());
            }
        }
        int lastPrinted = next - 1;

        if (totals.incidents() > 0) {
            int chartRows = Math.max(lastPrinted + 1, 30);
            int half = chartRows / 2;
            XSSFDrawing drawing = sheet.createDrawingPatriarch();
            SummaryCharts nativeCharts = new SummaryCharts(sheet, drawing, texts);
            nativeCharts.byNight(data.byNight() == null ? List.of() : data.byNight(), byNightSheet, 0, half);
            if (regions != null) {
                nativeCharts.topRegions(regions, half, chartRows);
            }
            lastPrinted = Math.max(lastPrinted, chartRows - 1);
        }
        workbook.setPrintArea(workbook.getSheetIndex(sheet), 0, CHART_LAST_COLUMN - 1, 0, lastPrinted);
        next = lastPrinted + 2;

        // Below the printed page, on screen: every region compared, then the pictures.
        if (compare && data.comparison() != null && data.comparison().size() > TOP_REGIONS) {
            cells.styled(row(), 0, texts.text("summary.allRegions", texts.nights(previous)), styles.subtitle);
            header(texts.text("col.region"), texts.text("summary.thisPeriod"), texts.text("summary.previous"),
                    texts.text("summary.change"), texts.text("summary.percentChange"));
            for (RegionComparison region : data.comparison()) {
                comparisonRow(texts.region(region.isoCode(), region.region()), region.current(), region.previous(),
                        false);
            }
            next++;
        }
        if (charts != null && !charts.isEmpty()) {
            cells.styled(row(), 0, texts.text("summary.pictures"), styles.subtitle);
            XSSFDrawing drawing = sheet.createDrawingPatriarch();
            for (Path chart : charts) {
                int picture = workbook.addPicture(Files.readAllBytes(chart), Workbook.PICTURE_TYPE_PNG);
                ClientAnchor anchor = workbook.getCreationHelper().createClientAnchor();
                anchor.setCol1(0);
                anchor.setRow1(next);
                anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_DONT_RESIZE);
                Picture shown = drawing.createPicture(anchor, picture);
                shown.resize(PICTURE_SCALE);
                next += PICTURE_ROWS + 1;
            }
        }
    }

    private String periodLabel(Period period) {
        return "all".equals(period.label()) ? texts.text("period.all") : period.label();
    }

    /** The top regions against the previous period, the rest on one row, and the total. */
    private RegionRows comparison(List<RegionComparison> all) {
        header(texts.text("col.region"), texts.text("summary.thisPeriod"), texts.text("summary.previous"),
                texts.text("summary.change"), texts.text("summary.percentChange"));
        List<RegionComparison> regions = all == null ? List.of() : all;
        int first = next;
        long current = 0;
        long before = 0;
        long otherCurrent = 0;
        long otherBefore = 0;
        for (int i = 0; i < regions.size(); i++) {
            RegionComparison region = regions.get(i);
            if (i < TOP_REGIONS) {
                comparisonRow(texts.region(region.isoCode(), region.region()), region.current(), region.previous(),
                        false);
            } else {
                otherCurrent += region.current();
                otherBefore += region.previous();
            }
            current += region.current();
            before += region.previous();
        }
        int last = next - 1;
        if (regions.size() > TOP_REGIONS) {
            comparisonRow(texts.text("summary.otherRegions", regions.size() - TOP_REGIONS), otherCurrent, otherBefore,
                    false);
        }
        comparisonRow(texts.text("total"), current, before, true);
        note(texts.text("note.percentChange"));
        return new RegionRows(first, last, true);
    }

    /** Without a previous period: the top regions with their share of all incidents. */
    private RegionRows shares(List<TallyRow> byRegion, long total) {
        header(texts.text("col.region"), texts.text("col.incidents"), texts.text("summary.share"));
        List<TallyRow> regions = byRegion == null ? List.of() : byRegion;
        int first = next;
        long other = 0;
        for (int i = 0; i < regions.size(); i++) {
            TallyRow region = regions.get(i);
            if (i < TOP_REGIONS) {
                shareRow(texts.region(region.isoCode(), region.region()), region.incidents(), total, styles.label);
            } else {
                other += region.incidents();
            }
        }
        int last = next - 1;
        if (regions.size() > TOP_REGIONS) {
            shareRow(texts.text("summary.otherRegions", regions.size() - TOP_REGIONS), other, total, styles.label);
        }
        Row row = row();
        cells.styled(row, 0, texts.text("total"), styles.totalLabel);
        cells.styled(row, 1, null, styles.totalInteger).setCellValue(total);
        cells.styled(row, 2, null, styles.totalLabel);
        return new RegionRows(first, last, false);
    }

    private void shareRow(String name, long incidents, long total, CellStyle labelStyle) {
        Row row = row();
        cells.styled(row, 0, name, labelStyle);
        cells.number(row, 1, incidents);
        cells.styled(row, 2, null, styles.percent).setCellValue((double) incidents / total);
    }

    private void comparisonRow(String name, long current, long previous, boolean total) {
        Row row = row();
        cells.styled(row, 0, name, total ? styles.totalLabel : styles.label);
        cells.styled(row, 1, null, total ? styles.totalInteger : styles.integer).setCellValue(current);
        cells.styled(row, 2, null, total ? styles.totalInteger : styles.integer).setCellValue(previous);
        cells.styled(row, 3, null, total ? styles.totalSigned : styles.signedInteger).setCellValue(current - previous);
        Cell percent = cells.styled(row, 4, null, total ? styles.totalPercent : styles.signedPercent);
        if (previous > 0) {
            percent.setCellValue((double) (current - previous) / previous);
        }
    }

    /** A key figure; blank where nobody reported it (killed, injured), % change blank from nothing. */
    private void figure(String key, long value, boolean known, Long previous, boolean previousKnown) {
        Row row = row();
        cells.styled(row, 0, texts.text(key), styles.label);
        Cell current = cells.styled(row, 1, null, styles.integer);
        if (known) {
            current.setCellValue(value);
        }
        if (previous == null) {
            return;
        }
        Cell before = cells.styled(row, 2, null, styles.integer);
        Cell change = cells.styled(row, 3, null, styles.signedInteger);
        Cell percent = cells.styled(row, 4, null, styles.signedPercent);
        if (previousKnown) {
            before.setCellValue(previous);
        }
        if (known && previousKnown) {
            change.setCellValue(value - previous);
            if (previous > 0) {
                percent.setCellValue((double) (value - previous) / previous);
            }
        }
    }

    private void note(String text) {
        cells.styled(row(), 0, text, styles.note);
    }

    private void header(String... titles) {
        Row row = row();
        row.setHeightInPoints(30);
        for (int i = 0; i < titles.length; i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(titles[i]);
            cell.setCellStyle(i == 0 ? styles.header : styles.headerNumber);
        }
    }

    private Row row() {
        return sheet.createRow(next++);
    }

    /** A cell range as a chart's formula names it: {@code 'By night'!$A$2:$A$8}. */
    static String range(String sheetName, int column, int firstRow, int lastRow) {
        return "'" + sheetName.replace("'", "''") + "'!" + new CellReference(firstRow, column, true, true).formatAsString()
                + ":" + new CellReference(lastRow, column, true, true).formatAsString();
    }
}
