package com.incidenttally.job;

import com.incidenttally.H2Stores;
import com.incidenttally.ingest.InputFiles;
import com.incidenttally.ingest.XlsxFixtures;
import com.incidenttally.normalize.IncidentNormalizer;
import com.incidenttally.normalize.NightCalendar;
import com.incidenttally.normalize.NightWindow;
import com.incidenttally.places.Gazetteer;
import com.incidenttally.store.IncidentStore;
import com.incidenttally.store.StoredFile;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ingest step's reader and writer on real files and an H2 store, without Spring: the store
 * holds each file as it was read whole, never half of one version of it.
 */
class IncidentFileItemReaderTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-12-10T09:00:00Z"), ZoneOffset.UTC);
    private static final String HEADER = "occurred_at,region,event_type,source\n";
    private static IngestProcessor processor;

    @TempDir
    Path input;
    private IncidentStore store;

    @BeforeAll
    static void normalizer() {
        processor = new IngestProcessor(new IncidentNormalizer(Gazetteer.bundled(), new NightCalendar(NightWindow.DEFAULT), CLOCK));
    }

    @BeforeEach
    void emptyStore() {
        store = IncidentStore.open(H2Stores.memoryTemplate());
    }

    private static String rows(int count, String source) {
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < count; i++) {
            text.append(String.format("2025-12-0%d 23:%02d,Rostov region,shot_down,%s%n", 1 + i % 7, i % 60, source));
        }
        return text.toString();
    }

    /** What the sync step does for a new file: records it with the checksum it has now. */
    private void synced(String name) throws IOException {
        store.beginFile(name, InputFiles.sha256(input.resolve(name)));
    }

    /** Runs reader, processor and writer to the end, one item per chunk; calls back after each item read. */
    private List<Ingested> ingest(List<String> files, BiConsumer<Ingested, Integer> afterRead) throws Exception {
        IncidentFileItemReader reader = new IncidentFileItemReader(input, files, store, new IngestProgress());
        IngestWriter writer = new IngestWriter(store, CLOCK);
        List<Ingested> read = new ArrayList<>();
        reader.open(new ExecutionContext());
        try {
            Ingested item;
            while ((item = reader.read()) != null) {
                read.add(item);
                afterRead.accept(item, read.size());
                writer.write(new Chunk<>(processor.process(item)));
            }
        } finally {
            reader.close();
        }
        return read;
    }

    @Test
    void aFileChangedBetweenSyncAndIngestIsStoredAsItIsNow() throws Exception {
        Files.writeString(input.resolve("a.csv"), rows(30, "Source A"));
        synced("a.csv");
        Files.writeString(input.resolve("a.csv"), rows(10, "Source B"));

        List<Ingested> read = ingest(List.of("a.csv"), (item, n) -> { });

        assertThat(read).filteredOn(Ingested.FileRestart.class::isInstance).hasSize(1);
        StoredFile file = store.file("a.csv").orElseThrow();
        assertThat(file.status()).isEqualTo(StoredFile.LOADED);
        assertThat(file.sha256()).isEqualTo(InputFiles.sha256(input.resolve("a.csv")));
        assertThat(file.rowsRead()).isEqualTo(10);
        assertThat(store.storedReports().stream().map(com.incidenttally.tally.Report::source).distinct())
                .containsExactly("Source B");
    }

    @Test
    void aFileWrittenToWhileItIsReadIsReadAgainFromTheTop() throws Exception {
        Path file = input.resolve("a.csv");
        Files.writeString(file, rows(20, "Source A"));
        synced("a.csv");

        // After the third row, the analyst's export appends five more rows to the file.
        List<Ingested> read = ingest(List.of("a.csv"), (item, n) -> {
            if (n == 3) {
                append(file, rows(5, "Source C").substring(HEADER.length()));
            }
        });

        assertThat(read).filteredOn(Ingested.FileRestart.class::isInstance).hasSize(1);
        StoredFile stored = store.file("a.csv").orElseThrow();
        assertThat(stored.rowsRead()).isEqualTo(25);
        assertThat(stored.sha256()).isEqualTo(InputFiles.sha256(file));
        assertThat(store.storedReports()).hasSize(25);
    }

    @Test
    void aFileThatChangesEveryTimeItIsReadStopsTheRunAndCountsNothingOfIt() throws Exception {
        Path file = input.resolve("a.csv");
        Files.writeString(file, rows(20, "Source A"));
        Files.writeString(input.resolve("b.csv"), rows(4, "Source B"));
        synced("a.csv");
        synced("b.csv");
        List<Ingested> seen = new ArrayList<>();

        // Something keeps writing to a.csv: every read of it sees a row appended half-way.
        assertThatThrownBy(() -> ingest(List.of("b.csv", "a.csv"), (item, n) -> {
            seen.add(item);
            if (item instanceof Ingested.Row row && row.raw().file().equals("a.csv") && row.raw().line() == 5) {
                append(file, "2025-12-01 23:59,Rostov region,shot_down,Source Z\n");
            }
        })).isInstanceOf(IncidentFileItemReader.InputChangedException.class)
                .hasMessageContaining("a.csv changed while it was read");

        assertThat(seen).filteredOn(Ingested.FileRestart.class::isInstance).hasSize(IncidentFileItemReader.MAX_READS - 1);
        assertThat(store.file("a.csv").orElseThrow().complete()).isFalse();
        assertThat(store.file("b.csv").orElseThrow().status()).isEqualTo(StoredFile.LOADED);
    }

    @Test
    void anUnchangedFileIsReadOnce() throws Exception {
        Files.writeString(input.resolve("a.csv"), rows(12, "Source A"));
        synced("a.csv");

        List<Ingested> read = ingest(List.of("a.csv"), (item, n) -> { });

        assertThat(read).hasSize(13).last().isInstanceOf(Ingested.FileEnd.class);
        assertThat(store.file("a.csv").orElseThrow().rowsAccepted()).isEqualTo(12);
    }

    @Test
    void twoSheetsWithTheSameRowNumbersAreStoredSideBySide() throws Exception {
        List<List<String>> rows = List.of(List.of("occurred_at", "region", "event_type", "source"),
                List.of("2025-12-01 23:00", "Rostov region", "shot_down", "Source A"),
                List.of("2025-12-02 23:00", "Atlantis", "shot_down", "Source A"));
        XlsxFixtures.sheets(input.resolve("log.xlsx"), List.of("November", "December"), List.of(rows, rows));
        synced("log.xlsx");

        ingest(List.of("log.xlsx"), (item, n) -> { });

        StoredFile file = store.file("log.xlsx").orElseThrow();
        assertThat(file.status()).isEqualTo(StoredFile.LOADED);
        assertThat(file.rowsAccepted()).isEqualTo(2);
        assertThat(file.rowsRejected()).isEqualTo(2);
        assertThat(store.storedReports().stream().map(r -> r.file().substring(r.file().indexOf('#') + 1) + ":" + r.line()).sorted())
                .containsExactly("December:2", "November:2");
        assertThat(store.jdbc().queryForList("SELECT sheet || ':' || line FROM it_rejection ORDER BY sheet", String.class))
                .containsExactly("December:3", "November:3");
    }

    @Test
    void aWorkbookAnInterruptedRunLeftHalfReadIsReadAgainFromTheTop() throws Exception {
        XlsxFixtures.logbook(input.resolve("log.xlsx"));
        synced("log.xlsx");
        // The interrupted run committed the workbook's first two rows.
        IncidentFileItemReader first = new IncidentFileItemReader(input, List.of("log.xlsx"), store, new IngestProgress());
        IngestWriter writer = new IngestWriter(store, CLOCK);
        ExecutionContext context = new ExecutionContext();
        first.open(context);
        writer.write(new Chunk<>(processor.process(first.read()), processor.process(first.read())));
        first.update(context);
        first.close();
        assertThat(context.getLong("ingest.file.rows")).isEqualTo(2);

        IncidentFileItemReader rerun = new IncidentFileItemReader(input, List.of("log.xlsx"), store, new IngestProgress());
        rerun.open(context);
        try {
            for (Ingested item = rerun.read(); item != null; item = rerun.read()) {
                writer.write(new Chunk<>(processor.process(item)));
            }
        } finally {
            rerun.close();
        }

        StoredFile file = store.file("log.xlsx").orElseThrow();
        assertThat(file.status()).isEqualTo(StoredFile.LOADED);
        assertThat(file.rowsRead()).isEqualTo(6);
        assertThat(store.storedReports().stream().map(com.incidenttally.tally.Report::line).sorted())
                .containsExactly(3L, 4L, 5L, 6L, 8L);
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
