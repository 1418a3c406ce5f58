package com.incidenttally;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bin/incident-tally as users and schedulers run it, on what {@code ./mvnw package} built and trained:
 * run by failsafe after the package phase (see pom.xml), with the JVM Maven runs on, which trained the cache.
 * The tests run two at a time: each only waits on the launcher's process, in a folder of its own, and
 * nothing else of the build runs beside them.
 */
@Execution(ExecutionMode.CONCURRENT)
class LauncherTests {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Path LAUNCHER = PROJECT.resolve("bin/incident-tally");
    private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));
    private static final boolean AOT = Runtime.version().feature() >= 24;

    private record Run(int exitCode, String stdout, String stderr, Duration elapsed) {
        /** The java command line the launcher printed (INCIDENT_TALLY_SHOW_COMMAND). */
        String command() {
            return stderr.lines().filter(line -> line.contains("/bin/java ")).findFirst().orElse("");
        }
    }

    private static Run launch(Path workDir, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().remove("JAVA_OPTS");
        builder.environment().put("JAVA_HOME", JAVA_HOME.toString());
        builder.environment().put("INCIDENT_TALLY_SHOW_COMMAND", "1");
        builder.environment().putAll(env);
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        long start = System.nanoTime();
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the launcher ended").isTrue();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err), elapsed);
    }

    @Test
    void runsTheJobFromAnotherFolderWithTheTrainedCacheAndKeepsItsExitCode(@TempDir Path dir) throws Exception {
        copy(PROJECT.resolve("src/test/resources/e2e/bad-rows"), dir.resolve("in"));
        // With these the JVM refuses to start unless it really maps the cache: proof that the cache fits.
        String strict = AOT ? "-XX:AOTMode=on" : "-Xshare:on";

        Run run = launch(dir, Map.of("JAVA_OPTS", strict), "--input=in", "--output=reports",
                "--db=jdbc:h2:file:./store/incidents", "--fail-on-rejects");

        assertThat(run.command()).contains(AOT
                ? "-XX:AOTCache=" + PROJECT.resolve("target/launcher/incident-tally.aot")
                : "-XX:SharedArchiveFile=" + PROJECT.resolve("target/launcher/incident-tally.jsa"));
        assertThat(run.command()).contains("-jar " + PROJECT.resolve("target/launcher/incident-tally.jar"));
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(4);
        assertThat(run.stdout()).contains("Done: ", "report in reports/all/");
        // The time it says the run took is never more than the process took, as this test measured it.
        Matcher took = Pattern.compile("; took (\\d+(?:\\.\\d)?) (ms|s)\\b").matcher(run.stdout());
        assertThat(took.find()).as(run.stdout()).isTrue();
        double printed = Double.parseDouble(took.group(1)) * (took.group(2).equals("s") ? 1000 : 1);
        // Rounded to its last digit: 0.05 s at most, for a figure in seconds.
        double rounding = took.group(2).equals("s") ? 50 : 0.5;
        assertThat(printed - rounding).as(run.stdout()).isLessThanOrEqualTo(run.elapsed().toMillis());
        assertThat(dir.resolve("reports/all/summary.json")).isRegularFile();
        assertThat(dir.resolve("reports/all/rejected.csv")).isRegularFile();
        assertThat(dir.resolve("store/incidents.mv.db")).isRegularFile();
    }

    @Test
    void runsTheContextsAheadOfTimeInitializerAndTheJobsResultIsTheSameWithout(@TempDir Path dir) throws Exception {
        copy(PROJECT.resolve("src/test/resources/e2e/bad-rows"), dir.resolve("in"));
        String[] args = {"--input=in", "--now=2025-12-10T09:00:00Z"};
        // Which classes the JVM loaded, from where: the proof that the generated initializer ran.
        String classes = "-Xlog:class+load=info:file=";

        Run aot = launch(dir, Map.of("JAVA_OPTS", classes + "aot-classes.txt"), append(args, "--output=aot", "--db=jdbc:h2:file:./aot-store/incidents"));
        Run plain = launch(dir, Map.of("JAVA_OPTS", classes + "plain-classes.txt -Dspring.aot.enabled=false"),
                append(args, "--output=plain", "--db=jdbc:h2:file:./plain-store/incidents"));

        // 4: the sample's rejected file, the same with and without.
        assertThat(aot.exitCode()).as(aot.stderr()).isEqualTo(4);
        assertThat(plain.exitCode()).as(plain.stderr()).isEqualTo(4);
        assertThat(aot.stdout()).contains("Done: ", "report in aot/all/");
        assertThat(aot.command()).contains("-Dspring.aot.enabled=true");
        String initializer = "com.incidenttally.IncidentTallyApplication__ApplicationContextInitializer";
        assertThat(Files.readString(dir.resolve("aot-classes.txt"))).contains(initializer);
        assertThat(Files.readString(dir.resolve("plain-classes.txt"))).doesNotContain(initializer);
        // Each on a fresh store of its own: the same report.
        assertThat(plain.stdout()).contains("report in plain/all/");
        for (String file : List.of("summary.json", "rejected.csv", "unresolved-names.csv", "incidents.csv")) {
            assertThat(withoutRunTimes(dir.resolve("plain/all").resolve(file)))
                    .as(file).isEqualTo(withoutRunTimes(dir.resolve("aot/all").resolve(file)));
        }
    }

    private static String[] append(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** A report file's text without what differs between two runs of the same report: their times. */
    private static List<String> withoutRunTimes(Path file) throws IOException {
        return Files.readAllLines(file).stream()
                .filter(line -> !line.contains("\"started\"") && !line.contains("\"finished\"")
                        && !line.contains("\"took") && !line.contains("\"generated"))
                .toList();
    }

    @Test
    void passesEveryArgumentThroughUnchanged(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("input"));

        Run run = launch(dir, Map.of(), "--week=2025-W60", "--output=a folder with spaces");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.command()).endsWith(" --week=2025-W60 --output=a folder with spaces");
        assertThat(run.stderr()).contains("incident-tally: --week: 2025 has no week 60");
    }

    @Test
    void aCollectorChosenInJavaOptsReplacesTheLaunchersOwn(@TempDir Path dir) throws Exception {
        // The JVM refuses to start with two collectors ("Multiple garbage collectors selected").
        Run run = launch(dir, Map.of("JAVA_OPTS", "-Xmx512m -XX:+UseParallelGC"), "--version");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.command()).contains("-XX:+UseParallelGC").doesNotContain("-XX:+UseSerialGC");
        assertThat(run.stdout()).startsWith("incident-tally ");
    }

    @Test
    void aWeeksInputRunsWithC1AloneAndABackfillWithEveryTier(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("week"));
        Files.write(dir.resolve("week/reports.csv"), new byte[100_000]);
        Files.createDirectories(dir.resolve("backfill/sub"));
        Files.write(dir.resolve("backfill/sub/reports.csv"), new byte[41 * 1024 * 1024]);

        Run week = launch(dir, Map.of(), "--input=week", "--version");
        Run backfill = launch(dir, Map.of(), "--input", "backfill", "--version");
        Run chosen = launch(dir, Map.of("JAVA_OPTS", "-XX:TieredStopAtLevel=1"), "--input=backfill", "--version");

        assertThat(week.exitCode()).as(week.stderr()).isZero();
        assertThat(week.command()).contains("-XX:TieredStopAtLevel=1 ");
        assertThat(backfill.exitCode()).as(backfill.stderr()).isZero();
        assertThat(backfill.command()).doesNotContain("TieredStopAtLevel").contains("-XX:+UseSerialGC")
                .contains("-XX:InlineSmallCode=500 -XX:MaxInlineLevel=6")
                .contains("-XX:Tier4InvocationThreshold=15000 -XX:Tier4CompileThreshold=45000 "
                        + "-XX:Tier4BackEdgeThreshold=120000");
        assertThat(week.command()).doesNotContain("InlineSmallCode").doesNotContain("MaxInlineLevel")
                .doesNotContain("Tier4");
        assertThat(chosen.exitCode()).as(chosen.stderr()).isZero();
        assertThat(chosen.command()).contains("-XX:TieredStopAtLevel=1");
    }

    @Test
    void withAnH2StoreOnlyTheFilesChangedSinceItWasWrittenCountAsRead(@TempDir Path dir) throws Exception {
        // A big history the store has read already, and one small new file: a weekly run.
        Files.createDirectories(dir.resolve("history/new"));
        Files.write(dir.resolve("history/old.csv"), new byte[41 * 1024 * 1024]);
        Files.createDirectories(dir.resolve("store"));
        Path storeFile = Files.write(dir.resolve("store/incidents.mv.db"), new byte[10]);
        FileTime written = FileTime.from(Instant.now().minusSeconds(60));
        Files.setLastModifiedTime(dir.resolve("history/old.csv"), FileTime.from(Instant.now().minusSeconds(3_600)));
        Files.setLastModifiedTime(storeFile, written);
        Files.write(dir.resolve("history/new/week.csv"), new byte[100_000]);

        Run weekly = launch(dir, Map.of(), "--input=history", "--db=jdbc:h2:file:./store/incidents", "--version");
        Run otherForm = launch(dir, Map.of(), "--input", "history", "--db", "jdbc:h2:./store/incidents;TRACE_LEVEL_FILE=0",
                "--version");
        Run noStoreYet = launch(dir, Map.of(), "--input=history", "--db=jdbc:h2:file:./store/other", "--version");
        Run postgres = launch(dir, Map.of(), "--input=history", "--db=jdbc:postgresql://localhost/none", "--version");
        // The history changed after the store was written: read again, all of it.
        Files.setLastModifiedTime(dir.resolve("history/old.csv"), FileTime.from(Instant.now()));
        Run changed = launch(dir, Map.of(), "--input=history", "--db=jdbc:h2:file:./store/incidents", "--version");

        assertThat(weekly.exitCode()).as(weekly.stderr()).isZero();
        assertThat(weekly.command()).contains("-XX:TieredStopAtLevel=1 ");
        assertThat(otherForm.command()).contains("-XX:TieredStopAtLevel=1 ");
        assertThat(noStoreYet.command()).doesNotContain("TieredStopAtLevel");
        assertThat(postgres.command()).doesNotContain("TieredStopAtLevel");
        assertThat(changed.command()).doesNotContain("TieredStopAtLevel");
    }

    @Test
    void anotherJvmRunsThePlainJarWithoutTheCache(@TempDir Path dir) throws Exception {
        // A JDK of another build: the same java behind a wrapper, with a release file of its own.
        Path otherJdk = dir.resolve("other-jdk");
        Files.createDirectories(otherJdk.resolve("bin"));
        Files.writeString(otherJdk.resolve("release"), "JAVA_VERSION=\"" + Runtime.version().feature()
                + ".0.0\"\nJAVA_RUNTIME_VERSION=\"another build\"\n");
        Path java = otherJdk.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\nexec '" + JAVA_HOME.resolve("bin/java") + "' \"$@\"\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();

        Run run = launch(dir, Map.of("JAVA_HOME", otherJdk.toString()), "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.command()).startsWith(java + " ")
                .contains("-jar " + PROJECT.resolve("target/incident-tally.jar") + " --help")
                .doesNotContain("AOTCache", "SharedArchiveFile");
        assertThat(run.stdout()).contains("Usage:");
    }

    @Test
    void worksThroughASymbolicLinkFromAnotherBinFolder(@TempDir Path dir) throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("incident-tally"), LAUNCHER);
        ProcessBuilder builder = new ProcessBuilder(link.toString(), "--help").directory(dir.toFile());
        builder.environment().put("JAVA_HOME", JAVA_HOME.toString());
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).as(output).isZero();
        assertThat(output).contains("Usage:");
        Files.delete(link);
    }

    @Test
    void aJavaHomeWithoutJavaIsOneClearLineAndExitOne(@TempDir Path dir) throws Exception {
        Run run = launch(dir, Map.of("JAVA_HOME", dir.resolve("no-jdk").toString()), "--help");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr().lines()).containsExactly("incident-tally: JAVA_HOME is " + dir.resolve("no-jdk")
                + ", but " + dir.resolve("no-jdk/bin/java") + " is not there");
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    @Test
    void readsAndPrintsCyrillicFileNamesWithNoLocaleAtAll(@TempDir Path dir) throws Exception {
        Path input = Files.createDirectories(dir.resolve("входящие"));
        Files.writeString(input.resolve("отчёт.csv"), "occurred_at,region,event_type,source\n"
                + "2025-12-07 23:50,Smolensk region,shot_down,Governor\nx,Атлантида,shot_down,News\n");
        // env -i with a scheduler's PATH: no LANG, no LC_*.
        ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString(), "--input=входящие", "--output=отчёты",
                "--db=jdbc:h2:file:./store/incidents", "--now=2025-12-10T09:00:00Z").directory(dir.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().put("JAVA_HOME", JAVA_HOME.toString());
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).as(output).isZero();
        assertThat(output).contains("Done: 2 rows read, 1 accepted, 1 rejected", "отчёт.csv", "report in отчёты/all/");
        assertThat(Files.readString(dir.resolve("отчёты/all/rejected.csv"))).contains("отчёт.csv", "Атлантида");
    }
}
