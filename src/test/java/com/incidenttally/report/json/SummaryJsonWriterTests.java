package com.incidenttally.report.json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.incidenttally.incident.EventType;
import com.incidenttally.report.ReportFixtures;
import com.incidenttally.tally.ReportData;
import com.incidenttally.tally.TallyRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryJsonWriterTests {

    private static final List<String> FIGURES = List.of("incidents", "night_time", "daytime", "shot_down", "debris",
            "impact", "attack", "uav_reported", "incidents_unknown_count", "killed", "injured", "sources");

    @TempDir
    Path dir;

    private JsonNode write(ReportData data) throws IOException {
        Path json = dir.resolve("summary.json");
        new SummaryJsonWriter().write(data, json);
        return JsonMapper.builder().build().readTree(Files.readString(json, StandardCharsets.UTF_8));
    }

    private static List<String> keys(JsonNode node) {
        return new ArrayList<>(node.propertyNames());
    }

    @Test
    void hasTheKeysOfTheSpecAndTheKindOfEachArea() throws IOException {
        JsonNode root = write(ReportFixtures.seventyNights());

        assertThat(keys(root)).containsExactly("label", "period", "rows", "totals", "by_region", "by_district", "by_night",
                "sources");
        assertThat(keys(root.get("period"))).containsExactly("from", "to", "complete", "complete_at");
        assertThat(keys(root.get("rows"))).containsExactly("read", "accepted", "rejected", "merged");
        assertThat(keys(root.get("totals"))).containsExactly("incidents", "uav_reported", "incidents_unknown_count",
                "killed", "injured", "regions", "districts", "nights", "sea_areas", "unresolved_districts");
        List<String> region = new ArrayList<>(List.of("region", "iso_code", "kind"));
        region.addAll(FIGURES);
        assertThat(keys(root.get("by_region").get(0))).containsExactlyElementsOf(region);
        List<String> district = new ArrayList<>(List.of("region", "iso_code", "kind", "district"));
        district.addAll(FIGURES);
        assertThat(keys(root.get("by_district").get(0))).containsExactlyElementsOf(district);
        List<String> night = new ArrayList<>(List.of("night"));
        night.addAll(FIGURES);
        assertThat(keys(root.get("by_night").get(0))).containsExactlyElementsOf(night);
    }

    @Test
    void carriesTheFiguresOfTheReport() throws IOException {
        ReportFixtures.Data data = ReportFixtures.seventyNights();
        JsonNode root = write(data);

        assertThat(root.get("label").asString()).isEqualTo("2025-10-01_2025-12-09");
        assertThat(root.get("period").get("from").asString()).isEqualTo("2025-10-01");
        assertThat(root.get("period").get("to").asString()).isEqualTo("2025-12-09");
        assertThat(root.get("rows").get("read").asLong()).isEqualTo(data.runInfo().rowsRead());
        assertThat(root.get("rows").get("merged").asLong()).isEqualTo(40);
        JsonNode totals = root.get("totals");
        assertThat(totals.get("incidents").asLong()).isEqualTo(data.totals().incidents());
        assertThat(totals.get("uav_reported").asLong()).isEqualTo(data.totals().uavReported());
        assertThat(totals.get("incidents_unknown_count").asLong()).isEqualTo(data.totals().unknownCount());
        assertThat(totals.get("killed").asLong()).isEqualTo(data.totals().killed());
        assertThat(totals.get("nights").asLong()).isEqualTo(70);

        TallyRow top = data.byRegion().get(0);
        JsonNode first = root.get("by_region").get(0);
        assertThat(first.get("region").asString()).isEqualTo(top.region());
        assertThat(first.get("iso_code").asString()).isEqualTo(top.isoCode());
        assertThat(first.get("incidents").asLong()).isEqualTo(top.incidents());
        for (EventType type : EventType.values()) {
            assertThat(first.get(type.code()).asLong()).as(type.code()).isEqualTo(top.events(type));
        }
        assertThat(first.get("incidents_unknown_count").asLong()).isEqualTo(top.unknownCount());
        assertThat(root.get("by_region")).hasSize(data.byRegion().size());
        assertThat(root.get("by_district")).hasSize(data.byDistrict().size());
        assertThat(root.get("by_night")).hasSize(70);
    }

    @Test
    void keepsCyrillicAndWholeRegionDistrictsAsTheyAre() throws IOException {
        JsonNode root = write(ReportFixtures.seventyNights());

        List<JsonNode> districts = new ArrayList<>();
        root.get("by_district").forEach(districts::add);
        assertThat(districts).anySatisfy(d -> assertThat(d.get("district").asString()).isEqualTo(ReportFixtures.CYRILLIC_DISTRICT));
        assertThat(districts).anySatisfy(d -> assertThat(d.get("district").isNull()).isTrue());
        assertThat(Files.readString(dir.resolve("summary.json"))).contains(ReportFixtures.CYRILLIC_DISTRICT).contains("\n  ");
    }

    @Test
    void writesNightsAsEveningSlashMorningAcrossTheYear() throws IOException {
        JsonNode root = write(ReportFixtures.nightsEndingOn(LocalDate.of(2026, 1, 2), 5));

        List<String> nights = new ArrayList<>();
        root.get("by_night").forEach(n -> nights.add(n.get("night").asString()));
        assertThat(nights).containsExactly("2025-12-29/30", "2025-12-30/31", "2025-12-31/2026-01-01",
                "2026-01-01/02", "2026-01-02/03");
    }

    @Test
    void anEmptyPeriodHasZeroTotalsNoAreasAndAZeroRowForEachNight() throws IOException {
        JsonNode root = write(ReportFixtures.emptyWeek());

        assertThat(root.get("label").asString()).isEqualTo("2025-W50");
        assertThat(root.get("totals").get("incidents").asLong()).isZero();
        assertThat(root.get("by_region").isArray()).isTrue();
        assertThat(root.get("by_region")).isEmpty();
        // As the tallies give it: every night of the period has its row, an empty one too.
        assertThat(root.get("by_night")).hasSize(7).allSatisfy(n -> assertThat(n.get("incidents").asLong()).isZero());
    }
}
