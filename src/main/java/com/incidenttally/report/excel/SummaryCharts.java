package com.incidenttally.report.excel;

import com.incidenttally.report.ReportTexts;
import org.apache.poi.common.usermodel.fonts.FontGroup;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartLegend;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xddf.usermodel.text.XDDFFont;
import org.apache.poi.xddf.usermodel.text.XDDFRunProperties;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The native Excel charts of the Summary page, drawn from the Summary's own tables below the
 * printed page: incidents by night, the weekly trend (a part week drawn hollow, in a series of its
 * own), and the top regions. They point at those cells, so Excel and LibreOffice draw them, and a
 * manager can restyle or extend them. Their text is in the workbook's font family, not bold.
 */
final class SummaryCharts {

    private static final byte[] THIS_PERIOD = {(byte) 0x2F, (byte) 0x6D, (byte) 0xB5};
    private static final byte[] PREVIOUS = {(byte) 0xB0, (byte) 0xB7, (byte) 0xC3};
    private static final byte[] HOLLOW = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF};

    private final XSSFSheet sheet;
    private final XSSFDrawing drawing;
    private final ReportTexts texts;
    private final String family;

    SummaryCharts(XSSFSheet sheet, XSSFDrawing drawing, ReportTexts texts, String family) {
        this.sheet = sheet;
        this.drawing = drawing;
        this.texts = texts;
        this.family = family;
    }

    /** Incidents per night, one bar a night, from the Summary's by-night table. */
    XSSFChart byNight(SummarySheet.ChartRows rows, int fromRow, int toRow) {
        XSSFChart chart = chart(fromRow, toRow, texts.text("chart.byNight"));
        XDDFCategoryAxis bottom = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis left = chart.createValueAxis(AxisPosition.LEFT);
        XDDFBarChartData bars = columns(chart, bottom, left);
        series(bars.addSeries(categories(rows), values(rows, 1)), texts.text("col.incidents"), THIS_PERIOD, null);
        chart.plot(bars);
        return chart;
    }

    /**
     * Incidents per ISO week: whole weeks as solid bars, part weeks (fewer nights in the data, or not
     * over yet) as hollow ones, never read as a whole week's count; a legend says which is which.
     */
    XSSFChart weeklyTrend(SummarySheet.ChartRows rows, int fromRow, int toRow) {
        XSSFChart chart = chart(fromRow, toRow, texts.text("chart.weeklyTrend"));
        XDDFCategoryAxis bottom = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis left = chart.createValueAxis(AxisPosition.LEFT);
        XDDFBarChartData bars = columns(chart, bottom, left);
        // A week is in one series or the other: stacked, each bar stands in its own place. (An
        // overlap of 100 would need schema classes poi-ooxml-lite leaves out; LibreOffice and Excel
        // stack without it.)
        bars.setBarGrouping(BarGrouping.STACKED);
        XDDFCategoryDataSource weeks = categories(rows);
        series(bars.addSeries(weeks, values(rows, 1)), texts.text("summary.fullWeek"), THIS_PERIOD, null);
        series(bars.addSeries(weeks, values(rows, 2)), texts.text("summary.partWeek"), HOLLOW, THIS_PERIOD);
        legend(chart);
        chart.plot(bars);
        return chart;
    }

    /** The top regions as horizontal bars, largest on top, with the previous period beside them when known. */
    XSSFChart topRegions(SummarySheet.RegionRows rows, int fromRow, int toRow) {
        XSSFChart chart = chart(fromRow, toRow, texts.text("chart.topRegions"));
        XDDFCategoryDataSource categories = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(rows.first(), rows.last(), 0, 0));
        XDDFCategoryAxis left = chart.createCategoryAxis(AxisPosition.LEFT);
        // Largest first, read from the top, as in the table beside it.
        left.setOrientation(AxisOrientation.MAX_MIN);
        XDDFValueAxis bottom = chart.createValueAxis(AxisPosition.BOTTOM);
        bottom.setCrosses(AxisCrosses.AUTO_ZERO);
        bottom.setMinimum(0);
        text(left.getOrAddTextProperties(), 8);
        text(bottom.getOrAddTextProperties(), 8);
        XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, left, bottom);
        bars.setBarDirection(BarDirection.BAR);
        bars.setVaryColors(false);
        bars.setGapWidth(60);
        XDDFNumericalDataSource<Double> current = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                new CellRangeAddress(rows.first(), rows.last(), 1, 1));
        series(bars.addSeries(categories, current), texts.text("summary.thisPeriod"), THIS_PERIOD, null);
        if (rows.compared()) {
            XDDFNumericalDataSource<Double> previous = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                    new CellRangeAddress(rows.first(), rows.last(), 2, 2));
            series(bars.addSeries(categories, previous), texts.text("summary.previous"), PREVIOUS, null);
            legend(chart);
        }
        chart.plot(bars);
        return chart;
    }

    /** Vertical bars from zero (or a quiet night looks like none), labels whole and small. */
    private XDDFBarChartData columns(XSSFChart chart, XDDFCategoryAxis bottom, XDDFValueAxis left) {
        left.setCrosses(AxisCrosses.AUTO_ZERO);
        left.setMinimum(0);
        text(bottom.getOrAddTextProperties(), 8);
        text(left.getOrAddTextProperties(), 8);
        XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, bottom, left);
        bars.setBarDirection(BarDirection.COL);
        bars.setVaryColors(false);
        bars.setGapWidth(40);
        return bars;
    }

    private XDDFCategoryDataSource categories(SummarySheet.ChartRows rows) {
        return XDDFDataSourcesFactory.fromStringCellRange(sheet, new CellRangeAddress(rows.first(), rows.last(), 0, 0));
    }

    private XDDFNumericalDataSource<Double> values(SummarySheet.ChartRows rows, int column) {
        return XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                new CellRangeAddress(rows.first(), rows.last(), column, column));
    }

    private void legend(XSSFChart chart) {
        XDDFChartLegend legend = chart.getOrAddLegend();
        legend.setPosition(LegendPosition.BOTTOM);
    }

    private XSSFChart chart(int fromRow, int toRow, String title) {
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, SummarySheet.CHART_FIRST_COLUMN, fromRow,
                SummarySheet.CHART_LAST_COLUMN, toRow);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        text(chart.getTitle().getOrAddTextProperties(), 11);
        return chart;
    }

    /** The workbook's font family, plain, at {@code points}. */
    private void text(XDDFRunProperties properties, int points) {
        properties.setBold(false);
        properties.setFontSize((double) points);
        properties.setFonts(new XDDFFont[] {new XDDFFont(FontGroup.LATIN, family, null, null, null),
                new XDDFFont(FontGroup.COMPLEX_SCRIPT, family, null, null, null)});
    }

    /** LibreOffice draws no bars for a series without a fill of its own; {@code outline} draws a hollow bar. */
    private static void series(XDDFChartData.Series series, String title, byte[] rgb, byte[] outline) {
        series.setTitle(title, null);
        XDDFShapeProperties shape = series.getShapeProperties() == null ? new XDDFShapeProperties()
                : series.getShapeProperties();
        shape.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(rgb)));
        if (outline != null) {
            XDDFLineProperties line = new XDDFLineProperties(new XDDFSolidFillProperties(XDDFColor.from(outline)));
            line.setWidth(1.5);
            shape.setLineProperties(line);
        }
        series.setShapeProperties(shape);
    }
}
