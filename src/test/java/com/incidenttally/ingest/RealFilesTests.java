package com.incidenttally.ingest;

import com.incidenttally.normalize.IncidentNormalizer;
import com.incidenttally.normalize.NightCalendar;
import com.incidenttally.normalize.NightWindow;
import com.incidenttally.normalize.Normalized;
import com.incidenttally.places.Gazetteer;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real data nobody here wrote, when it is beside the project (skipped otherwise): the Ukrainian
 * air-raid siren log (43,000 rows, not our column layout).
 */
class RealFilesTests {

    private static final Path SIRENS = Path.of("../shared/data/real/ukraine-air-raid-sirens/official_data_en.csv");

    @Test
    void rejectsTheSirenLogWholeForItsColumnsNamingThem() {
        assumeTrue(Files.isRegularFile(SIRENS), "the real data is not beside the project");
        // Its oblast and source are read by their names; the rest needs a mapping (docs/sirens-columns.csv).
        assertThatThrownBy(() -> IncidentCsvReader.open(SIRENS, "official_data_en.csv").close())
                .isInstanceOfSatisfying(FileRejectedException.class, e -> assertThat(e.reason())
                        .isEqualTo("no column for occurred_at or night, event_type; columns 'raion', 'hromada' both name"
                                + " district; found 'oblast', 'raion', 'hromada', 'level', 'started_at', 'finished_at',"
                                + " 'source'; map them with --columns (see docs/input.md)"));
    }

    @Test
    void readsEveryRowOfTheSirenLogUnderOurColumnNamesAsAnIndependentReaderDoes() throws Exception {
        assumeTrue(Files.isRegularFile(SIRENS), "the real data is not beside the project");
        byte[] original = Files.readAllBytes(SIRENS);
        // Same rows, our column names: oblast, raion, hromada, level, started_at, finished_at, source.
        int headerEnd = new String(original, StandardCharsets.UTF_8).indexOf('\n') + 1;
        byte[] header = "region,district,location,event_type,occurred_at,notes,source\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[header.length + original.length - headerEnd];
        System.arraycopy(header, 0, bytes, 0, header.length);
        System.arraycopy(original, headerEnd, bytes, header.length, original.length - headerEnd);

        IncidentNormalizer normalizer = new IncidentNormalizer(Gazetteer.bundled(), new NightCalendar(NightWindow.DEFAULT),
                Clock.fixed(Instant.parse("2025-12-10T09:00:00Z"), ZoneOffset.UTC));
        List<Long> lines = new ArrayList<>();
        long accepted = 0;
        long rejected = 0;
        Map<String, Integer> reasons = new TreeMap<>();
        try (IncidentCsvReader reader = IncidentCsvReader.open(() -> new CsvReadingFuzzTests.BytesChannel(bytes), "sirens.csv")) {
            for (RawRow row = reader.read(); row != null; row = reader.read()) {
                lines.add(row.line());
                Normalized normalized = normalizer.normalize(row);
                if (normalized.incident() != null) {
                    accepted++;
                } else {
                    rejected++;
                    reasons.merge(normalized.rejection().reason().kind().group().code(), 1, Integer::sum);
                }
            }
            long physicalLines = new String(bytes, StandardCharsets.UTF_8).lines().count();
            List<Long> independent = CsvReadingFuzzTests.independentReading(bytes, reader.dialect()).stream()
                    .map(CsvReadingFuzzTests.Expected::line).toList();
            System.out.printf("sirens: %d lines, %d rows read, %d accepted, %d rejected %s; independent reader: %d rows%n",
                    physicalLines, reader.rowsRead(), accepted, rejected, reasons, independent.size());
            assertThat(reader.rowsRead()).isEqualTo(physicalLines - 1).isEqualTo(accepted + rejected);
            assertThat(lines).isEqualTo(independent);
            assertThat(lines.get(lines.size() - 1)).isEqualTo(physicalLines);
        }
    }
}
