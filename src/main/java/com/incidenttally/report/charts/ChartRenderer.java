package com.incidenttally.report.charts;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.incidenttally.normalize.EventType;
import com.incidenttally.report.NightLabels;
import com.incidenttally.tally.Period;
import com.incidenttally.tally.RegionNightMatrix;
import com.incidenttally.tally.ReportData;
import com.incidenttally.tally.TallyRow;
import com.incidenttally.tally.Totals;
import com.incidenttally.tally.WeekCount;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Renders the report's PNG charts (1600×900, headless): incidents by night stacked by region,
 * by region, top districts, the region-by-night heatmap, and the weekly trend when the store
 * spans two weeks or more. A period without incidents gets charts that say so.
 */
public class ChartRenderer {

    static final String BY_NIGHT = "incidents-by-night.png";
    static final String BY_REGION = "incidents-by-region.png";
    static final String TOP_DISTRICTS = "top-districts.png";
    static final String HEATMAP = "region-night-heatmap.png";
    static final String WEEKLY_TREND = "weekly-trend.png";

    /** Regions stacked one by one in the by-night chart; the rest are "Other regions". */
    static final int STACKED_REGIONS = 8;
    /** Bars in the by-region and top-districts charts. */
    static final int TOP_BARS = 20;
    /** Rows of the heatmap. */
    static final int HEATMAP_REGIONS = 25;

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    public ChartRenderer() {
    }

    public List<Path> render(ReportData data, Path chartsDir) throws IOException {
        Files.createDirectories(chartsDir);
        Period period = data.period();
        Totals totals = data.totals() == null ? Totals.NONE : data.totals();
        List<Path> written = new ArrayList<>();
        written.add(ChartLook.save(byNight(period, totals, data.regionNight()), chartsDir.resolve(BY_NIGHT)));
        written.add(ChartLook.save(byRegion(period, totals, data.byRegion()), chartsDir.resolve(BY_REGION)));
        written.add(ChartLook.save(topDistricts(period, totals, data.byDistrict()), chartsDir.resolve(TOP_DISTRICTS)));
        written.add(ChartLook.save(heatmap(period, totals, data.regionNight()), chartsDir.resolve(HEATMAP)));
        List<WeekCount> weeks = data.weeklyTrend();
        if (weeks != null && weeks.size() >= 2) {
            written.add(ChartLook.save(weeklyTrend(weeks), chartsDir.resolve(WEEKLY_TREND)));
        }
        return written;
    }

    // ---- incidents by night, stacked by region ----

