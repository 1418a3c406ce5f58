package com.incidenttally.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The command as a person runs it (a separate JVM) against an output folder it must not or cannot
 * write: refused in one line with exit code 2 before any work — no store opened, no file read.
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

        ChildRun run = ChildRun.start(args(dir, output.toString()));

        assertThat(run.waitFor(120)).as(run.output()).isEqualTo(2);
        assertThat(run.output()).isEqualTo("incident-tally: " + output.resolve("all") + " is in the way: a folder this"
                + " job did not write (it holds x); the job writes only into folders it made itself, so it leaves it"
                + " alone and stops — move it away or choose another --output");
        assertThat(thesis).hasContent("t");
        assertThat(dir.resolve("store")).doesNotExist();
    }

    @Test
    void anOutputFolderThatCannotBeWrittenIsRefusedBeforeAnyWork(@TempDir Path dir) throws Exception {
        ChildRun.writeInput(dir.resolve("input"), 1, 100);
        Path file = Files.writeString(dir.resolve("reports"), "a file where a folder must go");

        ChildRun behindAFile = ChildRun.start(args(dir, file.resolve("weekly").toString()));

        assertThat(behindAFile.waitFor(120)).as(behindAFile.output()).isEqualTo(2);
        assertThat(behindAFile.output()).startsWith("incident-tally: --output folder cannot be created: "
                + file.resolve("weekly")).doesNotContain("\n");
        assertThat(file).hasContent("a file where a folder must go");
        assertThat(dir.resolve("store")).doesNotExist();

        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "a Linux /proc");
        ChildRun inProc = ChildRun.start(args(dir, "/proc/x"));

        assertThat(inProc.waitFor(120)).as(inProc.output()).isEqualTo(2);
        assertThat(inProc.output())
                .isEqualTo("incident-tally: --output folder cannot be created: /proc/x (no such folder, and it cannot be made there)");
        assertThat(dir.resolve("store")).doesNotExist();
    }
}
