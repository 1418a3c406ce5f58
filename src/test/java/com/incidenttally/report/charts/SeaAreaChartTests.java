package com.incidenttally.report.charts;

import com.incidenttally.incident.EventType;
import com.incidenttally.places.AreaKind;
import com.incidenttally.tally.Period;
import com.incidenttally.tally.RegionNightMatrix;
import com.incidenttally.tally.TallyRow;
import com.incidenttally.tally.Totals;

import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Sea areas are bars and series of their own in the charts' data, never part of a land region's. */
class SeaAreaChartTests {

    private static final LocalDate NIGHT = LocalDate.parse("2025-12-07");
    private static final Period PERIOD = new Period("2025-12-07_2025-12-08", NIGHT, NIGHT.plusDays(1));
    private static final Totals TOTALS = new Totals(10, 30, 0, 1, 1, 2, 0, 0, 0, 0, 1);

    private final ChartRenderer renderer = new ChartRenderer();

    private static TallyRow row(String area, String code, String district, long incidents, AreaKind kind) {
        return new TallyRow(area, code, district, null, incidents, incidents, 0, Map.of(EventType.SHOT_DOWN, incidents),
                incidents * 3, 0, 0, 0, 1, 0, 0, kind);
    }

    @Test
    void theSeaIsABarOfItsOwnByRegion() {
        List<TallyRow> rows = List.of(row("Black Sea", "SEA-BLACK", null, 7, AreaKind.SEA),
                row("Krasnodar Krai", "RU-KDA", null, 3, AreaKind.REGION));

        CategoryDataset dataset = renderer.byRegion(PERIOD, TOTALS, rows).getCategoryPlot().getDataset();

        assertThat(keys(dataset)).containsExactly("Black Sea  (7)", "Krasnodar Krai  (3)");
    }

    @Test
    void theSeaIsNamedAloneAmongTheTopDistricts() {
        List<TallyRow> rows = List.of(row("Black Sea", "SEA-BLACK", null, 7, AreaKind.SEA),
                row("Krasnodar Krai", "RU-KDA", "Tuapsinsky District", 2, AreaKind.REGION),
                row("Krasnodar Krai", "RU-KDA", null, 1, AreaKind.REGION));

        CategoryDataset dataset = renderer.topDistricts(PERIOD, TOTALS, rows).getCategoryPlot().getDataset();

        // Incidents of a region as a whole are not a district: they are noted under the chart, not ranked.
        assertThat(keys(dataset)).containsExactly("Black Sea  (7)", "Tuapsinsky District, Krasnodar Krai  (2)");
    }

    @Test
    void theSeaIsASeriesOfItsOwnByNight() {
        RegionNightMatrix matrix = new RegionNightMatrix(List.of("Black Sea", "Krasnodar Krai"),
                List.of(NIGHT, NIGHT.plusDays(1)), new long[][] {{5, 2}, {1, 2}});

        CategoryDataset dataset = renderer.byNight(PERIOD, TOTALS, matrix).getCategoryPlot().getDataset();

        assertThat(dataset.getRowKeys()).extracting(Object::toString).containsExactly("Black Sea", "Krasnodar Krai");
        assertThat(dataset.getValue("Black Sea", dataset.getColumnKey(0)).longValue()).isEqualTo(5);
    }

    private static List<String> keys(CategoryDataset dataset) {
        List<String> keys = new ArrayList<>();
        dataset.getColumnKeys().forEach(k -> keys.add(k.toString()));
        return keys;
    }
}
