package com.incidenttally.store;

import com.incidenttally.H2Stores;
import com.incidenttally.incident.DistrictKey;
import com.incidenttally.incident.EventType;
import com.incidenttally.incident.Incident;
import com.incidenttally.places.AreaKind;
import com.incidenttally.places.Gazetteer;
import com.incidenttally.places.Region;
import com.incidenttally.report.excel.IncidentWorkbookWriter;
import com.incidenttally.report.json.SummaryJsonWriter;
import com.incidenttally.tally.MergedIncident;
import com.incidenttally.tally.Period;
import com.incidenttally.tally.PeriodReport;
import com.incidenttally.tally.PeriodSweep;
import com.incidenttally.tally.Places;
import com.incidenttally.tally.RegionComparison;
import com.incidenttally.tally.RunInfo;
import com.incidenttally.tally.TallyRow;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Sea areas are areas of their own: tallied on rows of their own, never folded into a land region,
 * on every sheet and in {@code summary.json} with their kind. Built on a real (in-memory) store with
 * a sea area the test declares, whatever the bundled gazetteer holds.
 */
class SeaAreasReportTests {

    private static final LocalDate NIGHT = LocalDate.parse("2025-12-07");
    private static final Region BLACK_SEA = new Region("SEA-BLACK", "Black Sea", "Чёрное море",
            ZoneId.of("Europe/Moscow"), AreaKind.SEA);
    private static final Region CASPIAN_SEA = new Region("SEA-CASPIAN", "Caspian Sea", "Каспийское море",
            ZoneId.of("Europe/Moscow"), AreaKind.SEA);

    @TempDir
    Path dir;

    private IncidentStore store;
    private int line;

    @BeforeEach
    void storeWithIncidentsOnLandAndAtSea() {
        store = IncidentStore.open(H2Stores.memoryTemplate());
        long file = store.beginFile("mod.csv", "sha");
        store.insertIncidents(file, List.of(
                report(NIGHT, "RU-KDA", "Tuapsinsky District", EventType.SHOT_DOWN, 4),
                report(NIGHT, "RU-KDA", null, EventType.SHOT_DOWN, 2),
                report(NIGHT, "SEA-BLACK", null, EventType.SHOT_DOWN, 12),
                report(NIGHT.plusDays(1), "SEA-BLACK", null, EventType.SHOT_DOWN, 5),
                report(NIGHT.plusDays(1), "SEA-CASPIAN", null, EventType.SHOT_DOWN, 1),
                // The week before, in its first half, for the comparison (a store that holds only its last nights is no comparison).
                report(NIGHT.minusDays(10), "SEA-BLACK", null, EventType.SHOT_DOWN, 3)));
        store.finishFile(file, "UTF-8", List.of(), Instant.EPOCH);
    }

    private Incident report(LocalDate night, String area, String district, EventType type, int uavs) {
        line++;
        return new Incident("mod.csv", line, null, night, false, night.atTime(23, line), true, area, null, null,
                1.0, district, district == null ? DistrictKey.REGION : DistrictKey.resolved(district), null, null, 1.0, null, type,
                uavs, null, null, null, null, "Минобороны России", "минобороны россии", null, null, "hash-" + line);
    }

    private PeriodReport week() {
        Map<String, Region> seas = Map.of(BLACK_SEA.isoCode(), BLACK_SEA, CASPIAN_SEA.isoCode(), CASPIAN_SEA);
        RunInfo run = new RunInfo("test", Map.of(), List.of(), Map.of(), 6, 6, 0, 0);
        Places places = new Places(iso -> seas.containsKey(iso) ? Optional.of(seas.get(iso))
                : Gazetteer.bundled().regionByIso(iso), Gazetteer.bundled());
        return new PeriodSweep(new StoreReportSource(store, 100_000, null), places, new Period("2025-12-02_2025-12-08",
                LocalDate.parse("2025-12-02"), LocalDate.parse("2025-12-08"))).clock(Instant.EPOCH)
                .mergeAcrossSources(true).runInfo(incidents -> run).run();
    }

