package com.incidenttally.report.excel;

import java.util.List;

import com.incidenttally.report.ReportTexts;
import com.incidenttally.tally.TallyRow;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The two native Excel charts of the Summary page: incidents by night, from the {@code By night}
 * sheet, and the top regions, from the Summary's own table. They point at those cells, so Excel
 * and LibreOffice draw them, and a manager can restyle or extend them.
 */
final class SummaryCharts {

    /** Incidents column of {@code By night}: night, evening date, week, then the figures. */
    static final int BY_NIGHT_INCIDENTS = 3;
    private static final byte[] THIS_PERIOD = {(byte) 0x2F, (byte) 0x6D, (byte) 0xB5};
    private static final byte[] PREVIOUS = {(byte) 0xB0, (byte) 0xB7, (byte) 0xC3};

    private final XSSFSheet sheet;
    private final XSSFDrawing drawing;
    private final ReportTexts texts;

    SummaryCharts(XSSFSheet sheet, XSSFDrawing drawing, ReportTexts texts) {
        this.sheet = sheet;
        this.drawing = drawing;
        this.texts = texts;
    }

    /** Incidents per night, one bar a night, from the {@code By night} sheet's first and fourth columns. */
    XSSFChart byNight(List<TallyRow> nights, String byNightSheet, int fromRow, int toRow) {
        XSSFChart chart = chart(fromRow, toRow, texts.text("chart.byNight"));
        String[] labels = new String[nights.size()];
        Long[] incidents = new Long[nights.size()];
        for (int i = 0; i < nights.size(); i++) {
            labels[i] = texts.night(nights.get(i).night());
            incidents[i] = nights.get(i).incidents();
        }
        int last = Math.max(1, nights.size());
        XDDFCategoryDataSource categories = XDDFDataSourcesFactory.fromArray(labels,
                SummarySheet.range(byNightSheet, 0, 1, last));
        XDDFNumericalDataSource<Long> values = XDDFDataSourcesFactory.fromArray(incidents,
                SummarySheet.range(byNightSheet, BY_NIGHT_INCIDENTS, 1, last));
        XDDFCategoryAxis bottom = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis left = chart.createValueAxis(AxisPosition.LEFT);
        left.setCrosses(AxisCrosses.AUTO_ZERO);
        // Bars start at zero, or a quiet night looks like none.
        left.setMinimum(0);
        XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, bottom, left);
        bars.setBarDirection(BarDirection.COL);
        bars.setVaryColors(false);
        bars.setGapWidth(40);
        series(bars.addSeries(categories, values), texts.text("col.incidents"), THIS_PERIOD);
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
        XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, left, bottom);
        bars.setBarDirection(BarDirection.BAR);
        bars.setVaryColors(false);
        bars.setGapWidth(60);
        XDDFNumericalDataSource<Double> current = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                new CellRangeAddress(rows.first(), rows.last(), 1, 1));
        series(bars.addSeries(categories, current), texts.text("summary.thisPeriod"), THIS_PERIOD);
        if (rows.compared()) {
            XDDFNumericalDataSource<Double> previous = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                    new CellRangeAddress(rows.first(), rows.last(), 2, 2));
            series(bars.addSeries(categories, previous), texts.text("summary.previous"), PREVIOUS);
            chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        }
        chart.plot(bars);
        return chart;
    }

    private XSSFChart chart(int fromRow, int toRow, String title) {
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, SummarySheet.CHART_FIRST_COLUMN, fromRow,
                SummarySheet.CHART_LAST_COLUMN, toRow);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        return chart;
    }

    /** LibreOffice draws no bars for a series without a fill of its own. */
    private static void series(XDDFChartData.Series series, String title, byte[] rgb) {
        series.setTitle(title, null);
        XDDFShapeProperties shape = series.getShapeProperties() == null ? new XDDFShapeProperties()
                : series.getShapeProperties();
        shape.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(rgb)));
        series.setShapeProperties(shape);
    }
}
