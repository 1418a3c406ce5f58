package com.incidenttally.job;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.incidenttally.job.IncidentReportJobContract.CLOCK;
import static com.incidenttally.job.IncidentReportJobContract.allText;
import static com.incidenttally.job.IncidentReportJobContract.dataRows;
import static com.incidenttally.job.IncidentReportJobContract.header;
import static com.incidenttally.job.IncidentReportJobContract.open;
import static com.incidenttally.job.IncidentReportJobContract.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The names a run could not resolve, written out and fed back as aliases; sources declared one; a
 * region's zone chosen for a run. The whole job on fixture files, every output read back.
 */
@SpringBatchTest
abstract class NamesAndZonesJobContract {

    @Autowired
    private JobOperatorTestUtils jobOperatorTestUtils;

    private final ObjectMapper json = new ObjectMapper();
    private long runId = System.nanoTime();

    /** A finished run, wrapped so that @SpringBatchTest does not take the method for a factory. */
    private record Finished(JobExecution execution, Path report) {
    }

    private Finished run(Path input, Path output, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("--input=" + input, "--output=" + output, "--now=" + CLOCK));
        args.addAll(List.of(options));
        RunOptions parsed = RunOptions.parse(args.toArray(String[]::new), Map.of(), CLOCK);
        JobExecution execution = jobOperatorTestUtils.startJob(RunParameters.of(parsed).toJobParameters(++runId));
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        return new Finished(execution, output.resolve("all"));
    }

    private JsonNode summary(Finished run) throws IOException {
        return json.readTree(run.report().resolve("summary.json").toFile());
    }

    /** The records of unresolved-names.csv after its header, each as its fields. */
    private static List<List<String>> unresolved(Finished run) throws IOException {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(run.report().resolve("unresolved-names.csv"))) {
            List<CsvRecord> records = reader.stream().toList();
            assertThat(records.get(0).getFields().subList(0, 4))
                    .containsExactly("\uFEFFinput_name", "region", "canonical_name", "kind");
            return records.stream().skip(1).map(CsvRecord::getFields).toList();
        }
    }

    @Test
    void theUnresolvedNamesFileFilledInIsAnAliasesFileThatTheRerunAccepts(@TempDir Path input, @TempDir Path output,
                                                                          @TempDir Path analyst) throws Exception {
        Files.writeString(input.resolve("reports.csv"), """
                occurred_at,region,district,event_type,source
                2025-12-08 01:00,61 регион,,shot_down,Governor (Telegram)
                2025-12-08 01:10,61 регион,,debris,Governor (Telegram)
                2025-12-08 02:00,Volgograd region,TZR,debris,Governor (Telegram)
                2025-12-08 02:30,Volgograd region,Traktorozavodsky,shot_down,Governor (Telegram)
                """, StandardCharsets.UTF_8);

        Finished first = run(input, output);

        assertThat(summary(first).get("rows").get("rejected").asLong()).isEqualTo(2);
        List<List<String>> names = unresolved(first);
        assertThat(names).extracting(n -> String.join("|", n.subList(0, 5)))
                .containsExactly("61 регион|||region|2", "TZR|Volgograd Oblast||district|1");
        assertThat(names.get(0).get(5)).startsWith("unknown region");
        assertThat(names.get(1).get(6)).as("the best candidate").isNotBlank();
        assertThat(names.get(1).get(7)).matches("0\\.\\d\\d|1\\.00");

        // The analyst fills in the canonical names and passes the file back as it is.
        Path aliases = analyst.resolve("aliases.csv");
        Files.writeString(aliases, Files.readString(first.report().resolve("unresolved-names.csv"), StandardCharsets.UTF_8)
                .replace("61 регион,,,", "61 регион,,Rostov Oblast,")
                .replace("TZR,Volgograd Oblast,,", "TZR,Volgograd Oblast,Traktorozavodsky District,"), StandardCharsets.UTF_8);
        Finished second = run(input, output, "--aliases=" + aliases);

        JsonNode summary = summary(second);
        assertThat(summary.get("rows").get("rejected").asLong()).isZero();
        assertThat(summary.get("rows").get("accepted").asLong()).isEqualTo(4);
        List<String> districts = new ArrayList<>();
        summary.get("by_district").forEach(d -> districts.add(d.get("region").asString() + " / "
                + (d.get("district").isNull() ? "-" : d.get("district").asString()) + " / " + d.get("incidents").asLong()));
        assertThat(districts).containsExactlyInAnyOrder("Rostov Oblast / - / 2",
                "Volgograd Oblast / Traktorozavodsky District / 2");
        assertThat(unresolved(second)).isEmpty();
    }

    @Test
    void placesAsEuropeWritesThemResolveVisiblyAndTextThatNamesNoPlaceGetsNoSuggestion(@TempDir Path input,
                                                                                     @TempDir Path output) throws Exception {
        Files.writeString(input.resolve("reports.csv"), """
                occurred_at,region,district,event_type,source
                2025-12-08 01:00,Oblast Charkiw,,shot_down,Kyiv Independent
                2025-12-08 01:10,"Kharkiv Oblast, Ukraine",,debris,Kyiv Independent
                2025-12-08 01:20,Berdyansk,,impact,Kyiv Independent
                2025-12-08 01:30,Dnipropetrovsk Oblast,Dnipro Raion,impact,Kyiv Independent
                2025-12-08 01:40,Volgograd Obalst,Tractor Factory District,debris,Governor (Telegram)
                2025-12-08 01:50,east,,shot_down,Kyiv Independent
                """, StandardCharsets.UTF_8);

        Finished run = run(input, output);

        JsonNode summary = summary(run);
        assertThat(summary.get("rows").get("accepted").asLong()).isEqualTo(5);
        assertThat(summary.get("rows").get("rejected").asLong()).isEqualTo(1);
        List<String> districts = new ArrayList<>();
        summary.get("by_district").forEach(d -> districts.add(d.get("region").asString() + " / "
                + (d.get("district").isNull() ? "-" : d.get("district").asString()) + " / " + d.get("incidents").asLong()));
        assertThat(districts).containsExactlyInAnyOrder("Kharkiv Oblast / - / 2", "Zaporizhzhia Oblast / - / 1",
                "Dnipropetrovsk Oblast / Dniprovskyi Raion / 1", "Volgograd Oblast / Traktorozavodsky District / 1");

        List<List<String>> names = unresolved(run);
        assertThat(names).hasSize(1);
        assertThat(names.get(0).subList(0, 6)).containsExactly("east", "", "", "region", "1",
                "unknown region: not a place name");
        assertThat(names.get(0).subList(6, names.get(0).size())).as("no candidates, no verdict").allMatch(String::isEmpty);

        try (Workbook workbook = open(run.report().resolve("incident-report-all.xlsx"))) {
            String quality = allText(workbook.getSheet("Data quality"));
            assertThat(quality).contains("Oblast Charkiw", "transliterated", "Kharkiv Oblast, Ukraine", "note dropped",
                    "Berdyansk", "city named", "Dnipro Raion", "Tractor Factory District", "other name");
        }
    }

    @Test
    void oneSourceSpelledTwoWaysNeverMergesWithItselfWhileAnotherSourceStillDoes(@TempDir Path input,
                                                                                 @TempDir Path output,
                                                                                 @TempDir Path analyst) throws Exception {
        Files.writeString(input.resolve("reports.csv"), """
                night,region,district,event_type,source
                2025-12-07,Belgorod region,Shebekinsky,shot_down,Минобороны России
                2025-12-07,Belgorod region,Shebekinsky,shot_down,Russian MoD
                2025-12-07,Belgorod region,Shebekinsky,shot_down,Governor Vyacheslav Gladkov (Telegram)
                """, StandardCharsets.UTF_8);
        Path aliases = analyst.resolve("aliases.csv");
        Files.writeString(aliases, """
                input_name,region,canonical_name,kind
                Russian MoD,,Минобороны России,source
                Ministry of Defence of Russia,,Минобороны России,source
                """, StandardCharsets.UTF_8);

        Finished asThreeSources = run(input, output);
        assertThat(summary(asThreeSources).get("totals").get("incidents").asLong()).isEqualTo(1);

        Finished asTwoSources = run(input, output, "--aliases=" + aliases);

        JsonNode summary = summary(asTwoSources);
        assertThat(summary.get("totals").get("incidents").asLong()).as("the ministry's two reports are two incidents")
                .isEqualTo(2);
        assertThat(summary.get("by_region").get(0).get("sources").asLong()).isEqualTo(2);
        try (Workbook workbook = open(asTwoSources.report().resolve("incident-report-all.xlsx"))) {
            Sheet incidents = workbook.getSheet("Incidents");
            Map<String, Integer> columns = header(incidents);
            assertThat(dataRows(incidents, columns)).extracting(r -> text(r, columns.get("Sources")))
                    .containsExactly("Минобороны России; Governor Vyacheslav Gladkov (Telegram)", "Минобороны России");
            assertThat(allText(workbook.getSheet("Incidents"))).doesNotContain("Russian MoD");
        }
    }

    @Test
    void aZoneChosenForARegionRereadsTheFilesAndMovesTheAlertToTheKyivNight(@TempDir Path input, @TempDir Path output)
            throws Exception {
        // 09:30 UTC on 8 December: 12:30 in Moscow, the night of the 8th; 11:30 in Kyiv, still the night of the 7th.
        Files.writeString(input.resolve("sirens.csv"), """
                occurred_at,region,event_type,source
                2025-12-08T09:30:00Z,Donetsk Oblast,attack,official
                2025-12-05T15:30:00Z,Donetsk Oblast,attack,official
                """, StandardCharsets.UTF_8);

        Finished moscow = run(input, output);
        assertThat(nights(summary(moscow))).containsExactly("2025-12-05/06|1|1", "2025-12-08/09|1|0");

        Finished kyiv = run(input, output, "--zone=UA-14=Europe/Kyiv");

        assertThat(nights(summary(kyiv))).containsExactly("2025-12-05/06|1|0", "2025-12-07/08|1|0");
        try (Workbook workbook = open(kyiv.report().resolve("incident-report-all.xlsx"))) {
            String runInfo = allText(workbook.getSheet("Run info"));
            assertThat(runInfo).contains("UA-14=Europe/Kyiv").contains("reloaded: the rules (a new version), night window, aliases or zones changed");
        }
    }

    @Test
    void aSeaAreaIsTalliedOnRowsOfItsOwnOnEverySheetAndInTheSummary(@TempDir Path input, @TempDir Path output,
                                                                  @TempDir Path analyst) throws Exception {
        Files.writeString(input.resolve("mod.csv"), """
                night,region,district,event_type,uav_count,source
                2025-12-07,Black Sea,,shot_down,12,Минобороны России
                2025-12-07,Чёрное море,off Sevastopol,shot_down,3,Минобороны России
                2025-12-07,Акватория ЧМ,,shot_down,2,Минобороны России
                2025-12-07,Krasnodar Krai,,shot_down,5,Минобороны России
                """, StandardCharsets.UTF_8);
        Path aliases = analyst.resolve("aliases.csv");
        Files.writeString(aliases, "input_name,region,canonical_name\nАкватория ЧМ,,Black Sea\n", StandardCharsets.UTF_8);

        Finished run = run(input, output, "--aliases=" + aliases);

        JsonNode summary = summary(run);
        assertThat(summary.get("totals").get("regions").asLong()).isEqualTo(1);
        assertThat(summary.get("totals").get("sea_areas").asLong()).isEqualTo(1);
        List<String> areas = new ArrayList<>();
        summary.get("by_region").forEach(r -> areas.add(r.get("region").asString() + "|" + r.get("iso_code").asString()
                + "|" + r.get("kind").asString() + "|" + r.get("incidents").asLong() + "|" + r.get("uav_reported").asLong()));
        // One source's three reports of the sea are three incidents, never folded into Krasnodar Krai.
        assertThat(areas).containsExactly("Black Sea|SEA-BLACK|sea|3|17", "Krasnodar Krai|RU-KDA|region|1|5");
        JsonNode seaDistrict = summary.get("by_district").get(0);
        assertThat(seaDistrict.get("kind").asString()).isEqualTo("sea");
        assertThat(seaDistrict.get("district").isNull()).isTrue();
        try (Workbook workbook = open(run.report().resolve("incident-report-all.xlsx"))) {
            assertThat(allText(workbook.getSheet("By region"))).contains("Black Sea", "SEA-BLACK");
            assertThat(allText(workbook.getSheet("Region x night"))).contains("Black Sea");
            Sheet incidents = workbook.getSheet("Incidents");
            Map<String, Integer> columns = header(incidents);
            assertThat(dataRows(incidents, columns)).filteredOn(r -> text(r, columns.get("Region")).equals("Black Sea"))
                    .extracting(r -> text(r, columns.get("District")) + "|" + text(r, columns.get("Location")))
                    .containsExactlyInAnyOrder("|", "|off Sevastopol", "|");
        }
        assertThat(run.report().resolve("charts/incidents-by-region.png")).isRegularFile();
    }

    /** night|incidents|night-time of each night with incidents. */
    private static List<String> nights(JsonNode summary) {
        List<String> nights = new ArrayList<>();
        summary.get("by_night").forEach(n -> {
            if (n.get("incidents").asLong() > 0) {
                nights.add(n.get("night").asString() + "|" + n.get("incidents").asLong() + "|" + n.get("night_time").asLong());
            }
        });
        return nights;
    }
}
