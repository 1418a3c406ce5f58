package com.incidenttally.bench;

import com.incidenttally.bench.IncidentCsvGenerator.Options;
import com.incidenttally.bench.IncidentCsvGenerator.Summary;
import com.incidenttally.ingest.Column;
import com.incidenttally.ingest.IncidentCsvReader;
import com.incidenttally.ingest.RawRow;
import com.incidenttally.normalize.IncidentNormalizer;
import com.incidenttally.normalize.NightCalendar;
import com.incidenttally.normalize.NightWindow;
import com.incidenttally.normalize.Normalized;
import com.incidenttally.places.Gazetteer;
import com.incidenttally.places.MatchMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentCsvGeneratorTests {

    // The clock the benchmark runs the job with.
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-31T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Summary generate(String name, long rows, int files, long seed) throws IOException {
        return new IncidentCsvGenerator(Options.of(rows, files, seed, dir.resolve(name))).generate();
    }

    @Test
    void sameSeedWritesTheSameBytes() throws IOException {
        Summary first = generate("a", 3_000, 4, 7);
        Summary second = generate("b", 3_000, 4, 7);

        assertThat(first.files()).hasSize(4);
        for (int i = 0; i < first.files().size(); i++) {
            assertThat(Files.readAllBytes(second.files().get(i)))
                    .isEqualTo(Files.readAllBytes(first.files().get(i)));
        }
    }

    @Test
    void anotherSeedWritesOtherBytes() throws IOException {
        Summary first = generate("a", 3_000, 1, 7);
        Summary second = generate("b", 3_000, 1, 8);

        assertThat(Files.readAllBytes(second.files().get(0)))
                .isNotEqualTo(Files.readAllBytes(first.files().get(0)));
    }

    @Test
    void writesExactlyTheRowsAskedForUnderAHeaderInEveryFile() throws Exception {
        Summary summary = generate("rows", 4_321, 5, 1);

        long rows = 0;
        for (Path file : summary.files()) {
            try (IncidentCsvReader reader = IncidentCsvReader.open(file, file.getFileName().toString())) {
                assertThat(reader.columns()).contains(Column.REGION, Column.EVENT_TYPE, Column.SOURCE);
                readAll(reader);
                rows += reader.rowsRead();
            }
        }
        assertThat(rows).isEqualTo(4_321);
        assertThat(summary.rows()).isEqualTo(4_321);
    }

    @Test
    void aboutOnePercentOfRowsAreBadTheJobRejectsExactlyThoseAndResolvesTheRest() throws Exception {
        Summary summary = generate("bad", 20_000, 3, 1);
        IncidentNormalizer normalizer =
                new IncidentNormalizer(Gazetteer.bundled(), new NightCalendar(NightWindow.DEFAULT), CLOCK);

        List<String> rejections = new ArrayList<>();
        long districts = 0;
        long unresolvedDistricts = 0;
        for (Path file : summary.files()) {
            try (IncidentCsvReader reader = IncidentCsvReader.open(file, file.getFileName().toString())) {
                for (RawRow row : readAll(reader)) {
                    Normalized normalized = normalizer.normalize(row);
                    if (!normalized.isAccepted()) {
                        rejections.add(normalized.rejection().toString());
                    } else if (!normalized.incident().districtKey().isRegion()) {
                        districts++;
                        if (normalized.incident().districtMethod() == MatchMethod.UNRESOLVED) {
                            unresolvedDistricts++;
                        }
                    }
                }
            }
        }
        assertThat(summary.badRows()).isBetween(150L, 250L);
        assertThat(summary.bad()).allSatisfy((kind, count) -> assertThat(count).as(kind.name()).isPositive());
        assertThat(rejections).hasSize((int) summary.badRows());
        // Districts are spelled in many ways but real: only the odd typo is beyond the gazetteer.
        assertThat(unresolvedDistricts).isLessThan(districts / 50);
    }

    @Test
    void aMillionRowsComeToAbout120Megabytes() throws IOException {
        Summary summary = generate("size", 20_000, 2, 1);

        assertThat(summary.bytes() / (double) summary.rows()).isBetween(100.0, 140.0);
    }

    private static List<RawRow> readAll(IncidentCsvReader reader) {
        List<RawRow> rows = new ArrayList<>();
        for (RawRow row = reader.read(); row != null; row = reader.read()) {
            rows.add(row);
        }
        return rows;
    }
}
