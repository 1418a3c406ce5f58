package com.incidenttally.report.excel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.incidenttally.report.HumanDates;
import com.incidenttally.report.ReportTexts;
import com.incidenttally.tally.Period;
import com.incidenttally.tally.PeriodEnd;
import com.incidenttally.tally.RegionComparison;
import com.incidenttally.tally.ReportData;
import com.incidenttally.tally.TallyRow;
import com.incidenttally.tally.TopRegions;
import com.incidenttally.tally.Totals;
import com.incidenttally.tally.WeekCount;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * {@code Summary}, the Monday page, read in ten seconds: a headline sentence made from the
 * figures, the period in human dates (and whether it is still provisional), the figures a manager
 * quotes first with the previous period, change (coloured: a rise in red, a fall in green) and %
 * change, the top regions, and three native Excel charts — by night, the weekly trend with its
 * part weeks drawn hollow, the top regions — all on one landscape page. Below the printed page, on
 * screen: every region compared, the tables the charts are drawn from, and the PNG charts.
 *
 * <p>The figures add up: the top regions, the "other regions" row and the regions affected count
 * the same areas, those with an incident in the period; an area seen only in the previous period
 * is a row of its own.
 *
 * <p>Written on a plain (not streamed) sheet: native charts need it, and the sheet is small.
 */
final class SummarySheet {

    /** Regions listed by name on the printed page; the rest are summed on one row. */
    static final int TOP_REGIONS = 10;
    /** Columns of the tables, then a gap, then the charts. */
    static final int[] WIDTHS = {33, 13, 13, 12, 13, 2, 9, 9, 9, 9, 9, 9, 9, 9};
    static final int CHART_FIRST_COLUMN = 6;
    static final int CHART_LAST_COLUMN = 14;
    /** Rows the charts take at least, beside the tables. */
    private static final int CHART_ROWS = 39;
    /** Areas seen only in the previous period that a note names. */
    private static final int NAMED_APART = 5;
    /** Characters a wrapped note holds per line across the tables' columns. */
    private static final int NOTE_LINE = 95;
    /** PNG charts shown below the page: 1600×900 at 55%. */
    private static final double PICTURE_SCALE = 0.55;

    private final XSSFWorkbook workbook;
    private final WorkbookStyles styles;
    private final ReportTexts texts;
    private final Cells cells;
    private final HumanDates dates;
    private SummaryLook look;
    private XSSFSheet sheet;
    private int next;

    SummarySheet(XSSFWorkbook workbook, WorkbookStyles styles, ReportTexts texts) {
        this.workbook = workbook;
        this.styles = styles;
        this.texts = texts;
        this.cells = new Cells(styles, texts);
        this.dates = new HumanDates(texts.locale());
    }

    /** The rows of the top-regions table, for the chart that draws it. */
    record RegionRows(int first, int last, boolean compared) {
    }

    /** The rows of a table below the page that a chart is drawn from: its categories in column 0. */
    record ChartRows(int first, int last) {
    }

