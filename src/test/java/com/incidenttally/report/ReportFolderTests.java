package com.incidenttally.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ReportFolderTests {

    @Test
    void reportAppearsOnlyWhenPublished(@TempDir Path output) throws Exception {
        ReportFolder folder = ReportFolder.stage(output, "2025-W50");
        Files.writeString(folder.staging().resolve("summary.json"), "{}");

        assertThat(output.resolve("2025-W50")).doesNotExist();
        folder.publish();

        assertThat(output.resolve("2025-W50/summary.json")).hasContent("{}");
        assertThat(names(output)).containsExactly("2025-W50");
    }

    @Test
    void rerunReplacesTheWholeFolder(@TempDir Path output) throws Exception {
        ReportFolder first = ReportFolder.stage(output, "all");
        Files.writeString(first.staging().resolve("old-only.txt"), "old");
        first.publish();

        ReportFolder second = ReportFolder.stage(output, "all");
        Files.writeString(second.staging().resolve("summary.json"), "new");
        assertThat(output.resolve("all/old-only.txt")).exists();
        second.publish();

        assertThat(output.resolve("all/old-only.txt")).doesNotExist();
        assertThat(output.resolve("all/summary.json")).hasContent("new");
        assertThat(names(output)).containsExactly("all");
    }

    @Test
    void failedReportLeavesThePublishedOneAlone(@TempDir Path output) throws Exception {
        ReportFolder first = ReportFolder.stage(output, "all");
        Files.writeString(first.staging().resolve("summary.json"), "good");
        first.publish();

        ReportFolder broken = ReportFolder.stage(output, "all");
        Files.writeString(broken.staging().resolve("summary.json"), "half");
        broken.discard();

        assertThat(output.resolve("all/summary.json")).hasContent("good");
        assertThat(names(output)).containsExactly("all");
    }

    private static Stream<String> namesStream(Path dir) throws Exception {
        return Files.list(dir).map(p -> p.getFileName().toString());
    }

    private static java.util.List<String> names(Path dir) throws Exception {
        try (Stream<String> names = namesStream(dir)) {
            return names.sorted().toList();
        }
    }
}
