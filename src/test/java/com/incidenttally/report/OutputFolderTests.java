package com.incidenttally.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class OutputFolderTests {

    @TempDir
    Path dir;

    @Test
    void aUsersFolderWhereTheReportGoesIsRefusedAndLeftAlone() throws IOException {
        Path output = dir.resolve("o");
        Path thesis = Files.createDirectories(output.resolve("all/x")).resolve("thesis.docx");
        Files.writeString(thesis, "t");

        assertThat(OutputFolder.check(output, "all")).hasValueSatisfying(problem -> assertThat(problem)
                .isEqualTo(output.resolve("all") + " is in the way: a folder this job did not write (it holds x);"
                        + " the job writes only into folders it made itself, so it leaves it alone and stops"
                        + " — move it away or choose another --output")
                .doesNotContain("\n"));

        assertThat(thesis).hasContent("t");
    }

    @Test
    void aFolderThatOnlyLooksLikeAnEarlierReportIsRefused() throws IOException {
        Path report = ReportFolderTests.earlierReport(dir.resolve("all"), "all");
        Files.writeString(report.resolve("thesis.docx"), "t");

        assertThat(OutputFolder.check(dir, "all")).hasValueSatisfying(problem ->
                assertThat(problem).contains("is in the way", "it holds charts, incident-report-all.xlsx, rejected.csv and 2 more"));
    }

    @Test
    void anEarlierReportForAnotherLabelIsNotOurs() throws IOException {
        ReportFolderTests.earlierReport(dir.resolve("all"), "2025-W50");

        assertThat(OutputFolder.check(dir, "all")).isPresent();
    }

    @Test
    void aUsersFileOrLinkWhereTheReportGoesIsRefused() throws IOException {
        Files.writeString(dir.resolve("all"), "notes");
        Files.createSymbolicLink(dir.resolve("2025-W50"), dir.resolve("all"));
        Files.createSymbolicLink(dir.resolve("2025-W49"), Path.of(OutputFolder.versionName("2025-W50", UUID.randomUUID())));

        assertThat(OutputFolder.check(dir, "all")).hasValueSatisfying(problem ->
                assertThat(problem).contains("is in the way: a file this job did not write"));
        assertThat(OutputFolder.check(dir, "2025-W50")).hasValueSatisfying(problem ->
                assertThat(problem).contains("is in the way: a link this job did not make"));
        // A link of ours points at a report folder of its own label.
        assertThat(OutputFolder.check(dir, "2025-W49")).isPresent();
        assertThat(dir.resolve("all")).hasContent("notes");
    }

    @Test
    void nothingOurLinkOrAnEarlierVersionsReportIsNoObstacle() throws IOException {
        assertThat(OutputFolder.check(dir, "all")).isEmpty();

        ReportFolderTests.earlierReport(dir.resolve("all"), "all");
        assertThat(OutputFolder.check(dir, "all")).isEmpty();

        Files.createSymbolicLink(dir.resolve("2025-W50"), Path.of(OutputFolder.versionName("2025-W50", UUID.randomUUID())));
        assertThat(OutputFolder.check(dir, "2025-W50")).isEmpty();
        assertThat(dir).isDirectoryContaining(p -> p.getFileName().toString().equals("all"));
    }

    @Test
    void aMissingOutputFolderIsCreatedAndNothingIsLeftInIt() {
        Path output = dir.resolve("reports/weekly");

        assertThat(OutputFolder.check(output, "all")).isEmpty();

        assertThat(output).isEmptyDirectory();
    }

    @Test
    void anOutputFolderThatIsAFileIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("reports"), "x");

        assertThat(OutputFolder.check(file, "all")).contains("--output is a file, not a folder: " + file);
    }

    @Test
    void anOutputFolderBehindAFileIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("reports"), "x");

        assertThat(OutputFolder.check(file.resolve("weekly"), "all")).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("--output folder cannot be created: " + file.resolve("weekly") + " (")
                .contains("reports"));
        assertThat(file).hasContent("x");
    }

    @Test
    void anOutputFolderInProcIsRefused() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "a Linux /proc");

        assertThat(OutputFolder.check(Path.of("/proc/x"), "all"))
                .contains("--output folder cannot be created: /proc/x (no such folder, and it cannot be made there)");
    }

    @Test
    void aReadOnlyOutputFolderIsRefused() throws IOException {
        // Root writes into a read-only folder all the same: this case only exists for other users.
        assumeFalse("root".equals(System.getProperty("user.name")), "not run as root");
        Path output = Files.createDirectories(dir.resolve("reports"));
        Files.setPosixFilePermissions(output, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertThat(OutputFolder.check(output, "all"))
                    .contains("--output folder cannot be written: " + output + " (permission denied)");
        } finally {
            Files.setPosixFilePermissions(output, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
