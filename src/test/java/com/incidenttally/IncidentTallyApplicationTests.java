package com.incidenttally;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line as cron and people use it: exit codes and what it prints. */
class IncidentTallyApplicationTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private static String memoryStore() {
        return "--db=jdbc:h2:mem:cli-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    /** Runs the application; stdout() and stderr() then hold this run's output only. */
    private int run(String... args) {
        out.reset();
        err.reset();
        return IncidentTallyApplication.run(args, Map.of());
    }

    /** What the run printed, each line's date, time and offset checked and set aside (see {@link ConsoleLines}). */
    private String stdout() {
        return ConsoleLines.unstamped(out.toString(StandardCharsets.UTF_8));
    }

    private String stderr() {
        return ConsoleLines.unstamped(err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage:", "--week=2025-W50|last", "--fail-on-rejects", "Exit codes");
    }

    @Test
    void aMisspeltOptionSaysWhatWasMeantAndExitsTwo() {
        assertThat(run("--weekk=last")).isEqualTo(2);
        assertThat(stderr().lines()).containsExactly("incident-tally: Unknown option: '--weekk=last' (see --help)",
                "Possible solutions: --week");
    }

    @Test
    void anUnknownArgumentIsOneClearLineAndExitTwo() {
        assertThat(run("--input=input", "reports")).isEqualTo(2);
        assertThat(stderr().lines()).containsExactly(
                "incident-tally: Unmatched argument at index 1: 'reports' (see --help)");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void versionPrintsTheVersionAndExitsZero() {
        assertThat(run("--version")).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).startsWith("incident-tally ");
        assertThat(printed.lines()).hasSize(1);
    }

    /** The sample as cron runs it: one run says what it did, in lines that each carry their date, time and offset. */
    @Test
    void sampleRunExitsZeroAndSaysWhatItDidOnLinesThatEachCarryTheDateTimeAndOffset(@TempDir Path output) {
        int code = run("--input=input", "--output=" + output.resolve("loud"), memoryStore(), "--now=2025-12-10T09:00:00Z");

        assertThat(code).as(stderr()).isZero();
        assertThat(stdout().lines().reduce((a, b) -> b).orElse(""))
                .startsWith("Done: 14 rows read, 14 accepted, 0 rejected; 7 incidents; report in "
                        + output.resolve("loud/all") + "/; took ")
                .matches(".*; took \\d+(\\.\\d)? (ms|s)");
        assertThat(stdout()).contains("Input: 2 files", "Report written to");
        assertThat(output.resolve("loud/all/summary.json")).isRegularFile();
        String printed = out.toString(StandardCharsets.UTF_8);
        String offset = java.time.ZonedDateTime.now().getOffset().getId().replace("Z", "+00:00");
        assertThat(printed.lines()).isNotEmpty().allSatisfy(line -> assertThat(line)
                .containsPattern(ConsoleLines.STAMP).contains(" " + offset + " "));

        // --quiet leaves the closing lines only.
        assertThat(run("--input=input", "--output=" + output.resolve("quiet"), memoryStore(),
                "--now=2025-12-10T09:00:00Z", "--quiet")).isZero();
        assertThat(stdout().lines()).singleElement().asString().startsWith("Done: 14 rows read");

        // A refusal's line on standard error carries them too.
        assertThat(run("--week=2025-W60")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).containsPattern(ConsoleLines.STAMP);
    }

    /** Options given as two words, as people type them; --week=last takes the last whole week and names it. */
    @Test
    void aValueMayFollowItsOptionAfterASpaceAndLastWeekSaysWhichWeekItTook(@TempDir Path output) {
        int code = run("--input", "input", "--output", output.toString(), memoryStore(), "--now",
                "2025-12-10T09:00:00Z", "--week", "last");

        assertThat(code).as(stderr()).isZero();
        assertThat(output.resolve("2025-W49/summary.json")).isRegularFile();
        assertThat(lastLine()).startsWith("Done: 14 rows read, 14 accepted, 0 rejected; 7 incidents in 2025-W49 (1–7 Dec);");
    }

    @Test
    void badWeekIsOneClearLineAndExitTwo() {
        assertThat(run("--week=2025-W60")).isEqualTo(2);
        assertThat(stderr().lines()).containsExactly("incident-tally: --week: 2025 has no week 60");
    }

    @Test
    void missingInputFolderIsOneClearLineAndExitTwo(@TempDir Path dir) {
        assertThat(run("--input=" + dir.resolve("nowhere"))).isEqualTo(2);
        assertThat(stderr().lines()).singleElement().asString()
                .startsWith("incident-tally: input folder not found: ").doesNotContain("Exception");
    }

    @Test
    void rejectedRowsExitThreeOnlyWhenAsked(@TempDir Path dir) throws Exception {
        Path input = Files.createDirectories(dir.resolve("input"));
        Files.writeString(input.resolve("reports.csv"), "occurred_at,region,event_type,source\n"
                + "2025-12-08 01:00,Rostov Oblast,debris,Governor\n2025-12-08 02:00,Atlantis,debris,Governor\n");
        String[] args = {"--input=" + input, "--output=" + dir.resolve("out"), memoryStore(), "--now=2025-12-10T09:00:00Z"};
        assertThat(run(args)).isZero();

        String[] strict = {args[0], args[1], memoryStore(), args[3], "--fail-on-rejects"};
        assertThat(run(strict)).isEqualTo(3);
        assertThat(lineBeforeDone()).isEqualTo("Exit code 3 (--fail-on-rejects): 1 row was rejected; the report is written"
                + " all the same");
        assertThat(lastLine()).startsWith("Done: 2 rows read, 1 accepted, 1 rejected; 1 incident;");
    }

    @Test
    void theLastLinesSayWhyRowsWereRejectedAndWhyTheExitCodeIsFour(@TempDir Path output) {
        int code = run("--input=src/test/resources/e2e/bad-rows", "--output=" + output, memoryStore(),
                "--now=2025-12-10T09:00:00Z", "--fail-on-rejects");

        // A file rejected whole is exit code 4, which takes precedence over --fail-on-rejects' 3.
        assertThat(code).isEqualTo(4);
        List<String> lines = stdout().lines().toList();
        List<String> last = lines.subList(lines.size() - 4, lines.size());
        assertThat(last.get(0)).isEqualTo("Rejected 4 rows: 1 a count cannot be negative in uav_count,"
                + " 1 date in the future, 1 unknown event type, 1 unknown region"
                + " (each with its file and line in rejected.csv)");
        assertThat(last.get(1)).isEqualTo(
                "Rejected 1 file whole: no-region-column.csv (no column for region; found 'occurred_at', 'district',"
                        + " 'event_type', 'source'; map them with --columns (see docs/input.md))");
        assertThat(last.get(2)).isEqualTo("Exit code 4: 1 input file was rejected whole (see rejected.csv);"
                + " the report is written all the same");
        // The figures and the run's duration last (SPEC, Running).
        assertThat(last.get(3)).startsWith("Done: 6 rows read, 2 accepted, 4 rejected, 1 file rejected whole; ")
                .containsPattern("; took [0-9.,]+ m?s$");
    }

    @Test
    void anEmptyWeekNamesItselfAndItsDatesAndExitsFour(@TempDir Path output) {
        int code = run("--input=input", "--output=" + output, memoryStore(), "--now=2026-12-01T09:00:00Z",
                "--week=2026-W48");

        assertThat(code).as(stderr()).isEqualTo(4);
        assertThat(doneLine()).startsWith("Done: 14 rows read, 14 accepted, 0 rejected; no incidents in 2026-W48"
                + " (23–29 Nov); report in " + output.resolve("2026-W48") + "/; took ");
        assertThat(lineBeforeDone()).isEqualTo("Exit code 4: no incident in 2026-W48 (23–29 Nov) (--allow-empty keeps 0"
                + " for a quiet period); the report is written all the same");
        assertThat(lastLine()).isEqualTo(doneLine());
        assertThat(output.resolve("2026-W48/summary.json")).isRegularFile();
    }

    @Test
    void anEmptyWeekExitsZeroWithAllowEmpty(@TempDir Path output) {
        int code = run("--input=input", "--output=" + output, memoryStore(), "--now=2026-12-01T09:00:00Z",
                "--week=2026-W48", "--allow-empty");

        assertThat(code).as(stderr()).isZero();
        assertThat(lastLine()).startsWith("Done: 14 rows read, 14 accepted, 0 rejected; no incidents in 2026-W48");
    }

    @Test
    void aWeekInTheFutureIsEmptyAndExitsFour(@TempDir Path output) {
        assertThat(run("--input=input", "--output=" + output, memoryStore(), "--now=2025-12-10T09:00:00Z",
                "--week=2026-W10")).isEqualTo(4);
        assertThat(lineBeforeDone()).startsWith("Exit code 4: no incident in 2026-W10");
    }

    @Test
    void aRunThatReadNothingIsNeverFine(@TempDir Path dir) throws Exception {
        Path input = Files.createDirectories(dir.resolve("input"));
        Files.writeString(input.resolve("feed.csv"), "ts,place,kind,qty\n2025-12-07 22:00,Kursk,hit,1\n");

        assertThat(run("--input=" + input, "--output=" + dir.resolve("out"), memoryStore(),
                "--now=2025-12-10T09:00:00Z")).isEqualTo(4);
        assertThat(lineBeforeDone()).isEqualTo("Exit code 4: 1 input file was rejected whole (see rejected.csv);"
                + " no incident in the store (--allow-empty keeps 0 for a quiet period); the report is written all"
                + " the same");
        assertThat(run("--input=" + input, "--output=" + dir.resolve("out"), memoryStore(),
                "--now=2025-12-10T09:00:00Z", "--allow-empty")).as("--allow-empty does not hide a rejected file")
                .isEqualTo(4);
    }

    @Test
    void aBinaryFileIsRejectedAsNotText(@TempDir Path dir) throws Exception {
        Path input = Files.createDirectories(dir.resolve("input"));
        byte[] bytes = new byte[2048];
        new java.util.Random(3).nextBytes(bytes);
        Files.write(input.resolve("photo.csv"), bytes);

        assertThat(run("--input=" + input, "--output=" + dir.resolve("out"), memoryStore(),
                "--now=2025-12-10T09:00:00Z")).isEqualTo(4);
        assertThat(stdout()).contains("Rejected 1 file whole: photo.csv (not a text file");
    }

    @Test
    void aLineBreakInAFileNameCannotForgeAConsoleLine(@TempDir Path dir) throws Exception {
        Path input = Files.createDirectories(dir.resolve("input"));
        Files.writeString(input.resolve("evil\nDone: 0 rows read\rfake.csv"), "occurred_at,region,event_type\n"
                + "2025-12-08 01:00,Rostov Oblast,debris\n");

        assertThat(run("--input=" + input, "--output=" + dir.resolve("out"), memoryStore(),
                "--now=2025-12-10T09:00:00Z")).isEqualTo(4);

        assertThat(stdout().lines()).filteredOn(line -> line.startsWith("Done:")).hasSize(1);
        assertThat(stdout()).doesNotContain("\r").contains("evil\\nDone: 0 rows read\\rfake.csv");
        List<String> lines = stdout().lines().toList();
        assertThat(lines.get(lines.size() - 3)).isEqualTo("Rejected 1 file whole: evil\\nDone: 0 rows read\\rfake.csv"
                + " (no column for source; found 'occurred_at', 'region', 'event_type'; map them with --columns"
                + " (see docs/input.md))");
    }

    @Test
    void russianChartsAreANewReportNotTheEnglishOneUnchanged(@TempDir Path dir) throws Exception {
        String[] english = {"--input=input", "--output=" + dir.resolve("out"),
                "--db=jdbc:h2:file:" + dir.resolve("store/incidents"), "--now=2025-12-10T09:00:00Z"};
        assertThat(run(english)).isZero();
        String[] russian = {english[0], english[1], english[2], english[3], "--lang=ru"};

        assertThat(run(russian)).as(stderr()).isZero();

        assertThat(stdout()).doesNotContain("Report unchanged since the last run").contains("Report written to");
        assertThat(dir.resolve("out/all/charts/incidents-by-region.png")).isRegularFile();
        assertThat(run(russian)).isZero();
        assertThat(stdout()).contains("Report unchanged since the last run");
    }

    @Test
    void theStoreFollowsTheInputFolderAndAnUnchangedRerunRedoesNothing(@TempDir Path dir) throws Exception {
        Path input = Files.createDirectories(dir.resolve("input"));
        for (String name : new String[] {"2025-12-08-governors-and-mod.csv", "2025-12-08-news-digest.csv"}) {
            Files.copy(Path.of("input", name), input.resolve(name));
        }
        String[] args = {"--input=" + input, "--output=" + dir.resolve("out"),
                "--db=jdbc:h2:file:" + dir.resolve("store/incidents"), "--now=2025-12-10T09:00:00Z"};
        Path summary = dir.resolve("out/all/summary.json");

        assertThat(run(args)).isZero();
        String first = Files.readString(summary);
        assertThat(run(args)).isZero();
        assertThat(stdout()).contains("Input: 2 files, 0 to load, 2 unchanged, 0 removed",
                "Incidents unchanged since the last run", "Report unchanged since the last run");
        assertThat(Files.readString(summary)).isEqualTo(first);

        Files.writeString(input.resolve("late-report.csv"), "occurred_at,region,district,event_type,source\n"
                + "2025-12-08 04:40,Belgorod Oblast,Shebekinsky,impact,Governor Vyacheslav Gladkov (Telegram)\n");
        assertThat(run(args)).isZero();
        assertThat(stdout()).contains("Input: 3 files, 1 to load, 2 unchanged, 0 removed");
        assertThat(lastLine()).startsWith("Done: 15 rows read, 15 accepted, 0 rejected; 8 incidents");

        Files.delete(input.resolve("late-report.csv"));
        assertThat(run(args)).isZero();
        assertThat(stdout()).contains("Input: 2 files, 0 to load, 2 unchanged, 1 removed");
        assertThat(lastLine()).startsWith("Done: 14 rows read, 14 accepted, 0 rejected; 7 incidents");
        assertThat(Files.readString(summary)).isEqualTo(first);

        String[] otherWindow = {args[0], args[1], args[2], args[3], "--night-window=00:00-05:00"};
        assertThat(run(otherWindow)).isZero();
        assertThat(stdout()).contains("Input: 2 files, 2 to load, 0 unchanged, 0 removed");
        assertThat(Files.readString(summary)).contains("\"night_time\" : 1").doesNotContain("\"night_time\" : 2");
    }

    @Test
    void aFileRejectedWholeIsExitFourEvenWithFailOnRejects(@TempDir Path dir) throws Exception {
        Path input = Files.createDirectories(dir.resolve("input"));
        Files.writeString(input.resolve("no-source.csv"), "occurred_at,region,event_type\n2025-12-08 01:00,Rostov Oblast,debris\n");

        int code = run("--input=" + input, "--output=" + dir.resolve("out"), memoryStore(), "--now=2025-12-10T09:00:00Z",
                "--fail-on-rejects");

        assertThat(code).isEqualTo(4);
        assertThat(doneLine()).startsWith("Done: 0 rows read, 0 accepted, 0 rejected, 1 file rejected whole; no incidents");
        assertThat(lineBeforeDone()).startsWith("Exit code 4: 1 input file was rejected whole (see rejected.csv)");
    }

    @Test
    void rowsDatedAfterAnEarlierRunsClockAreReadAgainLater(@TempDir Path dir) throws Exception {
        Path input = Files.createDirectories(dir.resolve("input"));
        Files.writeString(input.resolve("reports.csv"), "occurred_at,region,event_type,source\n"
                + "2025-12-08 01:00,Rostov Oblast,debris,Governor\n2025-12-12 01:00,Rostov Oblast,debris,Governor\n");
        String store = "--db=jdbc:h2:file:" + dir.resolve("store/incidents");

        assertThat(run("--input=" + input, "--output=" + dir.resolve("out"), store, "--now=2025-12-10T09:00:00Z")).isZero();
        assertThat(doneLine()).startsWith("Done: 2 rows read, 1 accepted, 1 rejected; 1 incident;");

        // The same clock rejects the row again: nothing to read.
        assertThat(run("--input=" + input, "--output=" + dir.resolve("out"), store, "--now=2025-12-10T09:00:00Z")).isZero();
        assertThat(stdout()).contains("Input: 1 file, 0 to load, 1 unchanged, 0 removed");
        assertThat(doneLine()).startsWith("Done: 2 rows read, 1 accepted, 1 rejected; 1 incident;");
        assertThat(lineBeforeDone()).startsWith("Rejected 1 row: 1 date in the future");

        assertThat(run("--input=" + input, "--output=" + dir.resolve("out"), store, "--now=2025-12-15T09:00:00Z")).isZero();
        assertThat(stdout()).contains("Input: 1 file, 1 to load, 0 unchanged, 0 removed");
        assertThat(lastLine()).startsWith("Done: 2 rows read, 2 accepted, 0 rejected; 2 incidents");
    }

    private String lastLine() {
        return stdout().lines().reduce((a, b) -> b).orElse("");
    }

    /** The line before the last: the last says the figures and the duration ("Done: …; took 1.2 s"). */
    private String lineBeforeDone() {
        List<String> lines = stdout().lines().toList();
        assertThat(lines.get(lines.size() - 1)).startsWith("Done: ");
        return lines.get(lines.size() - 2);
    }

    private String doneLine() {
        return stdout().lines().filter(line -> line.startsWith("Done: ")).reduce((a, b) -> b).orElse("");
    }

    @Test
    void usersOwnAliasResolvesADistrictNothingElseWould(@TempDir Path dir) throws Exception {
        Path input = Files.createDirectories(dir.resolve("input"));
        Files.writeString(input.resolve("reports.csv"), "occurred_at,region,district,event_type,source\n"
                + "2025-12-08 03:10,Volgograd Oblast,TZR,debris,Governor\n");
        Path aliases = Files.writeString(dir.resolve("aliases.csv"),
                "input_name,region,canonical_name\nTZR,Volgograd Oblast,Traktorozavodsky District\n");

        int code = run("--input=" + input, "--output=" + dir.resolve("out"), "--aliases=" + aliases, memoryStore(),
                "--now=2025-12-10T09:00:00Z");

        assertThat(code).as(stderr()).isZero();
        assertThat(Files.readString(dir.resolve("out/all/summary.json"))).contains("\"district\" : \"Traktorozavodsky District\"");
    }

    @Test
    void aBadAliasesFileIsOneClearLineBeforeAnyWork(@TempDir Path dir) throws Exception {
        Path aliases = Files.writeString(dir.resolve("aliases.csv"),
                "input_name,region,canonical_name\nTZR,Volgograd Oblast,Nowhere District\n");

        assertThat(run("--aliases=" + aliases, "--output=" + dir.resolve("out"))).isEqualTo(2);
        assertThat(stderr().lines()).singleElement().asString()
                .startsWith("incident-tally: aliases file: ").contains("aliases.csv:2");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void anOutputFolderThatCannotBeWrittenIsRefusedBeforeAnyWork(@TempDir Path dir) throws Exception {
        // Found only after the whole ingest, this used to fail with exit 1 and "run it again".
        Path notAFolder = Files.writeString(dir.resolve("occupied"), "a file where the output folder would go");

        int code = run("--input=input", "--output=" + notAFolder.resolve("reports"), memoryStore(),
                "--now=2025-12-10T09:00:00Z");

        assertThat(code).isEqualTo(2);
        assertThat(stderr().lines()).singleElement().asString()
                .contains(notAFolder.toString()).doesNotContain("run it again");
    }

    @Test
    void aDamagedStoreSaysWhichFileAndHowToRecover(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("store"));
        byte[] noise = new byte[20_000];
        new java.util.Random(7).nextBytes(noise);
        Files.write(dir.resolve("store/incidents.mv.db"), noise);

        int code = run("--input=input", "--output=" + dir.resolve("out"), "--db=jdbc:h2:file:" + dir.resolve("store/incidents"));

        assertThat(code).isEqualTo(1);
        assertThat(stderr().lines()).singleElement().asString()
                .startsWith("incident-tally: the store " + dir.resolve("store/incidents.mv.db") + " is damaged")
                .contains("move it aside and run again").doesNotContain("EOFException").doesNotContain("resume");
    }

    @Test
    void aPasswordInTheStoreUrlIsNeverPrinted() {
        int code = run("--input=input", "--db=jdbc:postgresql://localhost:1/incidents?user=tally&password=hunter2");

        assertThat(code).isEqualTo(1);
        assertThat(stderr()).contains("cannot reach the database server").contains("password=***")
                .doesNotContain("hunter2");
        assertThat(run("--db=jdbc:mysql://tally:hunter2@localhost/incidents")).isEqualTo(2);
        assertThat(stderr()).contains("tally:***@").doesNotContain("hunter2");
    }

    @Test
    void anH2SettingThatLetsASecondRunInIsRefusedBeforeAnyWork(@TempDir Path dir) {
        int code = run("--input=input", "--output=" + dir.resolve("out"),
                "--db=jdbc:h2:file:" + dir.resolve("store/incidents") + ";AUTO_SERVER=TRUE");

        assertThat(code).isEqualTo(2);
        assertThat(stderr().lines()).singleElement().asString().contains("AUTO_SERVER=TRUE").contains("remove it");
        assertThat(dir.resolve("store")).doesNotExist();
        // (The output folder itself is made while the options are checked, to prove it writable.)
        assertThat(dir.resolve("out/all")).doesNotExist();
    }

    @Test
    void aStoreFolderThatCannotBeMadeIsOneLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("data"), "a file where the store's folder would go");

        int code = run("--input=input", "--output=" + dir.resolve("out"), "--db=jdbc:h2:file:" + dir.resolve("data/incidents"));

        assertThat(code).isEqualTo(1);
        assertThat(stderr().lines()).singleElement().asString()
                .contains("the store's folder").contains("is a file");
    }
}
