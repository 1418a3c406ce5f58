package com.incidenttally.bench;

import com.incidenttally.ChildJvm;
import com.incidenttally.ConsoleLines;
import com.incidenttally.IncidentTallyApplication;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One night far bigger than the heap: the job, started as its own JVM with {@code -Xmx96m} and a
 * merge budget of a few thousand rows, merges it from sorted runs and writes the report the same
 * job writes in memory (every cell of the workbook, summary.json, the CSV files), and leaves no
 * work folder behind.
 */
class BigNightMemoryTests {

    /**
     * Rows of the one night: held at once as reports, with their listing, more than 96 MB. The job's
     * own caches (place names resolved during the load) take much of a smaller heap already.
     */
    private static final long ROWS = 200_000;
    private static final String NOW = "--now=2026-01-31T09:00:00Z";

    @Test
    void aNightSeveralTimesTheHeapIsMergedInPiecesToTheSameReport(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("in");
        IncidentCsvGenerator.Summary generated = new IncidentCsvGenerator(IncidentCsvGenerator.Options.parse(
                "--rows=" + ROWS, "--files=3", "--seed=17", "--nights=1", "--out=" + input)).generate();
        assertThat(generated.rows()).isEqualTo(ROWS);

        Path small = dir.resolve("small");
        // The child's heap is what the test is about; its compiler and collector are not. The quick compiler
        // alone and the serial collector, as the launcher runs a week's input (ChildJvm.FLAGS), cost the child
        // ×0.57 of the CPU than every tier and G1 (docs/development.md), with the same heap and the same merge
        // budget. Of the 96 MB, 16 MB are the young generation instead of the collector's 32: the job's live data
        // (57–78 MB at the full collections) then has room in the old one, and the child collects in full about
        // 40 times instead of 100 (×0.81 of its CPU).
        List<String> command = new ArrayList<>(List.of(ChildJvm.java(), "-Xmx96m", "-Xmn16m"));
        command.addAll(ChildJvm.FLAGS);
        command.addAll(List.of("-Djava.awt.headless=true", "-Dincident-tally.merge.budget-rows=5000",
                "-cp", System.getProperty("java.class.path"), IncidentTallyApplication.class.getName(),
                "--input=" + input, "--output=" + small, "--db=jdbc:h2:file:" + dir.resolve("store/incidents"), NOW));
        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // The reference run, in this JVM's larger heap, goes while the child runs: on its own store and
        // report folder, it reads the same input and waits on nothing of the child's.
        ConsoleLines.Run inMemory;
        boolean ended = false;
        try {
            inMemory = ConsoleLines.run("--input=" + input, "--output=" + dir.resolve("large"),
                    "--db=jdbc:h2:file:" + dir.resolve("store-large/incidents"), NOW);
            ended = child.waitFor(240, TimeUnit.SECONDS);
        } finally {
            if (!ended) {
                child.destroyForcibly();
            }
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(ended).as("the job ended in time: %s", output).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).doesNotContain("OutOfMemoryError");
        assertThat(inMemory.code()).as(inMemory.output()).isZero();

        ByteArrayOutputStream said = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(said, true, StandardCharsets.UTF_8);
        int same = ReportDiff.run(new String[] {dir.resolve("large/all").toString(), small.resolve("all").toString()},
                out, out);
        assertThat(same).as(said.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(Files.readString(small.resolve("all/summary.json"))).contains("\"incidents\"");
        try (Stream<Path> left = Files.list(small)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no work folder left")
                    .noneMatch(name -> name.startsWith(".incident-tally-merge-"));
        }
    }
}
