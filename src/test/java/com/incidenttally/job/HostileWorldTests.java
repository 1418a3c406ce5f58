package com.incidenttally.job;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import com.incidenttally.IncidentTallyApplication;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a hostile user or a careless operator does to a weekly run (issue 17): each scenario runs
 * the real job in this JVM on real files and reopens what it wrote.
 */
class HostileWorldTests {

    private static final String NOW = "--now=2025-12-10T09:00:00Z";

    /** A run's exit code and everything it printed. */
    record Run(int code, String output) {
    }

    static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(printed, true, StandardCharsets.UTF_8);
        int code;
        try {
            System.setOut(both);
            System.setErr(both);
            code = IncidentTallyApplication.run(args, Map.of());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new Run(code, printed.toString(StandardCharsets.UTF_8));
    }

    static String[] args(Path input, Path output, Path store, String... more) {
        List<String> all = new ArrayList<>(List.of("--input=" + input, "--output=" + output,
                "--db=jdbc:h2:file:" + store.resolve("incidents"), NOW));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    static JsonNode summary(Path report) throws Exception {
        return new ObjectMapper().readTree(report.resolve("summary.json").toFile());
    }

    static long incidents(Path report) throws Exception {
        return summary(report).get("totals").get("incidents").asLong();
    }

    @Test
    void anotherStoresReportInTheOutputFolderIsReplacedByThisStoresOwn(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("reports");
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("one.csv"), "occurred_at,region,event_type,source\n"
                + "2025-12-07 23:50,Smolensk region,shot_down,Governor\n");
        String[] storeA = args(Path.of("input"), output, dir.resolve("store-a"));
        String[] storeB = args(other, output, dir.resolve("store-b"));

        assertThat(run(storeA).code()).isZero();
        assertThat(incidents(output.resolve("all"))).isEqualTo(7);
        assertThat(run(storeB).code()).isZero();
        assertThat(incidents(output.resolve("all"))).isEqualTo(1);

        Run again = run(storeA);

        assertThat(again.code()).as(again.output()).isZero();
        assertThat(again.output()).doesNotContain("Report unchanged").contains("7 incidents");
        assertThat(incidents(output.resolve("all"))).isEqualTo(7);
        // With nothing changed since, the report is kept: the shortcut still works for its own report.
        assertThat(run(storeA).output()).contains("Report unchanged since the last run").contains("7 incidents");
    }

    @Test
    void aReportSwappedBehindTheJobsBackIsWrittenAgain(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("reports");
        String[] store = args(Path.of("input"), output, dir.resolve("store"));
        assertThat(run(store).code()).isZero();
        Path published = output.resolve(Files.readSymbolicLink(output.resolve("all")));
        // Someone edits the published figures by hand.
        Files.writeString(published.resolve("summary.json"), "{\"totals\":{\"incidents\":99}}");
        Files.deleteIfExists(published.resolve(com.incidenttally.report.ReportFingerprint.FILE));

        Run again = run(store);

        assertThat(again.output()).doesNotContain("Report unchanged");
        assertThat(incidents(output.resolve("all"))).isEqualTo(7);
    }
}
