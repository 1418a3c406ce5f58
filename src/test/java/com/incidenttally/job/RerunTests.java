package com.incidenttally.job;

import com.incidenttally.IncidentTallyApplication;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import com.incidenttally.ConsoleLines;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs that a scheduler can trust: a run killed at any point and started again ends as an
 * uninterrupted one, a restart sees what changed in the input since, and a second run on the same
 * store stops at once. Each run that is killed is a separate JVM, as under cron, on a small input
 * read in small chunks, so that a kill lands between committed chunks; runs that are not killed
 * run in this JVM.
 *
 * <p>{@code verify} kills a run once in each step. A longer soak, at random steps:
 * {@code -Dincident-tally.kills=20} (and {@code -Dincident-tally.kill-seed=N} for other points).
 */
class RerunTests {

    private static final String NOW = "--now=2025-12-10T09:00:00Z";
    private static final List<String> STEPS = List.of("syncStep", "ingestStep", "mergeStep", "reportStep");
    /**
     * 20-row chunks, and a line when each step starts to kill it by (the child has the quick compiler and
     * one GC thread already: a run that is killed seconds in never needs more).
     */
    private static final List<String> JVM = List.of("-Dincident-tally.chunk-size=20",
            "-Dlogging.level.incident-tally.steps=DEBUG");

    private static String[] args(Path input, Path output, Path store) {
        return new String[] {"--input=" + input, "--output=" + output, "--db=jdbc:h2:file:" + store.resolve("incidents"), NOW};
    }

    private static ChildRun start(String[] args) throws Exception {
        return ChildRun.start(JVM, args);
    }

    private static void finish(ChildRun run) throws Exception {
        assertThat(run.waitFor(300)).as(run.output()).isZero();
    }

    /**
     * A run that is not to be killed, in this JVM (starting a JVM is most of a small run's time);
     * returns what it printed, and fails unless it exits 0.
     */
    private static String inProcess(String... args) {
        ConsoleLines.Run run = ConsoleLines.run(args);
        assertThat(run.code()).as(run.output()).isZero();
        return run.output();
    }

    /**
     * Starts a run and kills it {@code delayMillis} after the step starts; fails if the run had
     * ended before the kill.
     */
    private static ChildRun killedIn(String step, long delayMillis, String[] args) throws Exception {
        ChildRun run = start(args);
        assertThat(run.awaitLine(line -> line.contains("Step " + step + " starts"), 300)).as(run.output()).isTrue();
        Thread.sleep(delayMillis);
        assertThat(run.kill()).as("still running when killed in %s after %d ms:%n%s", step, delayMillis, run.output())
                .isTrue();
        return run;
    }

    /** How long after a step starts to kill it: within what the step takes on the small input. */
    private static long delayIn(String step, Random random) {
        return switch (step) {
            case "ingestStep" -> random.nextInt(1_200);
            case "reportStep" -> random.nextInt(600);
            default -> random.nextInt(30);
        };
    }

    /** The input the kill and the stop tests interrupt runs on, and its report by a run nobody disturbed. */
    @TempDir
    static Path undisturbed;
    private static String uninterrupted;

    /** Written and run once for both tests: neither changes the input, and each interrupts a store of its own. */
    private static synchronized Path undisturbedInput() throws Exception {
        Path input = undisturbed.resolve("input");
        if (uninterrupted == null) {
            ChildRun.writeInput(input, 3, 400);
            uninterrupted = inProcess(args(input, undisturbed.resolve("out-a"), undisturbed.resolve("store-a")));
        }
        return input;
    }

    @Test
    void runsKilledAtRandomPointsAndStartedAgainEndAsAnUninterruptedRunWould(@TempDir Path dir) throws Exception {
        Path input = undisturbedInput();

        long seed = Long.getLong("incident-tally.kill-seed", 20251210L);
        int kills = Integer.getInteger("incident-tally.kills", STEPS.size());
        Random random = new Random(seed);
        List<String> steps = new ArrayList<>(STEPS);
        Collections.shuffle(steps, random);
        String[] interrupted = args(input, dir.resolve("out-b"), dir.resolve("store-b"));
        StringBuilder printed = new StringBuilder();
        for (int k = 0; k < kills; k++) {
            String step = k < steps.size() ? steps.get(k) : STEPS.get(random.nextInt(STEPS.size()));
            printed.append(killedIn(step, delayIn(step, random), interrupted).output()).append('\n');
        }
        String rerun = inProcess(interrupted);

        // H2 writes what was committed in the background: a kill may take the last half second
        // with it, even a whole run killed early; what a kill left STARTED is recovered.
        assertThat(printed.append(rerun)).contains("was interrupted; recovering it");
        assertThat(rerun).contains("Restarting the failed run");
        assertSameReport(dir.resolve("out-b/all"), undisturbed.resolve("out-a/all"));
        assertThat(doneLine(rerun)).isEqualTo(doneLine(uninterrupted));
    }

