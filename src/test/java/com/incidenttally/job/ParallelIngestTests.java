package com.incidenttally.job;

import com.incidenttally.ConsoleLines;
import com.incidenttally.H2Stores;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The ingest step reads files in partitions at the same time, and the run is the same as with one. */
class ParallelIngestTests {

    private static final String THREADS = "incident-tally.ingest-threads";

    @AfterEach
    void forgetThreads() {
        System.clearProperty(THREADS);
        System.clearProperty("incident-tally.chunk-size");
    }

    private static ConsoleLines.Run run(Path dir, String name, int threads) {
        System.setProperty(THREADS, Integer.toString(threads));
        System.setProperty("incident-tally.chunk-size", "50");
        return ConsoleLines.run("--input=" + dir.resolve("input"), "--output=" + dir.resolve("out-" + name),
                "--db=jdbc:h2:file:" + dir.resolve("store-" + name).resolve("incidents"), "--now=2025-12-10T09:00:00Z");
    }

    private static List<String> readingLines(String output) {
        return output.lines().filter(line -> line.startsWith("Reading file")).toList();
    }

    @Test
    void twoPartitionsWriteTheReportOneWritesAndSayWhatTheyReadInTheQueuesOrder(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("input");
        // Files of unequal sizes, so that the shares differ from the queue's halves; and one file rejected whole.
        ChildRun.writeInput(input, 5, 120);
        Files.write(input.resolve("reports-03.csv"), Files.readAllLines(input.resolve("reports-03.csv")).subList(0, 400 / 10));
        Files.writeString(input.resolve("reports-02b.csv"), "when,where\n2025-11-01,Kursk\n");

        ConsoleLines.Run one = run(dir, "one", 1);
        ConsoleLines.Run two = run(dir, "two", 2);

        assertThat(one.code()).as(one.output()).isEqualTo(4);
        assertThat(two.code()).as(two.output()).isEqualTo(4);
        RerunTests.assertSameReport(dir.resolve("out-two/all"), dir.resolve("out-one/all"));
        assertThat(doneLine(two.output())).isEqualTo(doneLine(one.output()));
        assertThat(readingLines(two.output())).isEqualTo(readingLines(one.output())).containsExactly(
                "Reading file 1/6: reports-00.csv", "Reading file 2/6: reports-01.csv", "Reading file 3/6: reports-02.csv",
                "Reading file 4/6: reports-02b.csv", "Reading file 5/6: reports-03.csv", "Reading file 6/6: reports-04.csv");
        assertThat(two.output()).doesNotContain("partition");

        // Each partition read rows of its own: the work was shared.
        assertThat(partitionReads(dir.resolve("store-two"))).hasSize(2).allSatisfy(read -> assertThat(read).isPositive());
        assertThat(partitionReads(dir.resolve("store-one"))).hasSize(1);
        // Run info shows the ingest step's time once, not its partitions'.
        try (Workbook workbook = IncidentReportJobContract.open(dir.resolve("out-two/all/incident-report-all.xlsx"))) {
            List<String> labels = new ArrayList<>();
            for (Row row : workbook.getSheet("Run info")) {
                Cell cell = row.getCell(0);
                labels.add(cell == null ? "" : cell.toString());
            }
            assertThat(labels).contains("ingestStep").noneMatch(label -> label.contains("partition"));
        }
    }

    @Test
    void anUnchangedRerunWithTwoPartitionsReadsNothingAndAChangedFileIsReadAlone(@TempDir Path dir) throws Exception {
        ChildRun.writeInput(dir.resolve("input"), 3, 100);
        assertThat(run(dir, "a", 2).code()).isZero();

        ConsoleLines.Run unchanged = run(dir, "a", 2);
        assertThat(unchanged.code()).as(unchanged.output()).isZero();
        assertThat(readingLines(unchanged.output())).isEmpty();

        Path changed = dir.resolve("input/reports-01.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(changed));
        Files.write(changed, lines.subList(0, lines.size() - 10));
        ConsoleLines.Run again = run(dir, "a", 2);
        assertThat(again.code()).as(again.output()).isZero();
        assertThat(readingLines(again.output())).containsExactly("Reading file 1/1: reports-01.csv");

        // The same history on one thread: the same report, down to which rejections are new.
        ChildRun.writeInput(dir.resolve("fresh"), 3, 100);
        Files.move(dir.resolve("input"), dir.resolve("old"));
        Files.move(dir.resolve("fresh"), dir.resolve("input"));
        assertThat(run(dir, "b", 1).code()).isZero();
        Files.write(dir.resolve("input/reports-01.csv"), lines.subList(0, lines.size() - 10));
        assertThat(run(dir, "b", 1).code()).isZero();
        RerunTests.assertSameReport(dir.resolve("out-a/all"), dir.resolve("out-b/all"));
    }

    private static String doneLine(String output) {
        String done = output.lines().filter(l -> l.startsWith("Done:")).findFirst().orElseThrow();
        return done.substring(0, done.indexOf("; report in"));
    }

    /** Rows read by each partition of the ingest step of the store's last run. */
    private static List<Long> partitionReads(Path store) throws Exception {
        List<Long> reads = new ArrayList<>();
        try (Connection connection = H2Stores.connect(store);
             ResultSet rows = connection.createStatement().executeQuery("SELECT READ_COUNT FROM BATCH_STEP_EXECUTION"
                     + " WHERE STEP_NAME LIKE 'ingestStep:partition%' AND JOB_EXECUTION_ID ="
                     + " (SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION) ORDER BY STEP_NAME")) {
            while (rows.next()) {
                reads.add(rows.getLong(1));
            }
        }
        return reads;
    }
}