    @Test
    void talliesASeaAreaOnARowOfItsOwnWithItsKind() {
        PeriodReport data = week();
        List<MergedIncident> incidents = new ArrayList<>();
        data.incidents().forEach(incidents::add);

        assertThat(data.byRegion()).extracting(TallyRow::region, TallyRow::isoCode, TallyRow::kind, TallyRow::incidents)
                .containsExactly(
                        tuple("Black Sea", "SEA-BLACK", AreaKind.SEA, 2L),
                        tuple("Krasnodar Krai", "RU-KDA", AreaKind.REGION, 2L),
                        tuple("Caspian Sea", "SEA-CASPIAN", AreaKind.SEA, 1L));
        assertThat(data.byDistrict()).filteredOn(TallyRow::isSea)
                .extracting(TallyRow::region, TallyRow::district, TallyRow::uavReported)
                .containsExactly(tuple("Black Sea", null, 17L),
                        tuple("Caspian Sea", null, 1L));
        assertThat(data.totals().regions()).as("land regions only").isEqualTo(1);
        assertThat(data.totals().seaAreas()).isEqualTo(2);
        assertThat(data.totals().incidents()).isEqualTo(5);
        assertThat(data.regionNight().regions()).containsExactly("Black Sea", "Krasnodar Krai", "Caspian Sea");
        assertThat(data.comparison()).filteredOn(c -> c.isoCode().equals("SEA-BLACK"))
                .extracting(RegionComparison::kind, RegionComparison::current, RegionComparison::previous)
                .containsExactly(tuple(AreaKind.SEA, 2L, 1L));
        assertThat(data.previousTotals().seaAreas()).isEqualTo(1);
        assertThat(data.previousTotals().regions()).isZero();
        assertThat(incidents).filteredOn(i -> i.isoCode().equals("SEA-BLACK"))
                .extracting(MergedIncident::region, MergedIncident::district)
                .containsOnly(tuple("Black Sea", null));
    }

    @Test
    void summaryJsonSaysWhichAreasAreSeas() throws IOException {
        Path json = dir.resolve("summary.json");
        new SummaryJsonWriter().write(week(), json);

        JsonNode root = JsonMapper.builder().build().readTree(Files.readString(json));
        assertThat(root.get("totals").get("regions").asLong()).isEqualTo(1);
        assertThat(root.get("totals").get("sea_areas").asLong()).isEqualTo(2);
        List<String> byRegion = new ArrayList<>();
        root.get("by_region").forEach(r -> byRegion.add(r.get("region").asString() + "|" + r.get("iso_code").asString()
                + "|" + r.get("kind").asString() + "|" + r.get("incidents").asLong()));
        assertThat(byRegion).containsExactly("Black Sea|SEA-BLACK|sea|2", "Krasnodar Krai|RU-KDA|region|2",
                "Caspian Sea|SEA-CASPIAN|sea|1");
        List<String> seaDistricts = new ArrayList<>();
        root.get("by_district").forEach(d -> {
            if (d.get("kind").asString().equals("sea")) {
                seaDistricts.add(d.get("region").asString() + "|" + d.get("district").isNull());
            }
        });
        assertThat(seaDistricts).containsExactly("Black Sea|true", "Caspian Sea|true");
    }

    @Test
    void everySheetShowsTheSeaOnItsOwnRows() throws IOException {
        Path xlsx = dir.resolve("report.xlsx");
        new IncidentWorkbookWriter().write(week(), List.of(), xlsx);

        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertThat(column(workbook.getSheet("By region"), 0)).contains("Black Sea", "Caspian Sea", "Krasnodar Krai");
            assertThat(column(workbook.getSheet("By region"), 1)).contains("SEA-BLACK", "SEA-CASPIAN");
            Sheet byDistrict = workbook.getSheet("By district");
            List<String> seaRows = new ArrayList<>();
            for (Row row : byDistrict) {
                if (text(row, 0).equals("Black Sea")) {
                    seaRows.add(text(row, 0) + "|" + text(row, 2) + "|" + text(row, 3));
                }
            }
            assertThat(seaRows).as("a sea row's district is blank").containsExactly("Black Sea||2");
            assertThat(column(workbook.getSheet("Region x night"), 0)).contains("Black Sea", "Caspian Sea");
            List<String> summary = column(workbook.getSheet("Summary"), 0);
            assertThat(summary).contains("Sea areas affected", "Black Sea", "Caspian Sea");
            Sheet incidents = workbook.getSheet("Incidents");
            List<String> regions = column(incidents, "Region");
            List<String> districts = column(incidents, "District");
            List<String> atSea = new ArrayList<>();
            for (int r = 0; r < regions.size(); r++) {
                if (regions.get(r).endsWith(" Sea")) {
                    atSea.add(regions.get(r) + "|" + districts.get(r));
                }
            }
            assertThat(atSea).as("a sea's incidents have a blank district")
                    .containsExactlyInAnyOrder("Black Sea|", "Black Sea|", "Caspian Sea|");
        }
    }

    private static List<String> column(Sheet sheet, int column) {
        List<String> values = new ArrayList<>();
        for (Row row : sheet) {
            values.add(text(row, column));
        }
        return values;
    }

    private static List<String> column(Sheet sheet, String title) {
        List<String> header = column(sheet.getRow(0));
        return column(sheet, header.indexOf(title));
    }

    private static List<String> column(Row row) {
        List<String> values = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            values.add(text(row, c));
        }
        return values;
    }

    private static String text(Row row, int column) {
        return row.getCell(column) == null ? "" : new DataFormatter().formatCellValue(row.getCell(column));
    }
}