    @Test
    void aRunStoppedBySigtermInAnyStepSaysSoInOneLineAndTheRerunEndsAsAnUninterruptedOne(@TempDir Path dir)
            throws Exception {
        Path input = undisturbedInput();
        String[] stopped = args(input, dir.resolve("out-b"), dir.resolve("store-b"));
        Random random = new Random(20251206L);

        for (String step : List.of("ingestStep", "reportStep")) {
            ChildRun run = start(stopped);
            assertThat(run.awaitLine(line -> line.contains("Step " + step + " starts"), 300)).as(run.output()).isTrue();
            Thread.sleep(delayIn(step, random));
            int linesBefore = run.output().split("\n").length;
            run.terminate();

            assertThat(run.waitFor(60)).as(run.output()).isEqualTo(143);
            run.awaitLine(line -> line.contains("stopped;"), 10);
            List<String> after = ConsoleLines.unstamped(String.join("\n", List.of(run.output().split("\n"))
                    .subList(linesBefore, run.output().split("\n").length))).lines().toList();
            // The stop says so in one line, the last. Lines the run printed just before the signal may reach
            // this end of the pipe after it: each of those is one the uninterrupted run prints as well, or
            // the step line this child prints for the test to wait on (the next step may start in between).
            assertThat(after).as(run.output()).last().isEqualTo("incident-tally: stopped; run it again to resume");
            assertThat(after.subList(0, after.size() - 1)).as(run.output())
                    .allSatisfy(line -> assertThat(uninterrupted.lines().toList().contains(line)
                            || line.matches("Step \\w+ starts")).as(line).isTrue());
        }
        String rerun = inProcess(stopped);

        assertThat(rerun).contains("was interrupted; recovering it");
        assertSameReport(dir.resolve("out-b/all"), undisturbed.resolve("out-a/all"));
        assertThat(doneLine(rerun)).isEqualTo(doneLine(uninterrupted));
    }

    @Test
    void aRestartSeesWhatChangedInTheInputSinceTheRunItResumes(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("input");
        ChildRun.writeInput(input, 3, 400);
        String[] interrupted = args(input, dir.resolve("out-b"), dir.resolve("store-b"));

        // Killed while the second file is read, with some of its chunks committed ...
        ChildRun first = start(interrupted);
        assertThat(first.awaitLine(line -> line.contains("Reading file 2/3"), 300)).as(first.output()).isTrue();
        Thread.sleep(150);
        assertThat(first.kill()).isTrue();
        // ... the analyst fixes that file: its first 50 rows go.
        Path second = input.resolve("reports-01.csv");
        List<String> lines = Files.readAllLines(second);
        Files.write(second, Stream.concat(lines.stream().limit(1), lines.stream().skip(51)).toList());

        // Killed again while the report is written; the first file is then deleted.
        killedIn("reportStep", 100, interrupted);
        Files.delete(input.resolve("reports-00.csv"));

        assertThat(inProcess(interrupted)).contains("Restarting the failed run");
        inProcess(args(input, dir.resolve("out-a"), dir.resolve("store-a")));

        assertSameReport(dir.resolve("out-b/all"), dir.resolve("out-a/all"));
        assertThat(Files.readString(dir.resolve("out-b/all/rejected.csv"))).doesNotContain("reports-00.csv");
    }

