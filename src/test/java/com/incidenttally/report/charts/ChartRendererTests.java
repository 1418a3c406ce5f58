package com.incidenttally.report.charts;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.incidenttally.incident.EventType;
import com.incidenttally.places.Gazetteer;
import com.incidenttally.report.Language;
import com.incidenttally.report.ReportFixtures;
import com.incidenttally.tally.Period;
import com.incidenttally.tally.RegionNightMatrix;
import com.incidenttally.tally.TallyRow;
import com.incidenttally.tally.Totals;
import com.incidenttally.tally.WeekCount;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYZDataset;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ChartRendererTests {

    @TempDir
    Path dir;

    private final ChartRenderer renderer = new ChartRenderer();

    private static long sum(CategoryDataset dataset) {
        long sum = 0;
        for (int r = 0; r < dataset.getRowCount(); r++) {
            for (int c = 0; c < dataset.getColumnCount(); c++) {
                Number value = dataset.getValue(r, c);
                sum += value == null ? 0 : value.longValue();
            }
        }
        return sum;
    }

    /** Region {@code i} with {@code incidents} incidents, all shot down. */
    private static TallyRow shotDownInRegion(int i, long incidents) {
        return new TallyRow("Region " + i, "RU-" + i, null, null, incidents, incidents, 0,
                Map.of(EventType.SHOT_DOWN, incidents), 0, 0, 0, 0, 1, 0, 0);
    }

    /** The lines under a chart's plot (what is drawn apart, and its value). */
    private static List<String> notes(JFreeChart chart) {
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof TextTitle title && title.getPosition() == RectangleEdge.BOTTOM) {
                notes.add(title.getText());
            }
        }
        return notes;
    }

    /** Every incident in the heatmap, the named rows and the other regions' row. */
    private static long heatSum(XYPlot plot) {
        long sum = 0;
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            XYZDataset dataset = (XYZDataset) plot.getDataset(d);
            for (int s = 0; s < dataset.getSeriesCount(); s++) {
                for (int i = 0; i < dataset.getItemCount(s); i++) {
                    sum += (long) dataset.getZValue(s, i);
                }
            }
        }
        return sum;
    }

    private static void assertReadablePng(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as(png.getFileName().toString()).isNotNull();
        assertThat(image.getWidth()).isGreaterThanOrEqualTo(1600);
        assertThat(image.getHeight()).isGreaterThanOrEqualTo(900);
        // Drawn on white: a PNG without an alpha channel (smaller, quicker to write), as ImageIO reads it back.
        assertThat(image.getColorModel().hasAlpha()).as("%s has an alpha channel", png.getFileName()).isFalse();
    }

    @Test
    void writesEveryChartAsALargePngWithTheWeeklyTrend() throws IOException {
        List<Path> charts = renderer.render(ReportFixtures.seventyNights(), dir.resolve("charts"));

        assertThat(charts).extracting(p -> p.getFileName().toString()).containsExactly(
                "incidents-by-night.png", "incidents-by-region.png", "top-districts.png",
                "region-night-heatmap.png", "weekly-trend.png", "region-map.png", "region-change-map.png");
        // The names a replaced report's folder is cleared of: any other file there is a person's, and kept.
        assertThat(charts).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrderElementsOf(com.incidenttally.report.OutputFolder.CHART_FILES);
        for (Path chart : charts) {
            assertThat(chart.getParent()).isEqualTo(dir.resolve("charts"));
            assertReadablePng(chart);
        }
    }

    @Test
    void leavesOutTheWeeklyTrendWhenTheStoreHoldsLessThanTwoWeeks() throws IOException {
        ReportFixtures.Data data = ReportFixtures.firstWeekInStore(LocalDate.of(2025, 12, 8));
        assertThat(data.weeklyTrend()).extracting(WeekCount::isoWeek).containsExactly("2025-W50");

        List<Path> charts = renderer.render(data, dir);

        // Four charts and the region map; no change map without a previous period.
        assertThat(charts).hasSize(5);
        assertThat(dir.resolve("weekly-trend.png")).doesNotExist();
        assertThat(dir.resolve("region-change-map.png")).doesNotExist();
    }

    @Test
    void anEmptyPeriodGetsChartsThatSaySo() throws IOException {
        ReportFixtures.Data data = ReportFixtures.emptyWeek();

        List<Path> charts = renderer.render(data, dir);

        assertThat(charts).hasSize(5);
        for (Path chart : charts) {
            assertReadablePng(chart);
        }
        JFreeChart byNight = renderer.byNight(data.period(), data.totals(), data.regionNight());
        assertThat(byNight.getPlot().getNoDataMessage()).isEqualTo("No incidents in 2025-W50");
        assertThat(byNight.getCategoryPlot().getDataset().getRowCount()).isZero();
        JFreeChart heatmap = renderer.heatmap(data.period(), data.totals(), data.regionNight());
        assertThat(heatmap.getXYPlot().getDataset().getSeriesCount()).isZero();
        assertThat(heatmap.getPlot().getNoDataMessage()).isEqualTo("No incidents in 2025-W50");
    }

    @Test
    void overSixtyNightsTheByNightChartGroupsNightsByIsoWeek() {
        ReportFixtures.Data data = ReportFixtures.seventyNights();

        JFreeChart chart = renderer.byNight(data.period(), data.totals(), data.regionNight());
        CategoryDataset dataset = chart.getCategoryPlot().getDataset();

        assertThat(chart.getTitle().getText()).isEqualTo("Incidents by week — 2025-10-01_2025-12-09");
        // The first and last weeks are part weeks (from Wednesday 1 October, to Tuesday 9 December): marked, and said.
        assertThat(dataset.getColumnKeys()).hasSize(11).first().hasToString("2025-W40*");
        assertThat(dataset.getColumnKeys()).last().hasToString("2025-W50*");
        assertThat(dataset.getColumnKeys()).filteredOn(key -> key.toString().endsWith("*")).hasSize(2);
        assertThat(subtitleTexts(chart)).contains(
                "* A part week: the period holds only some of its nights, so its count is not a whole week\u2019s.");
        // Eight regions stacked by name, the other five together in grey on top: each bar is the week's whole count.
        assertThat(dataset.getRowCount()).isEqualTo(9);
        assertThat(dataset.getRowKey(0)).hasToString(data.regionNight().regions().get(0));
        assertThat(dataset.getRowKey(8)).hasToString("Other regions (5)");
        assertThat(chart.getCategoryPlot().getRenderer().getSeriesPaint(8)).isEqualTo(ChartLook.OTHER);
        assertThat(chart.getCategoryPlot().getAnnotations()).isEmpty();
        assertThat(sum(dataset)).isEqualTo(data.totals().incidents());
        RegionNightMatrix matrix = data.regionNight();
        for (int column = 0; column < dataset.getColumnCount(); column++) {
            long bar = 0;
            for (int row = 0; row < dataset.getRowCount(); row++) {
                Number value = dataset.getValue(row, column);
                bar += value == null ? 0 : value.longValue();
            }
            String week = dataset.getColumnKey(column).toString().replace("*", "");
            long total = 0;
            for (int n = 0; n < matrix.nights().size(); n++) {
                if (com.incidenttally.normalize.NightCalendar.isoWeek(matrix.nights().get(n)).equals(week)) {
                    for (int r = 0; r < matrix.regions().size(); r++) {
                        total += matrix.count(r, n);
                    }
                }
            }
            assertThat(bar).as(week).isEqualTo(total);
        }
    }

    /** Whole weeks are not marked: 63 nights from a Monday's evening to a Sunday's, and a quiet stretch inside. */
    @Test
    void weeksTheNightsHoldWholeAreNotMarkedAndMonthsCutByThePeriodAre() {
        List<LocalDate> nights = new ArrayList<>();
        long[][] counts = new long[1][63];
        for (int n = 0; n < 63; n++) {
            nights.add(LocalDate.of(2025, 10, 6).plusDays(n));
            counts[0][n] = n < 20 || n > 40 ? 1 : 0;
        }
        RegionNightMatrix matrix = new RegionNightMatrix(List.of("RU-KRS"), nights, counts);
        Totals totals = new Totals(42, 0, 0, 1, 0, 42, 0, 0, 0, 0, 0);
        Period period = new Period("all", nights.get(0), nights.get(62));

        JFreeChart byNight = renderer.byNight(period, totals, matrix);

        assertThat(byNight.getCategoryPlot().getDataset().getColumnKeys())
                .noneMatch(key -> key.toString().endsWith("*")).anyMatch(key -> key.toString().contains("nights with no reports"));
        assertThat(subtitleTexts(byNight)).noneMatch(text -> text.contains("part week"));

        // Two years of nights from 15 March: by month, the first and the last (to 14 March) are part months.
        List<LocalDate> years = new ArrayList<>();
        long[][] daily = new long[1][730];
        for (int n = 0; n < 730; n++) {
            years.add(LocalDate.of(2024, 3, 15).plusDays(n));
            daily[0][n] = 1;
        }
        RegionNightMatrix long_ = new RegionNightMatrix(List.of("RU-KRS"), years, daily);
        Period all = new Period("all", years.get(0), years.get(729));
        Totals many = new Totals(730, 0, 0, 1, 0, 730, 0, 0, 0, 0, 0);
        JFreeChart heatmap = renderer.heatmap(all, many, long_);
        assertThat(heatmap.getTitle().getText()).contains("month");
        assertThat(subtitleTexts(heatmap)).contains(
                "* A part month: the period holds only some of its nights, so its count is not a whole month\u2019s.");
        List<String> months = renderer.byNight(all, many, long_).getCategoryPlot().getDataset().getColumnKeys().stream()
                .map(Object::toString).toList();
        assertThat(months).hasSize(25);
        assertThat(months.get(0)).endsWith("*");
        assertThat(months.get(24)).endsWith("*");
        assertThat(months.subList(1, 24)).noneMatch(month -> month.endsWith("*"));
    }

    @Test
    void aLongStretchOfEmptyNightsIsOneColumnOnTheByNightChartAndTheHeatmap() {
        // 20 nights with reports, 72 empty ones, then one more: a typo date months from the rest.
        List<LocalDate> nights = new ArrayList<>();
        long[][] counts = new long[1][93];
        for (int n = 0; n < 93; n++) {
            nights.add(LocalDate.of(2025, 12, 12).plusDays(n));
            counts[0][n] = n < 20 || n == 92 ? 1 : 0;
        }
        RegionNightMatrix matrix = new RegionNightMatrix(List.of("RU-KRS"), nights, counts);
        Totals totals = new Totals(21, 0, 0, 1, 0, 21, 0, 0, 0, 0, 0);
        Period period = new Period("all", nights.get(0), nights.get(92));

        CategoryDataset dataset = renderer.byNight(period, totals, matrix).getCategoryPlot().getDataset();

        // By night, not by week: 21 nights are left once the empty stretch is one column.
        assertThat(dataset.getColumnKeys()).hasSize(22);
        assertThat(dataset.getColumnKey(20)).hasToString("\u2026 72 nights with no reports \u2026");
        assertThat(dataset.getColumnKey(21)).hasToString("14\u201315 Mar");
        assertThat(sum(dataset)).isEqualTo(21);
        JFreeChart heatmap = renderer.heatmap(period, totals, matrix);
        assertThat(heatmap.getTitle().getText()).doesNotContain("week");
    }

    @Test
    void upToSixtyNightsTheByNightChartShowsEachNight() {
        ReportFixtures.Data data = ReportFixtures.nightsEndingOn(LocalDate.of(2026, 1, 3), 21);

        JFreeChart chart = renderer.byNight(data.period(), data.totals(), data.regionNight());
        CategoryDataset dataset = chart.getCategoryPlot().getDataset();

        assertThat(chart.getTitle().getText()).startsWith("Incidents by night");
        assertThat(dataset.getColumnKeys()).hasSize(21).first().hasToString("14–15 Dec");
        assertThat(dataset.getColumnKeys()).contains("31 Dec – 1 Jan", "1–2 Jan");
        assertThat(sum(dataset)).isEqualTo(data.totals().incidents());
    }

    @Test
    void theHeatmapGroupsByWeekOverSixtyNightsAndKeepsEveryIncident() {
        ReportFixtures.Data data = ReportFixtures.seventyNights();

        JFreeChart chart = renderer.heatmap(data.period(), data.totals(), data.regionNight());
        XYPlot plot = chart.getXYPlot();

        assertThat(((SymbolAxis) plot.getDomainAxis()).getSymbols()).hasSize(11);
        String[] regions = ((SymbolAxis) plot.getRangeAxis()).getSymbols();
        assertThat(regions).hasSize(13);
        // The busiest region is drawn at the top, which is the end of the y axis.
        assertThat(regions[regions.length - 1]).isEqualTo(data.regionNight().regions().get(0));
        assertThat(heatSum(plot)).isEqualTo(data.totals().incidents());
    }

    @Test
    void theRegionChartKeepsTheTopTwentyAndNamesTheRestApartWithTheirValue() {
        List<TallyRow> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(new TallyRow("Region " + i, "RU-" + i, null, null, 100 - i, 100 - i, 0,
                    Map.of(EventType.SHOT_DOWN, 100L - i), 0, 0, 0, 0, 1, 0, 0));
        }
        long total = rows.stream().mapToLong(TallyRow::incidents).sum();
        Totals totals = new Totals(total, 0, 0, 30, 0, 7, 0, 0, 0, 0);
        Period week = new Period("2025-W50", LocalDate.of(2025, 12, 8), LocalDate.of(2025, 12, 14));

        JFreeChart chart = renderer.byRegion(week, totals, rows);
        CategoryDataset dataset = chart.getCategoryPlot().getDataset();

        assertThat(dataset.getColumnCount()).isEqualTo(20);
        assertThat(dataset.getColumnKey(0)).hasToString("Region 0  (100)");
        assertThat(dataset.getColumnKey(19)).hasToString("Region 19  (81)");
        assertThat(dataset.getRowKeys()).containsExactly("Shot down", "Debris", "Impact", "Attack");
        assertThat(sum(dataset)).isEqualTo(total - 755);
        assertThat(notes(chart)).containsExactly(
                "Not drawn as a bar: 10 other regions with 755 incidents (Shot down 755)");
    }

    @Test
    void topDistrictsNamesEachDistrictWithItsRegion() {
        ReportFixtures.Data data = ReportFixtures.seventyNights();

        JFreeChart chart = renderer.topDistricts(data.period(), data.totals(), data.byDistrict());
        CategoryDataset dataset = chart.getCategoryPlot().getDataset();

        // Fourteen districts, one unresolved; the regions' incidents without a district are not ranked among them.
        assertThat(dataset.getColumnCount()).isEqualTo(14);
        assertThat(dataset.getColumnKeys()).anySatisfy(key ->
                assertThat(key.toString()).startsWith(ReportFixtures.CYRILLIC_DISTRICT + ", Volgograd Oblast  ("));
        assertThat(dataset.getColumnKeys()).anySatisfy(key -> assertThat(key.toString())
                .startsWith(ReportFixtures.UNRESOLVED_DISTRICT + " (unresolved), Volgograd Oblast  ("));
        assertThat(chart.getTitle().getText()).isEqualTo("Top 14 districts — 2025-10-01_2025-12-09");
    }

    @Test
    void theWeeklyTrendShowsEachWeekOfTheStoreOldestFirst() {
        List<WeekCount> weeks = List.of(new WeekCount("2025-W49", LocalDate.of(2025, 12, 1), 12),
                new WeekCount("2025-W50", LocalDate.of(2025, 12, 8), 30),
                new WeekCount("2025-W51", LocalDate.of(2025, 12, 15), 7));

        JFreeChart chart = renderer.weeklyTrend(weeks);
        CategoryDataset dataset = chart.getCategoryPlot().getDataset();

        assertThat(chart.getTitle().getText()).isEqualTo("Incidents per week — last 3 weeks");
        assertThat(dataset.getColumnKeys()).extracting(Object::toString).containsExactly("2025-W49", "2025-W50", "2025-W51");
        assertThat(dataset.getValue(0, 1).longValue()).isEqualTo(30);
        assertThat(chart.getCategoryPlot().getRenderer().getDefaultItemLabelsVisible()).isTrue();
    }

    @Test
    void aPartWeekIsAHollowPointOnADashedLineWithANote() {
        // The last week has four nights of data: drawn apart, never read as a week's fall.
        List<WeekCount> weeks = List.of(new WeekCount("2025-W49", LocalDate.of(2025, 12, 1), 120),
                new WeekCount("2025-W50", LocalDate.of(2025, 12, 8), 130, 7, true),
                new WeekCount("2025-W51", LocalDate.of(2025, 12, 15), 40, 4, true));

        JFreeChart chart = renderer.weeklyTrend(weeks);
        var lines = (org.jfree.chart.renderer.category.LineAndShapeRenderer) chart.getCategoryPlot().getRenderer();

        assertThat(lines.getItemFillPaint(0, 1)).isEqualTo(lines.getItemPaint(0, 1));
        assertThat(lines.getItemFillPaint(0, 2)).isEqualTo(java.awt.Color.WHITE);
        assertThat(((java.awt.BasicStroke) lines.getItemStroke(0, 1)).getDashArray()).isNull();
        assertThat(((java.awt.BasicStroke) lines.getItemStroke(0, 2)).getDashArray()).isNotNull();
        assertThat(subtitleTexts(chart)).anyMatch(text -> text.startsWith("Hollow points on a dashed line: part weeks"));
    }

    @Test
    void wholeWeeksHaveNoPartWeekNote() {
        List<WeekCount> weeks = List.of(new WeekCount("2025-W49", LocalDate.of(2025, 12, 1), 120),
                new WeekCount("2025-W50", LocalDate.of(2025, 12, 8), 130));

        assertThat(subtitleTexts(renderer.weeklyTrend(weeks))).noneMatch(text -> text.contains("part weeks"));
    }

    private static List<String> subtitleTexts(JFreeChart chart) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof TextTitle title) {
                texts.add(title.getText());
            }
        }
        return texts;
    }

    @Test
    void drawsWithAFontThatHasCyrillic() {
        Font font = ChartLook.font(Font.PLAIN, 18);

        assertThat(font.canDisplayUpTo(ReportFixtures.CYRILLIC_DISTRICT)).isEqualTo(-1);
    }

    @Test
    void overSixtyWeeksTheChartsGroupNightsByMonth() {
        ReportFixtures.Data data = ReportFixtures.nightsEndingOn(LocalDate.of(2025, 12, 31), 731);

        JFreeChart byNight = renderer.byNight(data.period(), data.totals(), data.regionNight());
        JFreeChart heatmap = renderer.heatmap(data.period(), data.totals(), data.regionNight());

        assertThat(byNight.getTitle().getText()).startsWith("Incidents by month");
        CategoryDataset dataset = byNight.getCategoryPlot().getDataset();
        assertThat(dataset.getColumnKeys()).hasSize(24).first().hasToString("Jan 2024");
        assertThat(sum(dataset)).isEqualTo(data.totals().incidents());
        assertThat(((SymbolAxis) heatmap.getXYPlot().getDomainAxis()).getSymbols()).hasSize(24);
    }

    @Test
    void nightsAreLabelledByDayAndMonthWithoutAmbiguity() {
        ChartTexts english = ChartTexts.english();
        ChartTexts russian = new ChartTexts(Language.RU, null);

        assertThat(english.night(LocalDate.of(2025, 12, 7))).isEqualTo("7–8 Dec");
        assertThat(english.night(LocalDate.of(2025, 11, 30))).isEqualTo("30 Nov – 1 Dec");
        assertThat(english.night(LocalDate.of(2025, 12, 31))).isEqualTo("31 Dec – 1 Jan");
        assertThat(russian.night(LocalDate.of(2025, 12, 7))).isEqualTo("7–8 дек.");
        assertThat(russian.night(LocalDate.of(2025, 11, 30))).isEqualTo("30 нояб. – 1 дек.");
    }

    @Test
    void writesIntoAFolderThatDoesNotExistYet() throws IOException {
        Path charts = dir.resolve("report").resolve("charts");

        renderer.render(ReportFixtures.emptyWeek(), charts);

        try (var files = Files.list(charts)) {
            assertThat(files).hasSize(5);
        }
    }

    private static RegionNightMatrix evenMatrix(int regions, int nights, long perCell) {
        List<String> names = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        long[][] counts = new long[regions][nights];
        for (int r = 0; r < regions; r++) {
            names.add("Region " + r);
            java.util.Arrays.fill(counts[r], perCell);
        }
        for (int n = 0; n < nights; n++) {
            dates.add(LocalDate.of(2025, 12, 8).plusDays(n));
        }
        return new RegionNightMatrix(names, dates, counts);
    }

    @Test
    void otherRegionsNeverSetTheScaleOfTheNamedBars() {
        List<TallyRow> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rows.add(shotDownInRegion(i, 10));
        }
        Totals totals = new Totals(1000, 0, 0, 100, 0, 7, 0, 0, 0, 0);
        Period week = new Period("2025-W50", LocalDate.of(2025, 12, 8), LocalDate.of(2025, 12, 14));

        JFreeChart chart = renderer.byRegion(week, totals, rows);

        // 80 other regions hold 800 incidents; the named bars of 10 keep an axis of about 10.
        assertThat(chart.getCategoryPlot().getRangeAxis().getUpperBound()).isLessThan(20);
        assertThat(notes(chart)).singleElement().asString().contains("80 other regions with 800 incidents");
    }

    @Test
    void theHeatmapsOtherRowHasAGreyScaleOfItsOwn() {
        RegionNightMatrix matrix = evenMatrix(40, 7, 3);
        Totals totals = new Totals(40 * 7 * 3, 0, 0, 40, 0, 7, 0, 0, 0, 0);
        Period week = new Period("2025-W50", LocalDate.of(2025, 12, 8), LocalDate.of(2025, 12, 14));

        JFreeChart chart = renderer.heatmap(week, totals, matrix);
        XYPlot plot = chart.getXYPlot();

        String[] rows = ((SymbolAxis) plot.getRangeAxis()).getSymbols();
        assertThat(rows).hasSize(26);
        assertThat(rows[0]).isEqualTo("Other regions (15)");
        // The named regions' scale ends at their busiest cell (3), not at the other row's 45.
        HeatPaintScale named = (HeatPaintScale) ((XYBlockRenderer) plot.getRenderer(0)).getPaintScale();
        HeatPaintScale other = (HeatPaintScale) ((XYBlockRenderer) plot.getRenderer(1)).getPaintScale();
        assertThat(named.getUpperBound()).isEqualTo(3);
        assertThat(other.getUpperBound()).isEqualTo(45);
        assertThat(plot.getDataset(1).getItemCount(0)).isEqualTo(7);
        assertThat(heatSum(plot)).isEqualTo(totals.incidents());
    }

    @Test
    void heatmapCellsCarryTheirNumbersWhenTheyFit() {
        Period week = new Period("2025-W50", LocalDate.of(2025, 12, 8), LocalDate.of(2025, 12, 14));
        RegionNightMatrix weekly = evenMatrix(30, 7, 12);
        JFreeChart chart = renderer.heatmap(week, new Totals(30 * 7 * 12, 0, 0, 30, 0, 7, 0, 0, 0, 0), weekly);

        List<String> labels = new ArrayList<>();
        for (Object annotation : chart.getXYPlot().getAnnotations()) {
            labels.add(((XYTextAnnotation) annotation).getText());
        }
        // 25 named rows and the other row, 7 nights each.
        assertThat(labels).hasSize(26 * 7).containsOnly("12", "60");

        // Eight weeks of nights: every cell still carries its two digits, at a smaller size.
        Period eightWeeks = new Period("8w", LocalDate.of(2025, 10, 20), LocalDate.of(2025, 12, 14));
        JFreeChart nights = renderer.heatmap(eightWeeks, new Totals(26 * 56 * 12, 0, 0, 26, 0, 56, 0, 0, 0, 0),
                evenMatrix(26, 56, 12));
        assertThat(nights.getXYPlot().getAnnotations()).hasSize(26 * 56);
        assertThat(ChartRenderer.cellLabelSize(26, 56, 99)).isBetween(9, 16);
        // A number that fits no cell is left out everywhere rather than shown only where it is small.
        assertThat(ChartRenderer.cellLabelSize(26, 366, 5)).isZero();
    }

    @Test
    void aRegionAsAWholeIsNotRankedAsADistrict() {
        ReportFixtures.Data data = ReportFixtures.seventyNights();

        JFreeChart chart = renderer.topDistricts(data.period(), data.totals(), data.byDistrict());

        assertThat(chart.getCategoryPlot().getDataset().getColumnKeys())
                .noneMatch(key -> key.toString().contains("region as a whole"));
        long whole = data.byDistrict().stream().filter(row -> row.district() == null).mapToLong(TallyRow::incidents).sum();
        assertThat(whole).isPositive();
        assertThat(notes(chart)).singleElement().asString()
                .startsWith(String.format("Not ranked: %,d incidents reported for a region as a whole", whole));
    }

    @Test
    void inRussianTitlesAxesLegendsNightsAndPlacesAreRussian() throws IOException {
        ChartRenderer russian = new ChartRenderer(Language.RU, Gazetteer.bundled());
        ReportFixtures.Data data = ReportFixtures.nightsEndingOn(LocalDate.of(2025, 12, 14), 7);

        JFreeChart byNight = russian.byNight(data.period(), data.totals(), data.regionNight());
        JFreeChart byRegion = russian.byRegion(data.period(), data.totals(), data.byRegion());
        JFreeChart districts = russian.topDistricts(data.period(), data.totals(), data.byDistrict());
        JFreeChart heatmap = russian.heatmap(data.period(), data.totals(), data.regionNight());

        assertThat(byNight.getTitle().getText()).startsWith("Инциденты по ночам — ");
        assertThat(byNight.getCategoryPlot().getDomainAxis().getLabel()).isEqualTo("Ночь (вечер–утро)");
        assertThat(byNight.getCategoryPlot().getRangeAxis().getLabel()).isEqualTo("Инциденты");
        assertThat(byNight.getCategoryPlot().getDataset().getColumnKeys()).first().hasToString("8–9 дек.");
        assertThat(byNight.getCategoryPlot().getDataset().getRowKeys()).contains("Белгородская область");
        assertThat(byRegion.getTitle().getText()).startsWith("Инциденты по регионам");
        assertThat(byRegion.getCategoryPlot().getDataset().getRowKeys())
                .containsExactly("Сбиты", "Обломки", "Попадания", "Атаки");
        assertThat(byRegion.getCategoryPlot().getDataset().getColumnKeys())
                .anyMatch(key -> key.toString().startsWith("Ростовская область  ("));
        assertThat(districts.getCategoryPlot().getDataset().getColumnKeys())
                .anyMatch(key -> key.toString().startsWith("Чертковский район, Ростовская область  ("));
        assertThat(((SymbolAxis) heatmap.getXYPlot().getRangeAxis()).getSymbols()).contains("Курская область");
        assertThat(((TextTitle) byRegion.getSubtitle(0)).getText()).startsWith("Ночи с 8–9 дек. 2025 по 14–15 дек. 2025 · ")
                .contains("инцидент").contains("регион");

        List<Path> charts = russian.render(data, dir);
        for (Path chart : charts) {
            assertReadablePng(chart);
        }
    }

    @Test
    void russianNumbersAgreeWithTheirNouns() {
        ChartTexts russian = new ChartTexts(Language.RU, null);

        assertThat(russian.text("subtitle.totals", 1, 1)).isEqualTo("1 инцидент в 1 регионе");
        assertThat(russian.text("subtitle.totals", 3, 2)).isEqualTo("3 инцидента в 2 регионах");
        assertThat(russian.text("subtitle.totals", 25, 21)).isEqualTo("25 инцидентов в 21 регионе");
        assertThat(ChartTexts.english().text("subtitle.totals", 1, 1)).isEqualTo("1 incident in 1 region");
        assertThat(ChartTexts.english().text("subtitle.totals", 1234, 2)).isEqualTo("1,234 incidents in 2 regions");
    }

    @Test
    void chartsDrawInTheBundledFontOnly() {
        JFreeChart chart = renderer.byRegion(ReportFixtures.seventyNights().period(),
                ReportFixtures.seventyNights().totals(), ReportFixtures.seventyNights().byRegion());

        assertThat(chart.getTitle().getFont().getFamily()).isEqualTo("DejaVu Sans");
        assertThat(chart.getCategoryPlot().getDomainAxis().getTickLabelFont().getFamily()).isEqualTo("DejaVu Sans");
        assertThat(chart.getCategoryPlot().getRangeAxis().getLabelFont().getFamily()).isEqualTo("DejaVu Sans");
        assertThat(chart.getLegend().getItemFont().getFamily()).isEqualTo("DejaVu Sans");
        // The JDK's font configuration names the bundled files, so it never needs the machine's fonts.
        String configuration = System.getProperty("sun.awt.fontconfig");
        assertThat(configuration).isNotNull();
        assertThat(Path.of(configuration)).isRegularFile();
    }
}
