package com.incidenttally.job;

import com.incidenttally.ConsoleLines;
import com.incidenttally.H2Stores;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opening a store asks what it holds and makes only what is missing: no statement fails at a
 * start, so H2 writes no failed statement to the {@code .trace.db} beside the store, run after run.
 */
class StoreStartTests {

    private static ConsoleLines.Run run(Path dir) {
        return ConsoleLines.run("--input=" + dir.resolve("input"), "--output=" + dir.resolve("out"),
                "--db=jdbc:h2:file:" + dir.resolve("store/incidents"), "--now=2025-12-10T09:00:00Z");
    }

    @Test
    void aNewStoreAndItsNextRunsLeaveNoErrorInTheDatabasesLog(@TempDir Path dir) throws Exception {
        ChildRun.writeInput(dir.resolve("input"), 2, 50);

        ConsoleLines.Run first = run(dir);
        ConsoleLines.Run second = run(dir);
        ChildRun.writeInput(dir.resolve("input/more"), 1, 20);
        ConsoleLines.Run third = run(dir);

        assertThat(first.code()).as(first.output()).isZero();
        assertThat(second.code()).as(second.output()).isZero();
        assertThat(third.code()).as(third.output()).isZero();
        assertThat(third.output()).contains("122 rows read");
        // H2 logs a failed statement with its text; with assertions on, as in these tests, its own
        // compaction at close may log an AssertionError there too (H2 2.4.240), which is not ours.
        Path log = dir.resolve("store/incidents.trace.db");
        assertThat(Files.exists(log) ? Files.readString(log) : "").doesNotContain("SQL statement");
    }

    @Test
    void aStoreMissingOneOfSpringBatchsTablesGetsItBackAndRunsOn(@TempDir Path dir) throws Exception {
        ChildRun.writeInput(dir.resolve("input"), 1, 30);
        ConsoleLines.Run first = run(dir);
        assertThat(first.code()).as(first.output()).isZero();
        // As a run killed while Spring Batch's script made its tables would leave it.
        JdbcTemplate store = H2Stores.file(dir.resolve("store"));
        store.execute("DROP TABLE BATCH_JOB_EXECUTION_CONTEXT");
        store.execute("SHUTDOWN");

        ChildRun.writeInput(dir.resolve("input/more"), 1, 10);
        ConsoleLines.Run next = run(dir);

        assertThat(next.code()).as(next.output()).isZero();
        assertThat(next.output()).contains("42 rows read");
    }
}
