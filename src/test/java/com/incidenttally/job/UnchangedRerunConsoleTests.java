package com.incidenttally.job;

import com.incidenttally.ConsoleLines;
import com.incidenttally.report.ReportFingerprint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An unchanged rerun keeps the report and prints, from its fingerprint, the same lines on rejections
 * and far dates as a run that writes the same report again with no file read: it does not read the
 * store's rejections and far dates to say them.
 */
class UnchangedRerunConsoleTests {

    private static final String NOW = "--now=2026-03-20T09:00:00Z";

    /** Rejections in W48, W49 and undated, and a far date (14 Mar 2026, among late-2025 nights). */
    private static final String ROWS = """
            occurred_at,region,district,event_type,source
            2025-12-02 22:00,Belgorod Oblast,,shot_down,governor
            2025-12-02 23:00,Atlantis,,shot_down,governor
            2025-11-25 23:00,Narnia,,debris,ministry
            not a date,Belgorod Oblast,,impact,governor
            2025-12-03 22:00,Kursk Oblast,,shot_down,governor
            2025-12-04 22:00,Kursk Oblast,,sideways,governor
            2026-03-14 22:00,Kursk Oblast,,debris,governor
            """;

    private static ConsoleLines.Run run(Path input, Path output, Path store, String... more) {
        List<String> args = new ArrayList<>(List.of("--input=" + input, "--output=" + output,
                "--db=jdbc:h2:file:" + store.resolve("incidents"), NOW));
        args.addAll(List.of(more));
        ConsoleLines.Run run = ConsoleLines.run(args.toArray(String[]::new));
        assertThat(run.code()).as(run.output()).isZero();
        return run;
    }

    /** The console's lines on rejections and far dates, in order. */
    private static List<String> rejectionLines(ConsoleLines.Run run) {
        return run.output().lines().filter(line -> line.startsWith("Rejected ") || line.startsWith("Of the rejected")
                || line.contains("rejected on nights outside") || line.startsWith("Warning: ")).toList();
    }

    @Test
    void anUnchangedRerunPrintsTheLinesOfARunThatWritesTheSameReportAgain(@TempDir Path input, @TempDir Path output,
            @TempDir Path store) throws Exception {
        Files.writeString(input.resolve("a.csv"), ROWS, StandardCharsets.UTF_8);
        run(input, output, store);
        run(input, output, store, "--week=2025-W49");
        for (String[] period : List.of(new String[0], new String[] {"--week=2025-W49"})) {
            // A new file with a rejected row: this run says it is new; a rerun has nothing new to say.
            Files.writeString(input.resolve(period.length + ".csv"), """
                    occurred_at,region,event_type,source
                    2025-12-05 22:00,Belgorod Oblast,flying,governor
                    """, StandardCharsets.UTF_8);
            ConsoleLines.Run written = run(input, output, store, period);
            ConsoleLines.Run unchanged = run(input, output, store, period);
            // The same report written again, with no file read: what an unchanged rerun must print.
            String label = period.length == 0 ? "all" : "2025-W49";
            Files.delete(output.resolve(label).resolve(ReportFingerprint.FILE));
            ConsoleLines.Run again = run(input, output, store, period);

            assertThat(written.output()).contains("Report written to");
            assertThat(unchanged.output()).contains("Report unchanged since the last run");
            assertThat(again.output()).contains("Report written to");
            assertThat(rejectionLines(unchanged)).isNotEmpty().isEqualTo(rejectionLines(again));
            assertThat(String.join("\n", rejectionLines(written))).contains("1 new since the last run");
            assertThat(String.join("\n", rejectionLines(unchanged))).doesNotContain("new since the last run");
        }
        // The far date is named in the report of every night, not in W49's (W49's new file made it stale).
        run(input, output, store);
        ConsoleLines.Run all = run(input, output, store);
        assertThat(all.output()).contains("Report unchanged since the last run");
        assertThat(rejectionLines(all)).anyMatch(line -> line.startsWith("Warning: 1 row dated far from every other")
                && line.contains("a.csv:8"));
        assertThat(rejectionLines(all)).anyMatch(line -> line.startsWith("Rejected 6 rows: "));
        ConsoleLines.Run week = run(input, output, store, "--week=2025-W49");
        assertThat(rejectionLines(week)).noneMatch(line -> line.startsWith("Warning: "))
                .contains("Of the rejected rows: 1 with no usable date (shown in every report until fixed)")
                .anyMatch(line -> line.startsWith("1 more row was rejected on nights outside this period"));
    }

    @Test
    void aFingerprintWithoutTheRerunsLinesWritesTheReportAgainOnce(@TempDir Path input, @TempDir Path output,
            @TempDir Path store) throws Exception {
        Files.writeString(input.resolve("a.csv"), ROWS, StandardCharsets.UTF_8);
        run(input, output, store);
        // A fingerprint as an earlier version wrote it: what it was made from, no console lines.
        Path fingerprint = output.resolve("all").resolve(ReportFingerprint.FILE);
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(fingerprint, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        assertThat(properties.remove("unchanged-rerun-lines")).isNotNull();
        try (Writer out = Files.newBufferedWriter(fingerprint, StandardCharsets.UTF_8)) {
            properties.store(out, null);
        }

        ConsoleLines.Run rewritten = run(input, output, store);
        ConsoleLines.Run unchanged = run(input, output, store);

        assertThat(rewritten.output()).contains("Report written to").doesNotContain("Report unchanged");
        assertThat(unchanged.output()).contains("Report unchanged since the last run");
        assertThat(rejectionLines(unchanged)).isEqualTo(rejectionLines(rewritten)).isNotEmpty();
    }
}
