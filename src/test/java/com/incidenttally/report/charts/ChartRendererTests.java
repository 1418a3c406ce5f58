package com.incidenttally.report.charts;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import com.incidenttally.report.ReportFixtures;
import com.incidenttally.tally.Period;
import com.incidenttally.tally.TallyRow;
import com.incidenttally.tally.Totals;
import com.incidenttally.tally.WeekCount;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
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

    private static void assertReadablePng(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as(png.getFileName().toString()).isNotNull();
        assertThat(image.getWidth()).isGreaterThanOrEqualTo(1600);
        assertThat(image.getHeight()).isGreaterThanOrEqualTo(900);
    }

    @Test
    void writesEveryChartAsALargePngWithTheWeeklyTrend() throws IOException {
        List<Path> charts = renderer.render(ReportFixtures.seventyNights(), dir.resolve("charts"));

        assertThat(charts).extracting(p -> p.getFileName().toString()).containsExactly(
                "incidents-by-night.png", "incidents-by-region.png", "top-districts.png",
                "region-night-heatmap.png", "weekly-trend.png");
        for (Path chart : charts) {
            assertThat(chart.getParent()).isEqualTo(dir.resolve("charts"));
            assertReadablePng(chart);
        }
    }

    @Test
    void leavesOutTheWeeklyTrendWhenTheStoreHoldsLessThanTwoWeeks() throws IOException {
        ReportFixtures.Data data = ReportFixtures.seventyNights()
                .withWeeklyTrend(List.of(new WeekCount("2025-W50", LocalDate.of(2025, 12, 8), 56)));

        List<Path> charts = renderer.render(data, dir);

        assertThat(charts).hasSize(4);
        assertThat(dir.resolve("weekly-trend.png")).doesNotExist();
    }

    @Test
    void anEmptyPeriodGetsChartsThatSaySo() throws IOException {
        ReportFixtures.Data data = ReportFixtures.emptyWeek();

        List<Path> charts = renderer.render(data, dir);

        assertThat(charts).hasSize(4);
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
        assertThat(dataset.getColumnKeys()).hasSize(11).first().hasToString("2025-W40");
        assertThat(dataset.getColumnKeys()).last().hasToString("2025-W50");
        assertThat(sum(dataset)).isEqualTo(data.totals().incidents());
        // Eight regions by name and the other five together.
        assertThat(dataset.getRowCount()).isEqualTo(9);
        assertThat(dataset.getRowKey(8)).hasToString("Other regions (5)");
        assertThat(dataset.getRowKey(0)).hasToString(data.regionNight().regions().get(0));
    }

    @Test
    void upToSixtyNightsTheByNightChartShowsEachNight() {
        ReportFixtures.Data data = ReportFixtures.nightsEndingOn(LocalDate.of(2026, 1, 3), 21);

        JFreeChart chart = renderer.byNight(data.period(), data.totals(), data.regionNight());
        CategoryDataset dataset = chart.getCategoryPlot().getDataset();

        assertThat(chart.getTitle().getText()).startsWith("Incidents by night");
        assertThat(dataset.getColumnKeys()).hasSize(21).first().hasToString("12-14/15");
        assertThat(dataset.getColumnKeys()).contains("12-31/01-01");
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
        long sum = 0;
        for (int i = 0; i < plot.getDataset().getItemCount(0); i++) {
            sum += (long) ((org.jfree.data.xy.XYZDataset) plot.getDataset()).getZValue(0, i);
        }
        assertThat(sum).isEqualTo(data.totals().incidents());
    }

    @Test
    void theRegionChartKeepsTheTopTwentyAndFoldsTheRestIntoOther() {
        List<TallyRow> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(new TallyRow("Region " + i, "RU-" + i, null, null, 100 - i, 100 - i, 0, 100 - i, 0, 0, 0,
                    0, 0, 0, 0, 1, 0, 0));
        }
        long total = rows.stream().mapToLong(TallyRow::incidents).sum();
        Totals totals = new Totals(total, 0, 0, 30, 0, 7, 0, 0, 0, 0);
        Period week = new Period("2025-W50", LocalDate.of(2025, 12, 8), LocalDate.of(2025, 12, 14));

        CategoryDataset dataset = renderer.byRegion(week, totals, rows).getCategoryPlot().getDataset();

        assertThat(dataset.getColumnCount()).isEqualTo(21);
        assertThat(dataset.getColumnKey(0)).hasToString("Region 0  (100)");
        assertThat(dataset.getColumnKey(20)).hasToString("10 other regions  (755)");
        assertThat(dataset.getRowKeys()).containsExactly("Shot down", "Debris", "Impact", "Attack");
        assertThat(sum(dataset)).isEqualTo(total);
    }

    @Test
    void topDistrictsNamesEachDistrictWithItsRegion() {
        ReportFixtures.Data data = ReportFixtures.seventyNights();

        JFreeChart chart = renderer.topDistricts(data.period(), data.totals(), data.byDistrict());
        CategoryDataset dataset = chart.getCategoryPlot().getDataset();

        assertThat(dataset.getColumnCount()).isEqualTo(20);
        assertThat(dataset.getColumnKeys()).anySatisfy(key ->
                assertThat(key.toString()).startsWith(ReportFixtures.CYRILLIC_DISTRICT + ", Volgograd Oblast  ("));
        assertThat(chart.getTitle().getText()).isEqualTo("Top 20 districts — 2025-10-01_2025-12-09");
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
        assertThat(dataset.getColumnKeys()).hasSize(24).first().hasToString("2024-01");
        assertThat(sum(dataset)).isEqualTo(data.totals().incidents());
        assertThat(((SymbolAxis) heatmap.getXYPlot().getDomainAxis()).getSymbols()).hasSize(24);
    }

    @Test
    void shortNightLabelsDropTheYear() {
        assertThat(NightBuckets.shortNight(LocalDate.of(2025, 12, 7))).isEqualTo("12-07/08");
        assertThat(NightBuckets.shortNight(LocalDate.of(2025, 11, 30))).isEqualTo("11-30/12-01");
        assertThat(NightBuckets.shortNight(LocalDate.of(2025, 12, 31))).isEqualTo("12-31/01-01");
    }

    @Test
    void writesIntoAFolderThatDoesNotExistYet() throws IOException {
        Path charts = dir.resolve("report").resolve("charts");

        renderer.render(ReportFixtures.emptyWeek(), charts);

        try (var files = Files.list(charts)) {
            assertThat(files).hasSize(4);
        }
    }
}
