package com.incidenttally.job;

import com.incidenttally.ConsoleLines;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The command against an output folder it must not or cannot write: refused in one line with exit code 2
 * before any work — no store opened, no file read. A refusal comes before Spring starts, so it runs in this
 * JVM (LauncherTests sees such an exit code from the real process); the run that is killed is a separate
 * JVM, as under cron, and its rerun runs here.
 */
class OutputFolderRunTests {

    private static String[] args(Path dir, String output) {
        return new String[] {"--input=" + dir.resolve("input"), "--output=" + output,
                "--db=jdbc:h2:file:" + dir.resolve("store/incidents"), "--now=2025-12-10T09:00:00Z"};
    }

    @Test
    void aUsersFolderWhereTheReportGoesIsRefusedAndKept(@TempDir Path dir) throws Exception {
        ChildRun.writeInput(dir.resolve("input"), 1, 100);
        Path output = dir.resolve("o");
        Path thesis = Files.createDirectories(output.resolve("all/x")).resolve("thesis.docx");
        Files.writeString(thesis, "t");

        ConsoleLines.Run run = ConsoleLines.run(args(dir, output.toString()));

        assertThat(run.code()).as(run.output()).isEqualTo(2);
        assertThat(run.output().strip()).isEqualTo("incident-tally: " + output.resolve("all") + " is in the way: a folder this"
                + " job did not write (it holds x); the job writes only into folders it made itself, so it leaves it"
                + " alone and stops — move it away or choose another --output");
        assertThat(thesis).hasContent("t");
        assertThat(dir.resolve("store")).doesNotExist();
    }

    @Test
    void aRunKilledWhileWritingItsReportLeavesAFolderTheNextRunRemoves(@TempDir Path dir) throws Exception {
        ChildRun.writeInput(dir.resolve("input"), 2, 5_000);
        Path output = dir.resolve("o");
        Files.createDirectories(output);
        Path notes = Files.writeString(output.resolve("notes.txt"), "mine");

        ChildRun killed = ChildRun.start(args(dir, output.toString()));
        Path staging = null;
        for (long deadline = System.nanoTime() + 300_000_000_000L; staging == null && System.nanoTime() < deadline; ) {
            staging = reportFolders(output).stream().findFirst().orElse(null);
            Thread.sleep(20);
        }
        assertThat(staging).as(killed.output()).isNotNull();
        killed.kill();
        assertThat(output.resolve("all")).as(killed.output()).doesNotExist();
        assertThat(staging.resolve(".incident-tally-report")).exists();

        ConsoleLines.Run rerun = ConsoleLines.run(args(dir, output.toString()));
        assertThat(rerun.code()).as(rerun.output()).isZero();

        assertThat(staging).doesNotExist();
        assertThat(rerun.output()).contains("Removed " + staging.getFileName() + ", left by an interrupted run");
        assertThat(reportFolders(output)).containsExactly(output.resolve(Files.readSymbolicLink(output.resolve("all"))));
        assertThat(output.resolve("all/summary.json")).isRegularFile();
        assertThat(output.resolve("all/.temp")).doesNotExist();
        assertThat(notes).hasContent("mine");
    }

    @Test
    void theReportARerunReplacedIsRemovedByTheNextRunWithoutALineSayingARunWasInterrupted(@TempDir Path dir)
            throws Exception {
        ChildRun.writeInput(dir.resolve("input"), 1, 100);
        Path output = dir.resolve("o");
        assertThat(ConsoleLines.run(args(dir, output.toString())).code()).isZero();
        Path first = Files.readSymbolicLink(output.resolve("all"));
        // New rows: the report is written again and the first one replaced, kept for a reader who has it open.
        ChildRun.writeInput(dir.resolve("input/more"), 1, 50);
        assertThat(ConsoleLines.run(args(dir, output.toString())).code()).isZero();
        assertThat(output.resolve(first)).isDirectory();
        ChildRun.writeInput(dir.resolve("input/more-still"), 1, 50);

        ConsoleLines.Run third = ConsoleLines.run(args(dir, output.toString()));

        assertThat(third.code()).as(third.output()).isZero();
        assertThat(output.resolve(first)).doesNotExist();
        assertThat(third.output()).doesNotContain("Removed").doesNotContain("interrupted");
    }

    private static java.util.List<Path> reportFolders(Path output) throws java.io.IOException {
        try (java.util.stream.Stream<Path> entries = Files.list(output)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(".all.report-")).toList();
        }
    }

    @Test
    void anOutputFolderThatCannotBeWrittenIsRefusedBeforeAnyWork(@TempDir Path dir) throws Exception {
        ChildRun.writeInput(dir.resolve("input"), 1, 100);
        Path file = Files.writeString(dir.resolve("reports"), "a file where a folder must go");

        ConsoleLines.Run behindAFile = ConsoleLines.run(args(dir, file.resolve("weekly").toString()));

        assertThat(behindAFile.code()).as(behindAFile.output()).isEqualTo(2);
        assertThat(behindAFile.output().strip()).startsWith("incident-tally: --output folder cannot be created: "
                + file.resolve("weekly")).doesNotContain("\n");
        assertThat(file).hasContent("a file where a folder must go");
        assertThat(dir.resolve("store")).doesNotExist();

        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "a Linux /proc");
        ConsoleLines.Run inProc = ConsoleLines.run(args(dir, "/proc/x"));

        assertThat(inProc.code()).as(inProc.output()).isEqualTo(2);
        assertThat(inProc.output().strip())
                .isEqualTo("incident-tally: --output folder cannot be created: /proc/x (no such folder, and it cannot be made there)");
        assertThat(dir.resolve("store")).doesNotExist();
    }
}
