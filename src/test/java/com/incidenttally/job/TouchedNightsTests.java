package com.incidenttally.job;

import com.incidenttally.ConsoleLines;
import com.incidenttally.store.IncidentStore;
import com.incidenttally.tally.Report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nights ingest lists for the night index (it_touched): each once per ingest step's writer,
 * in the transaction of the first chunk that committed rows of it, so that whatever a run stops
 * at, every night whose rows changed is counted again by the next.
 */
class TouchedNightsTests {

    /** How long after the last file starts each attempt kills the run. */
    private static final long[] KILL_DELAYS_MS = {50, 400, 800, 1_200, 1_600};


    private static final String NOW = "--now=2025-12-10T09:00:00Z";

    private static String[] args(Path input, Path output, Path store) {
        return new String[] {"--input=" + input, "--output=" + output, "--db=" + url(store), NOW};
    }

    private static String url(Path store) {
        return "jdbc:h2:file:" + store.resolve("incidents");
    }

    private static <T> T withStore(Path store, java.util.function.Function<JdbcTemplate, T> query) {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url(store), "sa", "", true);
        try {
            return query.apply(new JdbcTemplate(dataSource));
        } finally {
            dataSource.destroy();
        }
    }

    private static Map<LocalDate, List<Long>> nightIndex(Path store) {
        return withStore(store, jdbc -> {
            Map<LocalDate, List<Long>> nights = new TreeMap<>();
            jdbc.query("SELECT night, keyed, ids FROM it_night", rs -> {
                nights.put(rs.getObject(1, LocalDate.class), List.of(rs.getLong(2), rs.getLong(3)));
            });
            return nights;
        });
    }

    private static List<LocalDate> touched(Path store) {
        return withStore(store, jdbc -> jdbc.queryForList("SELECT night FROM it_touched", LocalDate.class));
    }

    /** Writes three files of 400 rows into {@code input} and runs on them, undisturbed, into out-a and store-a. */
    private static void undisturbedRun(Path dir, Path input) throws Exception {
        ChildRun.writeInput(input, 3, 400);
        inProcess(args(input, dir.resolve("out-a"), dir.resolve("store-a")));
    }

    private static void inProcess(String[] args) {
        ConsoleLines.Run run = ConsoleLines.run(args);
        assertThat(run.code()).as(run.output()).isZero();
    }

    @Test
    void aRunKilledBetweenChunksLeavesEveryNightOfItsCommittedRowsListedAndTheRerunCountsThem(@TempDir Path dir)
            throws Exception {
        Path input = dir.resolve("input");
        undisturbedRun(dir, input);
        // H2 writes committed chunks to its file a moment later (its write delay): a kill right after
        // the first commits may find none of them on disk. Killed later each time until some are.
        Path store = null;
        Path out = null;
        Set<LocalDate> stored = Set.of();
        for (int attempt = 0; attempt < KILL_DELAYS_MS.length && stored.isEmpty(); attempt++) {
            store = dir.resolve("store-b" + attempt);
            out = dir.resolve("out-b" + attempt);
            // 20-row chunks: a chunk holds one or two nights, and most nights lie in several chunks.
            ChildRun killed = ChildRun.start(List.of("-Dincident-tally.chunk-size=20",
                    "-Dlogging.level.incident-tally.steps=DEBUG"), args(input, out, store));
            // A file is read whole before the last one starts: some chunks have committed by then.
            assertThat(killed.awaitLine(line -> line.contains("Reading file 3/3"), 300)).as(killed.output()).isTrue();
            Thread.sleep(KILL_DELAYS_MS[attempt]);
            if (!killed.kill()) {
                // Done before the kill: nothing was interrupted, so this attempt proves nothing.
                continue;
            }
            Path killedStore = store;
            stored = withStore(killedStore, jdbc -> new IncidentStore(jdbc).storedReports().stream()
                    .map(Report::night).collect(Collectors.toCollection(TreeSet::new)));
        }
        assertThat(stored).as("nights of the chunks committed before the kill").isNotEmpty();
        assertThat(new TreeSet<>(touched(store))).containsAll(stored);

        inProcess(args(input, out, store));

        List<LocalDate> left = touched(store);
        assertThat(left).isEmpty();
        assertThat(nightIndex(store)).isNotEmpty().isEqualTo(nightIndex(dir.resolve("store-a")));
        RerunTests.assertSameReport(out.resolve("all"), dir.resolve("out-a/all"));
    }

    @Test
    void aFileAddedOnNightsAlreadyCountedHasThemCountedAgainByALaterRunInTheSameProcess(@TempDir Path dir)
            throws Exception {
        Path all = dir.resolve("all");
        undisturbedRun(dir, all);
        Path growing = dir.resolve("growing");
        Files.createDirectories(growing);
        Files.copy(all.resolve("reports-00.csv"), growing.resolve("reports-00.csv"));
        Files.copy(all.resolve("reports-01.csv"), growing.resolve("reports-01.csv"));
        Path store = dir.resolve("store-b");
        inProcess(args(growing, dir.resolve("out-b"), store));
        Map<LocalDate, List<Long>> before = nightIndex(store);

        // The third file's nights are the second's: each is counted again, though this process listed it before.
        Files.copy(all.resolve("reports-02.csv"), growing.resolve("reports-02.csv"));
        inProcess(args(growing, dir.resolve("out-b"), store));

        Map<LocalDate, List<Long>> after = nightIndex(store);
        assertThat(after).isNotEqualTo(before).isEqualTo(nightIndex(dir.resolve("store-a")));
    }
}
