package com.incidenttally.report.charts;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.incidenttally.incident.EventType;
import com.incidenttally.places.Gazetteer;
import com.incidenttally.report.Language;
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
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Renders the report's PNG charts (1600×900, headless, in the bundled font): incidents by night
 * stacked by region, by region, top districts, the region-by-night heatmap, and the weekly trend
 * when the store spans two weeks or more; the region map, and the change map when the store holds the
 * previous period ({@link RegionMaps}). A period without incidents gets charts that say so.
 *
 * <p>What is folded together ("other regions") is drawn apart from the named bars and never sets
 * their scale where the bars rank areas: a note with its value under the bar charts, a grey row of
 * its own colour scale in the heatmap. By night, where the bars rank nights, it is the grey top
 * segment of each bar, so that a bar's height is the night's whole count. Incidents reported for a region as a whole are
 * not ranked among districts.
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

    /** The heatmap's plot area, about: what is left of 1600×900 after titles, labels and the colour legend. */
    private static final double HEATMAP_AREA_WIDTH = 1050;
    private static final double HEATMAP_AREA_HEIGHT = 600;

    private static final Color NOTE = new Color(0x44, 0x44, 0x44);

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        BundledFonts.install();
        // The charts are written by Png; ImageIO only reads them back (Summary's picture sizes), and
        // without its default cache file, which would need a temporary folder that may be read-only
        // (and would be left behind by a killed run).
        javax.imageio.ImageIO.setUseCache(false);
    }

    private final ChartTexts texts;
    /** Every number on a chart, axes and labels, as the workbook writes it. */
    private final NumberFormat numbers;

    /** Charts in English. */
    public ChartRenderer() {
        this(Language.EN, null);
    }

    /** Charts in a language, with regions and districts named in it as the gazetteer knows them. */
    public ChartRenderer(Language language, Gazetteer gazetteer) {
        // Placed again if the folder they were placed in has gone since (a file check otherwise).
        BundledFonts.install();
        this.texts = new ChartTexts(language, gazetteer);
        this.numbers = new ChartNumbers(texts);
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
        written.addAll(new RegionMaps(texts).draw(data, subtitle(period, totals), chartsDir));
        return written;
    }

    // ---- incidents by night, stacked by region ----

    JFreeChart byNight(Period period, Totals totals, RegionNightMatrix matrix) {
        boolean empty = totals.incidents() == 0 || matrix == null || matrix.regions().isEmpty();
        NightBuckets buckets = NightBuckets.of(empty ? List.of() : matrix.nights(), quiet(matrix), texts);
        String title = texts.text("title.byNight." + buckets.grain(), texts.period(period));
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        long[] other = new long[buckets.size()];
        int otherRegions = 0;
        if (!empty) {
            int regions = matrix.regions().size();
            int shown = regions > STACKED_REGIONS + 1 ? STACKED_REGIONS : regions;
            otherRegions = regions - shown;
            for (int r = 0; r < shown; r++) {
                String series = texts.region(matrix.regions().get(r));
                for (int b = 0; b < buckets.size(); b++) {
                    addTo(dataset, 0, series, buckets.labels().get(b));
                }
                for (int n = 0; n < matrix.nights().size(); n++) {
                    addTo(dataset, matrix.count(r, n), series, buckets.labels().get(buckets.bucketOfNight()[n]));
                }
            }
            for (int r = shown; r < regions; r++) {
                for (int n = 0; n < matrix.nights().size(); n++) {
                    other[buckets.bucketOfNight()[n]] += matrix.count(r, n);
                }
            }
            if (otherRegions > 0) {
                // The other regions are the top segment, in grey: each bar is the night's whole count, so the
                // bars rank the nights as their totals do (a number over the bar left the heights short of them).
                String series = texts.text("otherRegions", otherRegions);
                for (int b = 0; b < buckets.size(); b++) {
                    addTo(dataset, other[b], series, buckets.labels().get(b));
                }
            }
        }
        JFreeChart chart = new JFreeChart(title, ChartLook.font(Font.BOLD, 34),
                new CategoryPlot(dataset, new CategoryAxis(texts.text("axis." + buckets.grain())),
                        new NumberAxis(texts.text("axis.incidents")), new StackedBarRenderer()), true);
        ChartLook.apply(chart, subtitle(period, totals));
        CategoryPlot plot = chart.getCategoryPlot();
        noData(plot, period, empty);
        integerAxis(plot);
        StackedBarRenderer renderer = (StackedBarRenderer) plot.getRenderer();
        flatBars(renderer);
        renderer.setMaximumBarWidth(0.06);
        for (int s = 0; s < dataset.getRowCount(); s++) {
            renderer.setSeriesPaint(s, otherRegions > 0 && s == dataset.getRowCount() - 1 ? ChartLook.OTHER : ChartLook.colour(s));
        }
        CategoryAxis axis = plot.getDomainAxis();
        axis.setCategoryLabelPositions(buckets.size() > 16 ? CategoryLabelPositions.UP_90 : CategoryLabelPositions.STANDARD);
        axis.setTickLabelFont(ChartLook.font(Font.PLAIN, buckets.size() > 40 ? 14 : 18));
        // Week labels wrap at the hyphen rather than run into each other.
        axis.setMaximumCategoryLabelLines(2);
        axis.setCategoryMargin(0.15);
        legendRight(chart);
        partNote(chart, buckets);
        return chart;
    }

    // ---- incidents by region, stacked by event type ----

    JFreeChart byRegion(Period period, Totals totals, List<TallyRow> rows) {
        List<TallyRow> sorted = sortedByIncidents(rows);
        List<String> labels = new ArrayList<>();
        for (TallyRow row : sorted) {
            labels.add(texts.region(row.region()));
        }
        int shown = sorted.size() > TOP_BARS + 1 ? TOP_BARS : sorted.size();
        JFreeChart chart = eventTypeBars(texts.text("title.byRegion", texts.period(period)), texts.text("axis.region"),
                period, totals, sorted.subList(0, shown), labels);
        List<TallyRow> rest = sorted.subList(shown, sorted.size());
        if (!rest.isEmpty()) {
            long incidents = rest.stream().mapToLong(TallyRow::incidents).sum();
            note(chart, texts.text("other.bars", rest.size(), incidents, byType(rest)));
        }
        return chart;
    }

    JFreeChart topDistricts(Period period, Totals totals, List<TallyRow> rows) {
        List<TallyRow> sorted = sortedByIncidents(rows);
        // Incidents without a district are a region's, not a district's: they are not ranked.
        List<TallyRow> wholeRegions = new ArrayList<>();
        sorted.removeIf(row -> row.district() == null && !row.isSea() && wholeRegions.add(row));
        List<TallyRow> top = sorted.subList(0, Math.min(TOP_BARS, sorted.size()));
        List<String> labels = new ArrayList<>();
        for (TallyRow row : top) {
            // A sea area has no districts: it is ranked under its own name.
            labels.add(row.district() == null ? texts.region(row.region())
                    : texts.district(row.isoCode(), row.district()) + ", " + texts.region(row.region()));
        }
        String title = texts.text("title.topDistricts", top.isEmpty() ? TOP_BARS : top.size(), texts.period(period));
        JFreeChart chart = eventTypeBars(title, texts.text("axis.district"), period, totals, top, labels);
        if (!wholeRegions.isEmpty()) {
            long incidents = wholeRegions.stream().mapToLong(TallyRow::incidents).sum();
            List<String> named = new ArrayList<>();
            for (TallyRow row : wholeRegions.subList(0, Math.min(3, wholeRegions.size()))) {
                named.add(texts.region(row.region()) + " " + number(row.incidents()));
            }
            String list = String.join(", ", named) + (wholeRegions.size() > 3 ? ", …" : "");
            note(chart, texts.text("regionAsAWhole", incidents, list));
        }
        return chart;
    }

    /**
     * Horizontal bars, largest first, split by event type; each bar's label carries its total so
     * the count reads without the axis.
     */
    private JFreeChart eventTypeBars(String title, String axisLabel, Period period, Totals totals,
                                     List<TallyRow> shown, List<String> labels) {
        boolean empty = totals.incidents() == 0 || shown.isEmpty();
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        if (!empty) {
            for (int i = 0; i < shown.size(); i++) {
                TallyRow row = shown.get(i);
                String category = labels.get(i) + "  (" + number(row.incidents()) + ")";
                for (EventType type : EventType.values()) {
                    dataset.addValue(row.events(type), texts.eventType(type), category);
                }
            }
        }
        StackedBarRenderer renderer = new StackedBarRenderer();
        JFreeChart chart = new JFreeChart(title, ChartLook.font(Font.BOLD, 34),
                new CategoryPlot(dataset, new CategoryAxis(axisLabel), new NumberAxis(texts.text("axis.incidents")),
                        renderer), true);
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
        renderer.setDefaultItemLabelGenerator(new NonZeroLabels(numbers));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(ChartLook.font(Font.BOLD, 16));
        renderer.setDefaultItemLabelPaint(Color.WHITE);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.CENTER, TextAnchor.CENTER));
        CategoryAxis axis = plot.getDomainAxis();
        axis.setMaximumCategoryLabelWidthRatio(0.45f);
        axis.setTickLabelFont(ChartLook.font(Font.PLAIN, shown.size() > 15 ? 16 : 18));
        axis.setCategoryMargin(0.12);
        legendTop(chart);
        return chart;
    }

    /** Whether a night of the matrix has no incident in any region. */
    private static java.util.function.IntPredicate quiet(RegionNightMatrix matrix) {
        return night -> {
            for (int r = 0; r < matrix.regions().size(); r++) {
                if (matrix.count(r, night) > 0) {
                    return false;
                }
            }
            return true;
        };
    }

    // ---- region x night heatmap ----

    JFreeChart heatmap(Period period, Totals totals, RegionNightMatrix matrix) {
        boolean empty = totals.incidents() == 0 || matrix == null || matrix.regions().isEmpty();
        NightBuckets buckets = NightBuckets.of(empty ? List.of() : matrix.nights(), quiet(matrix), texts);
        String title = texts.text("title.heatmap." + buckets.grain(), texts.period(period));
        List<String> rows = new ArrayList<>();
        long[][] cells = new long[0][0];
        int shown = 0;
        boolean hasOther = false;
        long max = 0;
        long otherMax = 0;
        if (!empty) {
            int regions = matrix.regions().size();
            shown = regions > HEATMAP_REGIONS + 1 ? HEATMAP_REGIONS : regions;
            hasOther = shown < regions;
            int height = shown + (hasOther ? 1 : 0);
            cells = new long[height][buckets.size()];
            for (int r = 0; r < regions; r++) {
                int row = Math.min(r, shown);
                for (int n = 0; n < matrix.nights().size(); n++) {
                    cells[row][buckets.bucketOfNight()[n]] += matrix.count(r, n);
                }
            }
            // Largest region at the top: the y axis counts upwards; the other regions at the bottom.
            for (int row = height - 1; row >= 0; row--) {
                rows.add(row < shown ? texts.region(matrix.regions().get(row)) : texts.text("otherRegions", regions - shown));
            }
            // Only the named regions set the colour scale; the other regions have a grey scale of their own.
            for (int row = 0; row < height; row++) {
                for (long count : cells[row]) {
                    if (row < shown) {
                        max = Math.max(max, count);
                    } else {
                        otherMax = Math.max(otherMax, count);
                    }
                }
            }
        }
        DefaultXYZDataset named = new DefaultXYZDataset();
        DefaultXYZDataset others = new DefaultXYZDataset();
        if (!empty) {
            named.addSeries(texts.text("axis.incidents"), series(cells, rows.size(), 0, shown, buckets.size()));
            if (hasOther) {
                others.addSeries(texts.text("otherRegions", matrix.regions().size() - shown),
                        series(cells, rows.size(), shown, shown + 1, buckets.size()));
            }
        }
        SymbolAxis xAxis = new SymbolAxis(texts.text("axis." + buckets.grain()), buckets.labels().toArray(String[]::new));
        xAxis.setGridBandsVisible(false);
        SymbolAxis yAxis = new SymbolAxis(texts.text("axis.region"), rows.toArray(String[]::new));
        yAxis.setGridBandsVisible(false);
        HeatPaintScale scale = new HeatPaintScale(Math.max(1, max));
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        XYPlot plot = new XYPlot(named, xAxis, yAxis, renderer);
        if (hasOther) {
            XYBlockRenderer otherRenderer = new XYBlockRenderer();
            otherRenderer.setPaintScale(HeatPaintScale.grey(Math.max(1, otherMax)));
            plot.setDataset(1, others);
            plot.setRenderer(1, otherRenderer);
        }
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(title, ChartLook.font(Font.BOLD, 34), plot, false);
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
            labelCells(plot, cells, rows.size(), shown, buckets.size(), max, otherMax);
            NumberAxis scaleAxis = new NumberAxis(texts.text("axis.incidents"));
            scaleAxis.setRange(0, Math.max(1, max));
            scaleAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            scaleAxis.setNumberFormatOverride(numbers);
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
        partNote(chart, buckets);
        return chart;
    }

    /** The cells of rows {@code from} (inclusive) to {@code to} as x (bucket), y (row from the bottom), z (count). */
    private static double[][] series(long[][] cells, int height, int from, int to, int width) {
        double[][] series = new double[3][(to - from) * width];
        int p = 0;
        for (int row = from; row < to; row++) {
            for (int b = 0; b < width; b++) {
                series[0][p] = b;
                series[1][p] = height - 1 - row;
                series[2][p] = cells[row][b];
                p++;
            }
        }
        return series;
    }

    /**
     * Writes each cell's count on it when the largest number fits a cell at a legible size; then
     * every cell carries its number, never only the small ones.
     */
    static int cellLabelSize(int rows, int columns, long largest) {
        double cellWidth = HEATMAP_AREA_WIDTH / columns;
        double cellHeight = HEATMAP_AREA_HEIGHT / rows;
        int digits = String.format(java.util.Locale.ENGLISH, "%,d", largest).length();
        // About 0.62 em per digit in DejaVu Sans, and a little room either side.
        int size = (int) Math.floor(Math.min(Math.min(16, cellHeight * 0.7), (cellWidth - 4) / (digits * 0.62)));
        return size < 9 ? 0 : size;
    }

    private void labelCells(XYPlot plot, long[][] cells, int height, int shown, int width, long max, long otherMax) {
        int size = cellLabelSize(height, width, Math.max(max, otherMax));
        if (size == 0) {
            return;
        }
        for (int row = 0; row < height; row++) {
            for (int b = 0; b < width; b++) {
                long count = cells[row][b];
                if (count == 0) {
                    continue;
                }
                XYTextAnnotation label = new XYTextAnnotation(number(count), b, height - 1 - row);
                label.setFont(ChartLook.font(size >= 13 ? Font.BOLD : Font.PLAIN, size));
                boolean other = row >= shown;
                label.setPaint(!other && count > max * 0.6 || other && count > otherMax * 0.75 ? Color.WHITE : Color.BLACK);
                plot.addAnnotation(label);
            }
        }
    }

    // ---- weekly trend ----

    JFreeChart weeklyTrend(List<WeekCount> weeks) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (WeekCount week : weeks) {
            dataset.addValue(week.incidents(), texts.text("series.perWeek"), week.isoWeek());
        }
        // A part week (fewer nights in the data, or not over yet) is drawn as a hollow point on a
        // dashed line: its count is not a week's, and must not read as a fall.
        boolean[] part = new boolean[weeks.size()];
        for (int i = 0; i < part.length; i++) {
            part[i] = weeks.get(i).part();
        }
        java.awt.Stroke dashed = new java.awt.BasicStroke(4f, java.awt.BasicStroke.CAP_BUTT,
                java.awt.BasicStroke.JOIN_ROUND, 1f, new float[] {12f, 9f}, 0f);
        LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true) {
            @Override
            public java.awt.Paint getItemFillPaint(int row, int column) {
                // White inside, the series' colour around: hollow, and the line does not show through.
                return part[column] ? java.awt.Color.WHITE : getItemPaint(row, column);
            }

            @Override
            public java.awt.Stroke getItemStroke(int row, int column) {
                // The line from the week before to this one: dashed where either is a part week.
                return part[column] || column > 0 && part[column - 1] ? dashed : super.getItemStroke(row, column);
            }
        };
        renderer.setUseFillPaint(true);
        renderer.setUseOutlinePaint(false);
        renderer.setDrawOutlines(true);
        renderer.setSeriesOutlineStroke(0, ChartLook.line(3f));
        JFreeChart chart = new JFreeChart(texts.text("title.weeklyTrend", weeks.size()), ChartLook.font(Font.BOLD, 34),
                new CategoryPlot(dataset, new CategoryAxis(texts.text("axis.isoWeek")),
                        new NumberAxis(texts.text("axis.incidents")), renderer), true);
        ChartLook.apply(chart, texts.text("subtitle.weeks", weeks.get(0).isoWeek(), weeks.get(weeks.size() - 1).isoWeek()));
        CategoryPlot plot = chart.getCategoryPlot();
        integerAxis(plot);
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(1.6f);
        plot.getDomainAxis().setCategoryLabelPositions(weeks.size() > 14
                ? CategoryLabelPositions.UP_45 : CategoryLabelPositions.STANDARD);
        renderer.setSeriesPaint(0, ChartLook.colour(0));
        renderer.setSeriesStroke(0, ChartLook.line(4f));
        renderer.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-7, -7, 14, 14));
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator(
                StandardCategoryItemLabelGenerator.DEFAULT_LABEL_FORMAT_STRING, numbers));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(ChartLook.font(Font.BOLD, 18));
        renderer.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setUpperMargin(0.15);
        range.setAutoRangeIncludesZero(true);
        legendTop(chart);
        for (boolean p : part) {
            if (p) {
                note(chart, texts.text("note.partWeek"));
                break;
            }
        }
        return chart;
    }

    // ---- shared pieces ----

    private String subtitle(Period period, Totals totals) {
        // The title already names the period; the subtitle gives its nights and the headline figure.
        String span = period.from().equals(period.to())
                ? texts.text("subtitle.night", nightWithYear(period.from()))
                : texts.text("subtitle.nights", nightWithYear(period.from()), nightWithYear(period.to()));
        if (totals.incidents() == 0) {
            return span;
        }
        String figures = totals.seaAreas() == 0 ? texts.text("subtitle.totals", totals.incidents(), totals.regions())
                : totals.regions() == 0 ? texts.text("subtitle.totalsSeas", totals.incidents(), totals.seaAreas())
                : texts.text("subtitle.totalsAndSeas", totals.incidents(), totals.regions(), totals.seaAreas());
        return span + " · " + figures;
    }

    private String nightWithYear(LocalDate evening) {
        return texts.night(evening) + " " + evening.plusDays(1).getYear();
    }

    private void noData(CategoryPlot plot, Period period, boolean empty) {
        plot.setNoDataMessage(noIncidents(period));
        if (empty) {
            plot.getRangeAxis().setVisible(false);
            plot.getDomainAxis().setVisible(false);
        }
    }

    /** The subtitle already spells out the nights; the message itself must fit on one line. */
    String noIncidents(Period period) {
        return texts.text("noIncidents", texts.period(period));
    }

    /** Says what the mark on a week's or month's label means, when one is marked. */
    private void partNote(JFreeChart chart, NightBuckets buckets) {
        if (buckets.anyPart()) {
            note(chart, texts.text("note.part." + buckets.grain()));
        }
    }

    /** A line under the plot that says what is not drawn, and its value. */
    private static void note(JFreeChart chart, String text) {
        TextTitle note = new TextTitle(text, ChartLook.font(Font.PLAIN, 19));
        note.setPaint(NOTE);
        note.setPosition(RectangleEdge.BOTTOM);
        note.setHorizontalAlignment(HorizontalAlignment.LEFT);
        note.setPadding(new RectangleInsets(10, 8, 0, 0));
        chart.addSubtitle(note);
    }

    private String byType(List<TallyRow> rows) {
        Map<EventType, Long> counts = new EnumMap<>(EventType.class);
        for (TallyRow row : rows) {
            for (EventType type : EventType.values()) {
                counts.merge(type, row.events(type), Long::sum);
            }
        }
        Map<String, String> parts = new LinkedHashMap<>();
        counts.forEach((type, count) -> {
            if (count > 0) {
                parts.put(texts.eventType(type), number(count));
            }
        });
        List<String> text = new ArrayList<>();
        parts.forEach((type, count) -> text.add(type + " " + count));
        return String.join(", ", text);
    }

    /** A count as the report's language writes it: {@code 1,234}, {@code 1 234}. */
    private String number(long n) {
        return texts.number(n);
    }

    private void integerAxis(CategoryPlot plot) {
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        range.setNumberFormatOverride(numbers);
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

        NonZeroLabels(NumberFormat numbers) {
            super(DEFAULT_LABEL_FORMAT_STRING, numbers);
        }

        @Override
        public String generateLabel(org.jfree.data.category.CategoryDataset dataset, int row, int column) {
            Number value = dataset.getValue(row, column);
            return value == null || value.doubleValue() == 0 ? null : super.generateLabel(dataset, row, column);
        }
    }
}