    @Test
    void aRestartRunsOnItsOwnClockNotOnTheClockOfTheRunItResumes(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("input");
        ChildRun.writeInput(input, 1, 200);
        // Dated after the first run's clock (NOW, 10 Dec), before the restart's: in the future only for the first.
        Files.writeString(input.resolve("later.csv"), """
                occurred_at,region,district,event_type,uav_count,source
                2025-12-14 23:10,Rostov region,Chertkovsky,shot_down,2,Governor
                2025-12-15 22:40,Belgorod Oblast,,debris,,MoD
                """);
        String later = "--now=2025-12-20T09:00:00Z";
        Path store = dir.resolve("store-b");
        String[] first = {"--input=" + input, "--output=" + dir.resolve("out-b"),
                "--db=jdbc:h2:file:" + store.resolve("incidents"), NOW};
        killedIn("reportStep", 50, first);

        String restart = inProcess("--input=" + input, "--output=" + dir.resolve("out-b"),
                "--db=jdbc:h2:file:" + store.resolve("incidents"), later);
        String uninterrupted = inProcess("--input=" + input, "--output=" + dir.resolve("out-a"),
                "--db=jdbc:h2:file:" + dir.resolve("store-a/incidents"), later);

        assertThat(restart).contains("Restarting the failed run");
        assertThat(doneLine(restart)).isEqualTo(doneLine(uninterrupted));
        assertSameReport(dir.resolve("out-b/all"), dir.resolve("out-a/all"));
        assertThat(Files.readString(dir.resolve("out-b/all/rejected.csv"))).doesNotContain("later.csv");
    }

    @Test
    void secondRunOnTheSameStoreStopsAtOnceAndChangesNothing(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("input");
        ChildRun.writeInput(input, 1, 10);
        Path store = dir.resolve("store");
        String url = "jdbc:h2:file:" + store.resolve("incidents");

        // This test's own process holds the store, as a running job does.
        try (Connection running = DriverManager.getConnection(url, "sa", "")) {
            ChildRun second = ChildRun.start(args(input, dir.resolve("out"), store));
            assertThat(second.waitFor(120)).as(second.output()).isEqualTo(1);
            assertThat(second.output()).contains("another incident-tally run is using it");
            assertThat(second.output()).doesNotContain("run it again");
        }
        assertThat(dir.resolve("out/all")).doesNotExist();
        try (Connection after = DriverManager.getConnection(url, "sa", "");
             ResultSet tables = after.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
            tables.next();
            assertThat(tables.getInt(1)).as("tables the second run made").isZero();
        }
    }

    private static String doneLine(String output) {
        String done = output.lines().filter(l -> l.startsWith("Done:")).findFirst().orElseThrow();
        return done.substring(0, done.indexOf("; report in"));
    }

    /** The same summary.json and rejected.csv, and the same cell values on every sheet but Run info. */
    static void assertSameReport(Path actual, Path expected) throws Exception {
        assertThat(Files.readString(actual.resolve("summary.json"))).isEqualTo(Files.readString(expected.resolve("summary.json")));
        assertThat(Files.readString(actual.resolve("rejected.csv"))).isEqualTo(Files.readString(expected.resolve("rejected.csv")));
        try (Workbook a = IncidentReportJobContract.open(actual.resolve("incident-report-all.xlsx"));
             Workbook b = IncidentReportJobContract.open(expected.resolve("incident-report-all.xlsx"))) {
            assertThat(IncidentReportJobContract.sheetNames(a)).isEqualTo(IncidentReportJobContract.sheetNames(b));
            for (Sheet sheet : b) {
                if (!sheet.getSheetName().equals("Run info")) {
                    assertThat(cells(a.getSheet(sheet.getSheetName()))).as(sheet.getSheetName()).isEqualTo(cells(sheet));
                }
            }
        }
    }

    /** Each row's cell values as text, but the time the report was generated. */
    private static List<String> cells(Sheet sheet) {
        List<String> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<String> values = new ArrayList<>();
            for (Cell cell : row) {
                values.add(cell.getColumnIndex() + "=" + switch (cell.getCellType()) {
                    case STRING -> cell.getStringCellValue();
                    case NUMERIC -> Double.toString(cell.getNumericCellValue());
                    case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
                    case FORMULA -> "=" + cell.getCellFormula();
                    default -> "";
                });
            }
            if (!values.isEmpty() && !values.get(0).startsWith("0=Generated at")) {
                rows.add(row.getRowNum() + ": " + String.join(" | ", values));
            }
        }
        return rows;
    }
}
