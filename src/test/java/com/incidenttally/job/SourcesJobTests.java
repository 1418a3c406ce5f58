package com.incidenttally.job;

import com.incidenttally.ConsoleLines;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.incidenttally.job.PeriodScopeJobTests.column;
import static com.incidenttally.job.PeriodScopeJobTests.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Sources sheet judges each feed, and its figures add up with the rest of the report: rows over
 * sources = rows read, rejected rows over sources = Data quality's rejected rows, each source's
 * incidents = the incidents whose Sources column names it, its conflicts = the merge conflicts it
 * was part of; summary.json says the same.
 */
class SourcesJobTests {

    private static final String FEEDS = """
            occurred_at,region,district,event_type,uav_count,source
            2025-12-02 22:00,Belgorod Oblast,,shot_down,3,governor
            2025-12-02 22:30,Belgorod Oblast,,shot_down,5,ministry
            2025-12-03 22:00,Kursk Oblast,,debris,,governor
            2025-12-03 23:00,Atlantis,,debris,,ministry
            2025-12-04 22:00,Kursk Oblast,,impact,,
            2025-12-04 22:00,Kursk Oblast,,impact,-2,TASS
            2025-12-05 22:00,Kursk Oblast,,impact,,tass
            2025-12-06 22:00,Kursk Oblast,,impact,,tass
            """;

    @Test
    void eachSourceIsJudgedAndItsFiguresAddUpWithDataQualityIncidentsAndSummaryJson(@TempDir Path input,
            @TempDir Path output, @TempDir Path store) throws Exception {
        Files.writeString(input.resolve("feeds.csv"), FEEDS, StandardCharsets.UTF_8);

        ConsoleLines.Run run = ConsoleLines.run("--input=" + input, "--output=" + output,
                "--db=jdbc:h2:file:" + store.resolve("incidents"), "--now=2025-12-10T09:00:00Z");
        assertThat(run.code()).as(run.output()).isZero();
        Path report = output.resolve("all");
        Path xlsx = report.resolve("incident-report-all.xlsx");

        List<List<String>> sources = new ArrayList<>();
        List<String> names = column(xlsx, "Sources", 0);
        for (int r = 0; r < names.size(); r++) {
            sources.add(row(xlsx, "Sources", r));
        }
        assertThat(sources.get(0)).startsWith("Source", "Rows", "Accepted", "Accepted share", "Rejected",
                "Top rejection reason", "Incidents reported", "Confirmed by another source", "Share confirmed",
                "Conflicts");
        // Most rows first; TASS and tass are one source; the row that names none last.
        assertThat(names.subList(1, 6)).containsExactly("tass", "governor", "ministry", "(no source given)", "Total");
        Map<String, List<String>> by = new LinkedHashMap<>();
        for (List<String> source : sources.subList(1, 5)) {
            by.put(source.get(0), source);
        }
        assertThat(by.get("tass")).startsWith("tass", "3.0", "2.0", "0.6666666666666666", "1.0",
                "a count cannot be negative in uav_count (1)", "2.0", "0.0", "0.0", "0.0");
        assertThat(by.get("governor")).startsWith("governor", "2.0", "2.0", "1.0", "0.0", "", "2.0", "1.0", "0.5");
        assertThat(by.get("ministry")).startsWith("ministry", "2.0", "1.0", "0.5", "1.0", "unknown region (1)",
                "1.0", "1.0", "1.0");
        assertThat(by.get("(no source given)").get(1)).isEqualTo("1.0");

        // Rows over sources = rows read; rejected over sources = Data quality's rejected rows.
        List<String> total = sources.get(5);
        assertThat(total.get(1)).isEqualTo("8.0");
        JsonNode summary = new ObjectMapper().readTree(report.resolve("summary.json").toFile());
        assertThat(summary.path("rows").path("read").asLong()).isEqualTo(8);
        assertThat(total.get(4)).isEqualTo("3.0");
        assertThat(column(xlsx, "Data quality", 0)).filteredOn(c -> c.equals("Rejected row") || c.equals("Rejected row, new")).hasSize(3);

        // Each source's incidents are the incidents whose Sources column names it.
        List<String> header = row(xlsx, "Incidents", 0);
        List<String> incidentSources = column(xlsx, "Incidents", header.indexOf("Sources"));
        for (String source : List.of("tass", "governor", "ministry")) {
            long named = incidentSources.stream().skip(1)
                    .filter(s -> List.of(s.split("; ")).stream().anyMatch(source::equalsIgnoreCase)).count();
            assertThat(Double.parseDouble(by.get(source).get(6))).as(source).isEqualTo(named);
        }
        // Conflicts: the governor's and the ministry's reports of 2 Dec disagree on the UAV count.
        List<String> categories = column(xlsx, "Data quality", 0);
        assertThat(categories).filteredOn("Merge conflict"::equals).hasSize(1);
        assertThat(by.get("governor").get(9)).isEqualTo("1.0");
        assertThat(by.get("ministry").get(9)).isEqualTo("1.0");

        // summary.json says the same.
        JsonNode json = summary.path("sources");
        assertThat(json).hasSize(4);
        long rows = 0;
        for (JsonNode source : json) {
            rows += source.path("rows").asLong();
        }
        assertThat(rows).isEqualTo(8);
        assertThat(json.get(0).path("source").asString()).isEqualTo("tass");
        assertThat(json.get(0).path("top_rejection").asString()).isEqualTo("a count cannot be negative in uav_count");
        assertThat(json.get(3).path("source").isNull()).isTrue();
    }
}
