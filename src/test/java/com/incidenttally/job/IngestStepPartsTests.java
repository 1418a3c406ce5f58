package com.incidenttally.job;

import com.incidenttally.H2Stores;
import com.incidenttally.ingest.InputFiles;
import com.incidenttally.normalize.NightWindow;
import com.incidenttally.places.AliasFileException;
import com.incidenttally.report.Language;
import com.incidenttally.store.IncidentStore;
import com.incidenttally.store.StoredFile;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.MetaDataInstanceFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ingest step's reader, processor and writer as the step drives them, one execution after
 * another on an H2 store, without Spring: each execution reads what its own sync step queued,
 * with its own run's settings, and a restarted one goes on where the last committed chunk ended.
 */
class IngestStepPartsTests {

    private static final Instant CLOCK = Instant.parse("2025-12-10T09:00:00Z");
    private static final String HEADER = "occurred_at,region,event_type,source\n";

    @TempDir
    Path dir;
    private Path input;
    private IncidentStore store;
    private IngestStepParts parts;

    @BeforeEach
    void emptyStore() throws Exception {
        input = Files.createDirectories(dir.resolve("input"));
        store = IncidentStore.open(H2Stores.memoryTemplate());
        parts = new IngestStepParts(store);
    }

    private void file(String name, int rows, String source) throws Exception {
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < rows; i++) {
            text.append(String.format("2025-12-0%d 23:%02d,Rostov region,shot_down,%s%n", 1 + i % 7, i, source));
        }
        Files.writeString(input.resolve(name), text);
        store.beginFile(name, InputFiles.sha256(input.resolve(name)));
    }

    /** A step execution of a run with these settings, after a sync step that queued these files. */
    private StepExecution execution(List<String> queued, Path aliases) {
        RunParameters run = new RunParameters(input, dir.resolve("reports"), "all", null, null, aliases,
                NightWindow.DEFAULT, true, false, CLOCK, "", Language.EN, null);
        StepExecution execution = MetaDataInstanceFactory.createStepExecution(run.toJobParameters(1));
        execution.getJobExecution().getExecutionContext().put(FileSyncTasklet.FILES_TO_LOAD, new ArrayList<>(queued));
        return execution;
    }

    /**
     * Drives the parts as the chunk step does, one item per chunk, and stops after {@code limit}
     * items as a killed run would (its last update saved, nothing closed); returns the items read.
     */
    private List<Ingested> run(StepExecution execution, ExecutionContext saved, int limit) throws Exception {
        parts.beforeStep(execution);
        parts.open(saved);
        List<Ingested> read = new ArrayList<>();
        Ingested item;
        while (read.size() < limit && (item = parts.read()) != null) {
            read.add(item);
            parts.write(new Chunk<>(parts.process(item)));
            parts.update(saved);
        }
        if (read.size() < limit) {
            parts.close();
        }
        return read;
    }

    private long rowsOf(String name) {
        return store.storedReports().stream().filter(r -> r.file().equals(name)).count();
    }

    @Test
    void eachExecutionReadsOnlyTheFilesItsOwnSyncStepQueued() throws Exception {
        file("a.csv", 4, "Source A");
        List<Ingested> first = run(execution(List.of("a.csv"), null), new ExecutionContext(), Integer.MAX_VALUE);
        file("b.csv", 3, "Source B");
        List<Ingested> second = run(execution(List.of("b.csv"), null), new ExecutionContext(), Integer.MAX_VALUE);

        assertThat(first).filteredOn(Ingested.Row.class::isInstance).hasSize(4);
        assertThat(second).filteredOn(Ingested.Row.class::isInstance)
                .allSatisfy(row -> assertThat(((Ingested.Row) row).raw().file()).isEqualTo("b.csv"))
                .hasSize(3);
        assertThat(store.file("a.csv").orElseThrow().status()).isEqualTo(StoredFile.LOADED);
        assertThat(store.file("b.csv").orElseThrow().status()).isEqualTo(StoredFile.LOADED);
        assertThat(rowsOf("a.csv")).isEqualTo(4);
        assertThat(rowsOf("b.csv")).isEqualTo(3);
    }

    @Test
    void aRestartedExecutionGoesOnAfterTheLastRowItsKilledRunCommitted() throws Exception {
        file("a.csv", 10, "Source A");
        ExecutionContext saved = new ExecutionContext();
        run(execution(List.of("a.csv"), null), saved, 4);
        parts = new IngestStepParts(store); // a new process: the killed one never closed its parts

        List<Ingested> restarted = run(execution(List.of("a.csv"), null), saved, Integer.MAX_VALUE);

        assertThat(restarted).filteredOn(Ingested.Row.class::isInstance).hasSize(6)
                .first().satisfies(row -> assertThat(((Ingested.Row) row).raw().line()).isEqualTo(6));
        assertThat(rowsOf("a.csv")).isEqualTo(10);
        assertThat(store.file("a.csv").orElseThrow().rowsRead()).isEqualTo(10);
    }

    @Test
    void aRunWithNothingToReadNeverReadsTheGazetteerNorTheAliasesFile() throws Exception {
        Path missing = dir.resolve("no-such-aliases.csv");

        assertThat(run(execution(List.of(), missing), new ExecutionContext(), Integer.MAX_VALUE)).isEmpty();

        // The same run with a file to read does read the aliases file, at its first item.
        file("a.csv", 2, "Source A");
        parts.beforeStep(execution(List.of("a.csv"), missing));
        parts.open(new ExecutionContext());
        Ingested first = parts.read();
        assertThatThrownBy(() -> parts.process(first)).isInstanceOf(AliasFileException.class)
                .hasMessageContaining("no such file");
        parts.close();
    }

    @Test
    void thePartsServeOnlyWhileTheirStepRuns() {
        assertThatThrownBy(() -> parts.read()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("made when it starts");
        parts.close(); // a step that failed before its parts were made still closes them: nothing to do

        parts.beforeStep(execution(List.of(), null));
        assertThatThrownBy(() -> parts.beforeStep(execution(List.of(), null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already running");
        parts.close();
        assertThatThrownBy(() -> parts.write(new Chunk<>())).isInstanceOf(IllegalStateException.class);
    }
}
