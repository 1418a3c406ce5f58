package com.incidenttally;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names that look like a region's but are a town's, and a district column that names the region again, through
 * the whole job: each town counts under the one region its towns are in, or under none when towns of the name are
 * in several regions (the row is rejected and says which); a report of the region as a whole merges with the same
 * report whose district is blank; a count that says the number is not known keeps its row.
 */
class TownsAndRegionsEndToEndTests {

    @Test
    void townsCountWhereTheyAreAndARegionNamedAgainIsTheRegionAsAWhole(@TempDir Path dir) throws IOException {
        Path input = Files.createDirectories(dir.resolve("in"));
        Files.writeString(input.resolve("reports.csv"), """
                occurred_at,region,district,event_type,uav_count,source
                2026-01-06 22:00,Smolensk Oblast,,shot_down,2,Governor
                2026-01-06 22:30,Смоленская область,Смоленской областью,сбит,multiple drones,MoD
                2026-01-06 23:00,Кировск,,shot_down,1,News
                2026-01-06 23:00,Приморск,,shot_down,1,News
                2026-01-06 23:00,Красноармейск,,shot_down,1,News
                2026-01-06 23:00,Амурск,,shot_down,1,News
                2026-01-06 23:00,Курск,,shot_down,1,News
                2026-01-06 23:10,Кировской области,,shot_down,1,News
                """, StandardCharsets.UTF_8);

        ConsoleLines.Run run = ConsoleLines.run("--input=" + input, "--output=" + dir.resolve("out"),
                "--db=jdbc:h2:mem:towns-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "--now=2026-01-20T12:00:00Z");

        assertThat(run.code()).as(run.output()).isZero();
        Path report = dir.resolve("out/all");
        JsonNode summary = new ObjectMapper().readTree(report.resolve("summary.json").toFile());
        Map<String, Long> byRegion = new LinkedHashMap<>();
        summary.get("by_region").forEach(r -> byRegion.put(r.get("iso_code").asString(), r.get("incidents").asLong()));
        // Smolensk's two reports are one incident; Amursk is in Khabarovsk Krai, Kursk in Kursk Oblast; Kirov
        // Oblast has only the row that names it, none of the towns that fold like it.
        assertThat(byRegion).containsExactlyInAnyOrderEntriesOf(Map.of("RU-SMO", 1L, "RU-KHA", 1L, "RU-KRS", 1L, "RU-KIR", 1L));
        assertThat(summary.get("totals").get("incidents").asLong()).isEqualTo(4);

        List<List<String>> incidents = IncidentsCsvEndToEndTests.readCsv(report.resolve("incidents.csv"));
        List<String> header = incidents.get(0);
        List<String> smolensk = incidents.stream().filter(r -> r.get(header.indexOf("ISO code")).equals("RU-SMO"))
                .findFirst().orElseThrow();
        assertThat(smolensk.get(header.indexOf("Reports"))).isEqualTo("2");
        assertThat(smolensk.get(header.indexOf("UAVs"))).isEqualTo("2");

        List<List<String>> rejected = IncidentsCsvEndToEndTests.readCsv(report.resolve("rejected.csv"));
        List<String> columns = rejected.get(0);
        Map<String, String> reasons = new LinkedHashMap<>();
        rejected.subList(1, rejected.size()).forEach(r -> reasons.put(r.get(columns.indexOf("value")),
                r.get(columns.indexOf("reason"))));
        assertThat(reasons).containsOnlyKeys("Кировск", "Приморск", "Красноармейск");
        assertThat(reasons.get("Кировск"))
                .isEqualTo("unknown region: names towns in several regions: Leningrad Oblast, Luhansk Oblast, Murmansk Oblast");
        assertThat(reasons.get("Красноармейск"))
                .isEqualTo("unknown region: names towns in several regions: Moscow Oblast, Saratov Oblast");
        assertThat(reasons.get("Приморск")).startsWith("unknown region: names towns in several regions: ")
                .contains("Leningrad Oblast").doesNotContain("Primorsky Krai");
    }
}
