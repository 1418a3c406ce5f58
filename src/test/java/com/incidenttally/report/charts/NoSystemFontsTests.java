package com.incidenttally.report.charts;

import com.incidenttally.ChildJvm;
import com.incidenttally.IncidentTallyApplication;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The whole job on a machine without fonts: the system's font folder is hidden in a mount
 * namespace of a child process ({@code unshare -m}, which needs root; skipped elsewhere). Without
 * the bundled font the JDK stops with "No physical fonts found"; with it the charts are drawn.
 */
class NoSystemFontsTests {

    private static final Path SYSTEM_FONTS = Path.of("/usr/share/fonts");

    private static boolean canHideTheSystemFonts() {
        if (!Files.isDirectory(SYSTEM_FONTS)) {
            return false;
        }
        try {
            Process probe = new ProcessBuilder("unshare", "-m", "true").redirectErrorStream(true).start();
            return probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void chartsAreDrawnWhenTheMachineHasNoFonts(@TempDir Path dir) throws Exception {
        assumeTrue(canHideTheSystemFonts(), "needs unshare -m (root) to hide the system fonts");
        Path empty = Files.createDirectories(dir.resolve("no-fonts"));
        Path output = dir.resolve("out");
        // The child's fonts are what the test is about, not its compiler: it runs with the flags of every child.
        String run = String.join(" ", List.of("mount --bind '" + empty + "' " + SYSTEM_FONTS, "&&",
                "exec '" + ChildJvm.java() + "'", "-Xmx512m", String.join(" ", ChildJvm.FLAGS),
                "-cp", "'" + System.getProperty("java.class.path") + "'",
                IncidentTallyApplication.class.getName(), "--input=input", "'--output=" + output + "'",
                "--db=jdbc:h2:mem:no-fonts", "--now=2025-12-10T09:00:00Z", "--lang=ru"));
        Process child = new ProcessBuilder("unshare", "-m", "sh", "-c", run).redirectErrorStream(true).start();
        String printed = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(child.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(printed).isZero();
        assertThat(printed).doesNotContain("No physical fonts", "Fontconfig");
        try (var charts = Files.list(output.resolve("all/charts"))) {
            for (Path chart : charts.toList()) {
                assertThat(ImageIO.read(chart.toFile())).as(chart.toString()).isNotNull();
            }
        }
    }
}