    void write(ReportData data, List<Path> charts, String byNightSheet) throws IOException {
        Period period = data.period();
        Totals totals = data.totals() == null ? Totals.NONE : data.totals();
        Period previous = data.previousPeriod();
        Totals before = data.previousTotals();
        boolean compare = previous != null && before != null;
        look = new SummaryLook(workbook, styles);

        String name = texts.text("sheet.summary");
        sheet = workbook.createSheet(name);
        for (int i = 0; i < WIDTHS.length; i++) {
            sheet.setColumnWidth(i, WIDTHS[i] * 256);
        }
        TableSheet.Printing.landscape(sheet, texts.text("title", period.label()) + " — " + name);
        TableSheet.Printing.onePage(sheet);

        Row title = row();
        title.setHeightInPoints(22);
        cells.styled(title, 0, texts.text("title.summary", dates.period(period)), look.title);
        cells.styled(row(), 0, texts.text("summary.period", periodLabel(period), night(period, period.from()),
                night(period, period.to())), look.subtitle);
        Row generated = row();
        cells.styled(generated, 0, texts.text("generatedAt"), look.label);
        cells.styled(generated, 1, null, styles.dateTimeSeconds);
        if (data.generatedAt() != null) {
            generated.getCell(1).setCellValue(LocalDateTime.ofInstant(data.generatedAt(), ZoneOffset.UTC));
        }
        // A date and time to the second is wider than a column of figures.
        sheet.addMergedRegion(new CellRangeAddress(generated.getRowNum(), generated.getRowNum(), 1, 2));
        PeriodEnd end = data.periodEnd();
        if (end != null && !end.complete()) {
            Row provisional = row();
            cells.styled(provisional, 0, texts.text("summary.provisional", dates.night(period.to()),
                    COMPLETE_AT.withLocale(texts.locale()).format(end.completeAt())), look.provisional);
        }

        List<RegionComparison> comparison = compare && data.comparison() != null ? data.comparison() : List.of();
        TopRegions top = compare ? TopRegions.of(comparison, TOP_REGIONS)
                : TopRegions.ofRows(data.byRegion() == null ? List.of() : data.byRegion(), TOP_REGIONS);
        Row headline = row();
        if (totals.incidents() == 0) {
            cells.styled(headline, 0, texts.text("noIncidents", texts.period(period)), look.headline);
        } else {
            headline(headline, new SummaryHeadline(texts).of(totals, compare ? before : null, top));
        }
        headline.setHeightInPoints(36);
        sheet.addMergedRegion(new CellRangeAddress(headline.getRowNum(), headline.getRowNum(), 0,
                CHART_LAST_COLUMN - 1));
        next++;
        int chartsFrom = next;

        cells.styled(row(), 0, texts.text("summary.keyFigures"), look.caption);
        if (compare) {
            header(texts.text("summary.figure"), texts.text("summary.thisPeriod"), texts.text("summary.previous"),
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
        if (totals.unresolvedDistricts() > 0 || compare && before.unresolvedDistricts() > 0) {
            figure("figure.unresolvedDistricts", totals.unresolvedDistricts(), true,
                    compare ? before.unresolvedDistricts() : null, true);
        }
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
            cells.styled(row(), 0, texts.text("summary.topRegionsCompared", nights(previous)), look.caption);
            regions = comparison(top);
        } else {
            note(texts.text("summary.noPrevious"));
            if (totals.incidents() > 0) {
                cells.styled(row(), 0, texts.text("summary.topRegions"), look.caption);
                regions = shares(top, totals.incidents());
            }
        }
        int lastPrinted = next - 1;
        int chartsTo = Math.max(lastPrinted + 1, chartsFrom + CHART_ROWS);
        lastPrinted = chartsTo - 1;
        workbook.setPrintArea(workbook.getSheetIndex(sheet), 0, CHART_LAST_COLUMN - 1, 0, lastPrinted);
        next = lastPrinted + 2;

        // Below the printed page, on screen: every region compared, the charts' tables, the pictures.
        if (comparison.size() > TOP_REGIONS) {
            cells.styled(row(), 0, texts.text("summary.allRegions", nights(previous)), look.caption);
            header(texts.text("col.region"), texts.text("summary.thisPeriod"), texts.text("summary.previous"),
                    texts.text("summary.change"), texts.text("summary.percentChange"));
            for (RegionComparison region : comparison) {
                comparisonRow(texts.region(region.isoCode(), region.region()), region.current(), region.previous(),
                        false);
            }
            next++;
        }
        ChartRows nights = null;
        ChartRows weeks = null;
        List<WeekCount> trend = data.weeklyTrend() == null ? List.of() : data.weeklyTrend();
        if (totals.incidents() > 0) {
            nights = nightTable(data.byNight() == null ? List.of() : data.byNight());
            next++;
            if (trend.size() >= 2) {
                weeks = weekTable(trend);
                next++;
            }
            XSSFDrawing drawing = sheet.createDrawingPatriarch();
            SummaryCharts nativeCharts = new SummaryCharts(sheet, drawing, texts, look.family);
            int parts = (weeks == null ? 1 : 2) + (regions == null ? 0 : 1);
            int height = (chartsTo - chartsFrom) / parts;
            int at = chartsFrom;
            nativeCharts.byNight(nights, at, at + height);
            at += height;
            if (weeks != null) {
                nativeCharts.weeklyTrend(weeks, at, at + height);
                at += height;
            }
            if (regions != null) {
                nativeCharts.topRegions(regions, at, chartsTo);
            }
        }
        look.colourChanges(sheet);
        if (charts != null && !charts.isEmpty()) {
            cells.styled(row(), 0, texts.text("summary.pictures"), look.caption);
            XSSFDrawing drawing = sheet.createDrawingPatriarch();
            for (Path chart : charts) {
                byte[] png = Files.readAllBytes(chart);
                next = picture(drawing, png, next) + 1;
            }
        }
    }

    /**
     * A PNG placed from column 0 at {@code row}, its size from the image itself: POI's
     * {@code Picture.resize} gave pictures below the page no width. Returns the row after it.
     */
    private int picture(XSSFDrawing drawing, byte[] png, int row) throws IOException {
        int index = workbook.addPicture(png, Workbook.PICTURE_TYPE_PNG);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        double width = image == null ? 880 : image.getWidth() * PICTURE_SCALE;
        double height = image == null ? 495 : image.getHeight() * PICTURE_SCALE;
        int column = 0;
        double left = width;
        while (left > 0 && column < 255) {
            left -= sheet.getColumnWidthInPixels(column);
            column++;
        }
        double rowPixels = sheet.getDefaultRowHeightInPoints() * 96 / 72;
        int rows = (int) Math.ceil(height / rowPixels);
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, row, column, row + rows);
        anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_DONT_RESIZE);
        drawing.createPicture(anchor, index);
        return row + rows;
    }

    private static final java.time.format.DateTimeFormatter COMPLETE_AT =
            java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private String periodLabel(Period period) {
        return "all".equals(period.label()) ? texts.text("period.all") : period.label();
    }

    private String nights(Period period) {
        return texts.text("summary.nights", night(period, period.from()), night(period, period.to()));
    }

    /** A night of the period: with its year when the period's nights lie in more than one year. */
    private String night(Period period, LocalDate evening) {
        return period.from().getYear() != period.to().plusDays(1).getYear()
                ? dates.nightWithYear(evening) : dates.night(evening);
    }

    /** The headline, its change on the previous period in colour. */
    private void headline(Row row, SummaryHeadline.Sentence sentence) {
        XSSFRichTextString text = new XSSFRichTextString(sentence.text());
        if (sentence.changeStart() >= 0) {
            text.applyFont(sentence.changeStart(), sentence.changeEnd(),
                    look.headlineChange[SummaryLook.direction(sentence.change())]);
        }
        Cell cell = row.createCell(0);
        cell.setCellStyle(look.headline);
        cell.setCellValue(text);
    }

    /** The top areas against the previous period, the period's other areas on one row, the previous period's own apart. */
    private RegionRows comparison(TopRegions top) {
        header(texts.text("col.region"), texts.text("summary.thisPeriod"), texts.text("summary.previous"),
                texts.text("summary.change"), texts.text("summary.percentChange"));
        int first = next;
        long current = 0;
        long before = 0;
        for (RegionComparison region : top.top()) {
            comparisonRow(texts.region(region.isoCode(), region.region()), region.current(), region.previous(), false);
            current += region.current();
            before += region.previous();
        }
        int last = next - 1;
        if (!top.others().isEmpty()) {
            comparisonRow(texts.text("summary.otherRegions", top.others().size()), top.othersCurrent(),
                    top.othersPrevious(), false);
            current += top.othersCurrent();
            before += top.othersPrevious();
        }
        if (!top.previousOnly().isEmpty()) {
            comparisonRow(texts.text("summary.previousOnlyRegions", top.previousOnly().size()), 0,
                    top.previousOnlyPrevious(), false);
            before += top.previousOnlyPrevious();
        }
        comparisonRow(texts.text("total"), current, before, true);
        if (!top.previousOnly().isEmpty()) {
            note(texts.text("note.previousOnly", top.previousOnly().size(), names(top.previousOnly())));
        }
        note(texts.text("note.percentChange"));
        return new RegionRows(first, Math.max(first, last), true);
    }

    /** Areas by name, the first few: {@code Kursk Oblast, Oryol Oblast, …}. */
    private String names(List<RegionComparison> areas) {
        List<String> names = new java.util.ArrayList<>();
        for (RegionComparison area : areas.subList(0, Math.min(NAMED_APART, areas.size()))) {
            names.add(texts.region(area.isoCode(), area.region()));
        }
        return String.join(", ", names) + (areas.size() > NAMED_APART ? ", …" : "");
    }

    /** Without a previous period: the top areas with their share of all incidents. */
    private RegionRows shares(TopRegions top, long total) {
        header(texts.text("col.region"), texts.text("col.incidents"), texts.text("summary.share"));
        int first = next;
        for (RegionComparison region : top.top()) {
            shareRow(texts.region(region.isoCode(), region.region()), region.current(), total);
        }
        int last = next - 1;
        if (!top.others().isEmpty()) {
            shareRow(texts.text("summary.otherRegions", top.others().size()), top.othersCurrent(), total);
        }
        Row row = row();
        cells.styled(row, 0, texts.text("total"), look.totalLabel);
        cells.styled(row, 1, null, look.totalInteger).setCellValue(total);
        cells.styled(row, 2, null, look.totalLabel);
        return new RegionRows(first, Math.max(first, last), false);
    }

    /** Incidents by night, the by-night chart's source: a human night label and the count. */
    private ChartRows nightTable(List<TallyRow> byNight) {
        cells.styled(row(), 0, texts.text("chart.byNight"), look.caption);
        header(texts.text("col.night"), texts.text("col.incidents"));
        // Many nights: each by its evening date, so the axis labels stay short and whole.
        boolean many = byNight.size() > 10;
        int first = next;
        for (TallyRow night : byNight) {
            Row row = row();
            cells.styled(row, 0, many ? dates.evening(night.night()) : dates.night(night.night()), look.label);
            cells.styled(row, 1, null, look.integer).setCellValue(night.incidents());
        }
        return new ChartRows(first, Math.max(first, next - 1));
    }

    /** Incidents by ISO week, the trend chart's source: a whole week's count and a part week's apart. */
    private ChartRows weekTable(List<WeekCount> trend) {
        cells.styled(row(), 0, texts.text("chart.weeklyTrend"), look.caption);
        header(texts.text("summary.week"), texts.text("summary.fullWeek"), texts.text("summary.partWeek"),
                texts.text("summary.weekNights"));
        int first = next;
        for (WeekCount week : trend) {
            Row row = row();
            // A week by its first evening: a short label an axis never breaks.
            cells.styled(row, 0, dates.evening(week.monday()), look.label);
            Cell full = cells.styled(row, 1, null, look.integer);
            Cell part = cells.styled(row, 2, null, look.integer);
            (week.part() ? part : full).setCellValue(week.incidents());
            cells.styled(row, 3, null, look.integer).setCellValue(week.nights());
        }
        note(texts.text("note.partWeek"));
        return new ChartRows(first, first + trend.size() - 1);
    }

    private void shareRow(String name, long incidents, long total) {
        Row row = row();
        cells.styled(row, 0, name, look.label);
        cells.styled(row, 1, null, look.integer).setCellValue(incidents);
        cells.styled(row, 2, null, look.percent).setCellValue((double) incidents / total);
    }

    private void comparisonRow(String name, long current, long previous, boolean total) {
        Row row = row();
        cells.styled(row, 0, name, total ? look.totalLabel : look.label);
        cells.styled(row, 1, null, total ? look.totalInteger : look.integer).setCellValue(current);
        cells.styled(row, 2, null, total ? look.totalInteger : look.integer).setCellValue(previous);
        cells.styled(row, 3, null, total ? look.totalChange : look.change).setCellValue(current - previous);
        look.change(row.getRowNum(), 3, 4);
        Cell percent = cells.styled(row, 4, null, total ? look.totalPercentChange : look.percentChange);
        if (previous > 0) {
            percent.setCellValue((double) (current - previous) / previous);
        }
    }

    /** A key figure; blank where nobody reported it (killed, injured), % change blank from nothing. */
    private void figure(String key, long value, boolean known, Long previous, boolean previousKnown) {
        Row row = row();
        cells.styled(row, 0, texts.text(key), look.label);
        Cell current = cells.styled(row, 1, null, look.integer);
        if (known) {
            current.setCellValue(value);
        }
        if (previous == null) {
            return;
        }
        Cell before = cells.styled(row, 2, null, look.integer);
        Cell change = cells.styled(row, 3, null, look.change);
        Cell percent = cells.styled(row, 4, null, look.percentChange);
        look.change(row.getRowNum(), 3, 4);
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

    /** A note across the tables' columns, wrapped so it never runs under the charts. */
    private void note(String text) {
        Row row = row();
        cells.styled(row, 0, text, look.note);
        int lines = (text.length() + NOTE_LINE - 1) / NOTE_LINE;
        if (lines > 1) {
            row.setHeightInPoints(lines * 12f + 1);
        }
        sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, CHART_FIRST_COLUMN - 2));
    }

    private void header(String... titles) {
        Row row = row();
        for (int i = 0; i < titles.length; i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(titles[i]);
            cell.setCellStyle(i == 0 ? look.header : look.headerNumber);
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