    JFreeChart byNight(Period period, Totals totals, RegionNightMatrix matrix) {
        boolean empty = totals.incidents() == 0 || matrix == null || matrix.regions().isEmpty();
        NightBuckets buckets = NightBuckets.of(empty ? List.of() : matrix.nights());
        String title = "Incidents by " + buckets.grain().word + " — " + period.label();
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        if (!empty) {
            int regions = matrix.regions().size();
            int shown = regions > STACKED_REGIONS + 1 ? STACKED_REGIONS : regions;
            for (int r = 0; r < regions; r++) {
                String series = r < shown ? matrix.regions().get(r) : "Other regions (" + (regions - shown) + ")";
                for (int b = 0; b < buckets.size(); b++) {
                    addTo(dataset, 0, series, buckets.labels().get(b));
                }
                for (int n = 0; n < matrix.nights().size(); n++) {
                    addTo(dataset, matrix.count(r, n), series, buckets.labels().get(buckets.bucketOfNight()[n]));
                }
            }
        }
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT,
                new CategoryPlot(dataset, new CategoryAxis(buckets.grain().axisLabel), new NumberAxis("Incidents"),
                        new StackedBarRenderer()), true);
        ChartLook.apply(chart, subtitle(period, totals));
        CategoryPlot plot = chart.getCategoryPlot();
        noData(plot, period, empty);
        integerAxis(plot);
        StackedBarRenderer renderer = (StackedBarRenderer) plot.getRenderer();
        flatBars(renderer);
        renderer.setMaximumBarWidth(0.06);
        for (int s = 0; s < dataset.getRowCount(); s++) {
            renderer.setSeriesPaint(s, dataset.getRowKey(s).toString().startsWith("Other regions")
                    ? ChartLook.OTHER : ChartLook.colour(s));
        }
        CategoryAxis axis = plot.getDomainAxis();
        axis.setCategoryLabelPositions(buckets.size() > 16 ? CategoryLabelPositions.UP_90 : CategoryLabelPositions.STANDARD);
        // Week labels wrap at the hyphen rather than run into each other.
        axis.setMaximumCategoryLabelLines(2);
        axis.setCategoryMargin(0.15);
        legendRight(chart);
        return chart;
    }

    // ---- incidents by region, stacked by event type ----

    JFreeChart byRegion(Period period, Totals totals, List<TallyRow> rows) {
        List<TallyRow> sorted = sortedByIncidents(rows);
        List<String> labels = new ArrayList<>();
        for (TallyRow row : sorted) {
            labels.add(row.region());
        }
        return eventTypeBars("Incidents by region — " + period.label(), "Region", period, totals, sorted, labels,
                "other regions");
    }

    JFreeChart topDistricts(Period period, Totals totals, List<TallyRow> rows) {
        List<TallyRow> sorted = sortedByIncidents(rows);
        List<String> labels = new ArrayList<>();
        for (TallyRow row : sorted) {
            labels.add(row.district() != null ? row.district() + ", " + row.region()
                    : row.isSea() ? row.region() : "(region as a whole), " + row.region());
        }
        String title = "Top " + Math.min(TOP_BARS, sorted.size() == 0 ? TOP_BARS : sorted.size())
                + " districts — " + period.label();
        return eventTypeBars(title, "District, region", period, totals, sorted, labels, null);
    }

    /**
     * Horizontal bars, largest first, split by event type; each bar's label carries its total so
     * the count reads without the axis. {@code otherName} non-null folds the rest into one bar.
     */
    private JFreeChart eventTypeBars(String title, String axisLabel, Period period, Totals totals,
                                     List<TallyRow> sorted, List<String> labels, String otherName) {
        boolean empty = totals.incidents() == 0 || sorted.isEmpty();
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        if (!empty) {
            boolean fold = otherName != null && sorted.size() > TOP_BARS + 1;
            int shown = Math.min(sorted.size(), TOP_BARS);
            if (otherName != null && !fold) {
                shown = sorted.size();
            }
            for (int i = 0; i < shown; i++) {
                TallyRow row = sorted.get(i);
                String category = labels.get(i) + "  (" + row.incidents() + ")";
                addTypes(dataset, category, row.shotDown(), row.debris(), row.impact(), row.attack());
            }
            if (fold) {
                long shotDown = 0, debris = 0, impact = 0, attack = 0, incidents = 0;
                for (TallyRow row : sorted.subList(shown, sorted.size())) {
                    shotDown += row.shotDown();
                    debris += row.debris();
                    impact += row.impact();
                    attack += row.attack();
                    incidents += row.incidents();
                }
                String category = (sorted.size() - shown) + " " + otherName + "  (" + incidents + ")";
                addTypes(dataset, category, shotDown, debris, impact, attack);
            }
        }
        StackedBarRenderer renderer = new StackedBarRenderer();
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT,
                new CategoryPlot(dataset, new CategoryAxis(axisLabel), new NumberAxis("Incidents"), renderer), true);
        ChartLook.apply(chart, subtitle(period, totals));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        noData(plot, period, empty);
        integerAxis(plot);
        flatBars(renderer);
        renderer.setMaximumBarWidth(0.08);
        for (EventType type : EventType.values()) {
            renderer.setSeriesPaint(type.ordinal(), ChartLook.colour(type.ordinal()));
        }
        renderer.setDefaultItemLabelGenerator(new NonZeroLabels());
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(ChartLook.font(Font.BOLD, 16));
        renderer.setDefaultItemLabelPaint(Color.WHITE);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.CENTER, TextAnchor.CENTER));
        CategoryAxis axis = plot.getDomainAxis();
        axis.setMaximumCategoryLabelWidthRatio(0.45f);
        axis.setTickLabelFont(ChartLook.font(Font.PLAIN, labels.size() > 15 ? 16 : 18));
        axis.setCategoryMargin(0.12);
        legendTop(chart);
        return chart;
    }

    // ---- region x night heatmap ----

    JFreeChart heatmap(Period period, Totals totals, RegionNightMatrix matrix) {
        boolean empty = totals.incidents() == 0 || matrix == null || matrix.regions().isEmpty();
        NightBuckets buckets = NightBuckets.of(empty ? List.of() : matrix.nights());
        String title = "Incidents by region and " + buckets.grain().word + " — " + period.label();
        List<String> rows = new ArrayList<>();
        long[][] cells = new long[0][0];
        long max = 0;
        if (!empty) {
            int regions = matrix.regions().size();
            int shown = regions > HEATMAP_REGIONS + 1 ? HEATMAP_REGIONS : regions;
            int height = shown + (shown < regions ? 1 : 0);
            cells = new long[height][buckets.size()];
            for (int r = 0; r < regions; r++) {
                int row = Math.min(r, shown);
                for (int n = 0; n < matrix.nights().size(); n++) {
                    cells[row][buckets.bucketOfNight()[n]] += matrix.count(r, n);
                }
            }
            // Largest region at the top: the y axis counts upwards.
            for (int row = height - 1; row >= 0; row--) {
                rows.add(row < shown ? matrix.regions().get(row) : "Other regions (" + (regions - shown) + ")");
            }
            for (long[] line : cells) {
                for (long count : line) {
                    max = Math.max(max, count);
                }
            }
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        int points = rows.size() * buckets.size();
        double[][] series = new double[3][points];
        int p = 0;
        for (int row = 0; row < rows.size(); row++) {
            int source = rows.size() - 1 - row;
            for (int b = 0; b < buckets.size(); b++) {
                series[0][p] = b;
                series[1][p] = row;
                series[2][p] = cells[source][b];
                p++;
            }
        }
        if (!empty) {
            dataset.addSeries("Incidents", series);
        }
        SymbolAxis xAxis = new SymbolAxis(buckets.grain().axisLabel, buckets.labels().toArray(String[]::new));
        xAxis.setGridBandsVisible(false);
        SymbolAxis yAxis = new SymbolAxis("Region", rows.toArray(String[]::new));
        yAxis.setGridBandsVisible(false);
        XYBlockRenderer renderer = new XYBlockRenderer();
        HeatPaintScale scale = new HeatPaintScale(Math.max(1, max));
        renderer.setPaintScale(scale);
        XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        ChartLook.apply(chart, subtitle(period, totals));
        plot.setNoDataMessage(noIncidents(period));
        if (empty) {
            xAxis.setVisible(false);
            yAxis.setVisible(false);
        }
        xAxis.setVerticalTickLabels(buckets.size() > 16);
        xAxis.setTickLabelFont(ChartLook.font(Font.PLAIN, buckets.size() > 40 ? 14 : 16));
        yAxis.setTickLabelFont(ChartLook.font(Font.PLAIN, rows.size() > 18 ? 14 : 17));
        if (!empty) {
            boolean labelCells = buckets.size() <= 31 && rows.size() <= 20;
            if (labelCells) {
                for (int i = 0; i < points; i++) {
                    if (series[2][i] > 0) {
                        XYTextAnnotation label = new XYTextAnnotation(
                                Long.toString((long) series[2][i]), series[0][i], series[1][i]);
                        label.setFont(ChartLook.font(Font.BOLD, 16));
                        label.setPaint(series[2][i] > max * 0.6 ? Color.WHITE : Color.BLACK);
                        plot.addAnnotation(label);
                    }
                }
            }
            NumberAxis scaleAxis = new NumberAxis("Incidents");
            scaleAxis.setRange(0, Math.max(1, max));
            scaleAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            scaleAxis.setTickLabelFont(ChartLook.font(Font.PLAIN, 16));
            scaleAxis.setLabelFont(ChartLook.font(Font.PLAIN, 18));
            PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
            legend.setPosition(RectangleEdge.RIGHT);
            legend.setAxisLocation(AxisLocation.TOP_OR_RIGHT);
            legend.setMargin(new RectangleInsets(10, 20, 10, 10));
            legend.setStripWidth(24);
            legend.setAxisOffset(6);
            chart.addSubtitle(legend);
        }
        return chart;
    }

    // ---- weekly trend ----

    JFreeChart weeklyTrend(List<WeekCount> weeks) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (WeekCount week : weeks) {
            dataset.addValue(week.incidents(), "Incidents per week", week.isoWeek());
        }
        LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
        JFreeChart chart = new JFreeChart("Incidents per week — last " + weeks.size() + " weeks",
                JFreeChart.DEFAULT_TITLE_FONT,
                new CategoryPlot(dataset, new CategoryAxis("ISO week"), new NumberAxis("Incidents"), renderer), true);
        ChartLook.apply(chart, "Weeks " + weeks.get(0).isoWeek() + " to " + weeks.get(weeks.size() - 1).isoWeek()
                + " (week of the evening date), all regions");
        CategoryPlot plot = chart.getCategoryPlot();
        integerAxis(plot);
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(1.6f);
        plot.getDomainAxis().setCategoryLabelPositions(weeks.size() > 14
                ? CategoryLabelPositions.UP_45 : CategoryLabelPositions.STANDARD);
        renderer.setSeriesPaint(0, ChartLook.colour(0));
        renderer.setSeriesStroke(0, ChartLook.line(4f));
        renderer.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-7, -7, 14, 14));
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(ChartLook.font(Font.BOLD, 18));
        renderer.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setUpperMargin(0.15);
        range.setAutoRangeIncludesZero(true);
        legendTop(chart);
        return chart;
    }

    // ---- shared pieces ----

    private static String subtitle(Period period, Totals totals) {
        // The title already names the period; the subtitle gives its nights and the headline figure.
        String nights = NightLabels.nightsText(period);
        String span = Character.toUpperCase(nights.charAt(0)) + nights.substring(1);
        NumberFormat number = NumberFormat.getIntegerInstance(Locale.ROOT);
        number.setGroupingUsed(true);
        if (totals.incidents() == 0) {
            return span;
        }
        return span + " · " + number.format(totals.incidents()) + " incidents in " + totals.regions()
                + (totals.regions() == 1 ? " region" : " regions");
    }

    private static void noData(CategoryPlot plot, Period period, boolean empty) {
        plot.setNoDataMessage(noIncidents(period));
        if (empty) {
            plot.getRangeAxis().setVisible(false);
            plot.getDomainAxis().setVisible(false);
        }
    }

    /** The subtitle already spells out the nights; the message itself must fit on one line. */
    static String noIncidents(Period period) {
        return "No incidents in " + period.label();
    }

    private static void integerAxis(CategoryPlot plot) {
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        range.setUpperMargin(0.08);
    }

    private static void flatBars(BarRenderer renderer) {
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
    }

    private static void legendRight(JFreeChart chart) {
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.RIGHT);
            legend.setFrame(BlockBorder.NONE);
            legend.setItemFont(ChartLook.font(Font.PLAIN, 18));
            legend.setMargin(new RectangleInsets(10, 20, 10, 10));
        }
    }

    private static void legendTop(JFreeChart chart) {
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.TOP);
            legend.setFrame(BlockBorder.NONE);
            legend.setItemFont(ChartLook.font(Font.PLAIN, 18));
        }
    }

    private static void addTypes(DefaultCategoryDataset dataset, String category,
                                 long shotDown, long debris, long impact, long attack) {
        dataset.addValue(shotDown, EventType.SHOT_DOWN.label(), category);
        dataset.addValue(debris, EventType.DEBRIS.label(), category);
        dataset.addValue(impact, EventType.IMPACT.label(), category);
        dataset.addValue(attack, EventType.ATTACK.label(), category);
    }

    private static void addTo(DefaultCategoryDataset dataset, long value, String series, String category) {
        Number current = dataset.getRowIndex(series) >= 0 && dataset.getColumnIndex(category) >= 0
                ? dataset.getValue(series, category) : null;
        dataset.setValue((current == null ? 0 : current.longValue()) + value, series, category);
    }

    private static List<TallyRow> sortedByIncidents(List<TallyRow> rows) {
        List<TallyRow> sorted = new ArrayList<>(rows == null ? List.of() : rows);
        sorted.removeIf(row -> row.incidents() == 0);
        sorted.sort(Comparator.comparingLong(TallyRow::incidents).reversed());
        return sorted;
    }

    /** Labels each segment with its count, and leaves empty segments unlabelled. */
    private static final class NonZeroLabels extends StandardCategoryItemLabelGenerator {
        private static final long serialVersionUID = 1L;

        @Override
        public String generateLabel(org.jfree.data.category.CategoryDataset dataset, int row, int column) {
            Number value = dataset.getValue(row, column);
            return value == null || value.doubleValue() == 0 ? null : super.generateLabel(dataset, row, column);
        }
    }
}
