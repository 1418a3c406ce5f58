package com.incidenttally.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs that a scheduler can trust: a killed run started again ends as an uninterrupted one, and a
 * second run on the same store stops at once. Each run is a separate JVM, as under cron.
 */
class RerunTests {

    private static final String NOW = "--now=2025-12-10T09:00:00Z";

    private static String[] args(Path input, Path output, Path store) {
        return new String[] {"--input=" + input, "--output=" + output, "--db=jdbc:h2:file:" + store.resolve("incidents"), NOW};
    }

    @Test
    void killedRunStartedAgainEndsAsAnUninterruptedRunWould(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("input");
        ChildRun.writeInput(input, 3, 40_000);

        ChildRun uninterrupted = ChildRun.start(args(input, dir.resolve("out-a"), dir.resolve("store-a")));
        assertThat(uninterrupted.waitFor(300)).as(uninterrupted.output()).isZero();

        String[] interrupted = args(input, dir.resolve("out-b"), dir.resolve("store-b"));
        ChildRun killed = ChildRun.start(interrupted);
        assertThat(killed.awaitLine(line -> line.contains("Reading file 2/3"), 300)).as(killed.output()).isTrue();
        killed.kill();
        assertThat(dir.resolve("out-b/all")).doesNotExist();

        ChildRun rerun = ChildRun.start(interrupted);
        assertThat(rerun.waitFor(300)).as(rerun.output()).isZero();
        assertThat(rerun.output()).contains("was interrupted; recovering it").contains("Restarting the failed run");

        assertThat(Files.readString(dir.resolve("out-b/all/summary.json")))
                .isEqualTo(Files.readString(dir.resolve("out-a/all/summary.json")));
        assertThat(Files.readString(dir.resolve("out-b/all/rejected.csv")))
                .isEqualTo(Files.readString(dir.resolve("out-a/all/rejected.csv")));
        String done = uninterrupted.output().lines().filter(l -> l.startsWith("Done:")).findFirst().orElseThrow();
        assertThat(rerun.output()).contains(done.substring(0, done.indexOf("; report in")));
    }

    @Test
    void aFileChangedAfterTheKillIsReadAgainFromTheTop(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("input");
        ChildRun.writeInput(input, 2, 40_000);
        ChildRun.writeInput(dir.resolve("big"), 1, 160_000);
        Files.move(dir.resolve("big/reports-00.csv"), input.resolve("reports-02.csv"));
        String[] interrupted = args(input, dir.resolve("out-b"), dir.resolve("store-b"));
        ChildRun killed = ChildRun.start(interrupted);
        // Killed well inside the third file, after some of its chunks were committed.
        assertThat(killed.awaitLine(line -> rowsRead(line) > 110_000, 300)).as(killed.output()).isTrue();
        killed.kill();

        // The analyst fixes the file that was being read: its first 100 rows go.
        Path third = input.resolve("reports-02.csv");
        java.util.List<String> lines = Files.readAllLines(third);
        Files.write(third, java.util.stream.Stream.concat(lines.stream().limit(1), lines.stream().skip(101)).toList());

        ChildRun rerun = ChildRun.start(interrupted);
        assertThat(rerun.waitFor(300)).as(rerun.output()).isZero();
        assertThat(rerun.output()).contains("Restarting the failed run");
        ChildRun fresh = ChildRun.start(args(input, dir.resolve("out-a"), dir.resolve("store-a")));
        assertThat(fresh.waitFor(300)).as(fresh.output()).isZero();

        assertThat(Files.readString(dir.resolve("out-b/all/summary.json")))
                .isEqualTo(Files.readString(dir.resolve("out-a/all/summary.json")));
    }

    /** The count in a progress line such as "  91,136 rows read, 3,262 rows/s", else 0. */
    private static long rowsRead(String line) {
        int end = line.indexOf(" rows read");
        if (end < 0) {
            return 0;
        }
        String number = line.substring(0, end).trim();
        number = number.substring(number.lastIndexOf(' ') + 1).replace(",", "");
        return number.chars().allMatch(Character::isDigit) && !number.isEmpty() ? Long.parseLong(number) : 0;
    }

    @Test
    void secondRunOnTheSameStoreStopsAtOnceAndChangesNothing(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("input");
        ChildRun.writeInput(input, 2, 150_000);
        String[] args = args(input, dir.resolve("out"), dir.resolve("store"));

        ChildRun first = ChildRun.start(args);
        assertThat(first.awaitLine(line -> line.contains("Reading file 1/2"), 300)).as(first.output()).isTrue();
        ChildRun second = ChildRun.start(args);
        assertThat(second.waitFor(120)).as(second.output()).isEqualTo(1);
        assertThat(second.output()).contains("another incident-tally run is using it");

        assertThat(first.waitFor(300)).as(first.output()).isZero();
        assertThat(first.output()).contains("Done: 300,").contains(" rejected; ");
    }
}
