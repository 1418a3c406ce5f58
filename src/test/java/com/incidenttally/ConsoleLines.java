package com.incidenttally;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** What the job printed, read as a person reads it: each line's date, time and offset checked, then set aside. */
public final class ConsoleLines {

    /** {@code 2026-12-07 06:30:04 +03:00 } at the start of a line. */
    public static final Pattern STAMP = Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} [+-]\\d{2}:\\d{2} ");

    private ConsoleLines() {
    }

    /** The output with every line's stamp removed; fails when a line has none. */
    public static String unstamped(String output) {
        return output.lines().map(line -> {
            Matcher stamp = STAMP.matcher(line);
            assertThat(stamp.find()).as("a console line without its date, time and offset: %s", line).isTrue();
            return line.substring(stamp.end());
        }).collect(Collectors.joining("\n", "", output.endsWith("\n") ? "\n" : ""));
    }

    /** A run of the application in this JVM: its exit code and what it printed, stamps set aside. */
    public record Run(int code, String output) {
    }

    /**
     * Runs the application in this JVM (starting one is most of a small run's time) and returns its
     * exit code and everything it printed, standard output and error together, in order.
     */
    public static Run run(String... args) {
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
        return new Run(code, unstamped(printed.toString(StandardCharsets.UTF_8)));
    }
}
