package com.incidenttally.job;

import com.incidenttally.ConsoleLines;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every expected way a run ends says why in a line or two: no stack trace before (or after) the
 * message, whatever the exit code.
 */
class ConsoleNoiseTests {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a store path that cannot be made  | 1 | --db=jdbc:h2:file:{dir}/not-a-folder/store",
            "a store nobody listens on         | 1 | --db=jdbc:postgresql://127.0.0.1:1/none",
            "a store URL of no known database  | 2 | --db=jdbc:nosuchdb:x",
            "a bad week                        | 2 | --week=2025-W99",
            "an unknown option                 | 2 | --colour=red",
            "an input folder that is not there | 2 | --input={dir}/missing",
            "every row rejected                | 4 | --input={dir}/bad",
    })
    void anExpectedFailureIsOneMessageWithoutAStackTrace(String what, int code, String option) throws Exception {
        Files.writeString(dir.resolve("not-a-folder"), "a file where the store's folder should be");
        Files.createDirectories(dir.resolve("bad"));
        Files.writeString(dir.resolve("bad/rows.csv"), "occurred_at,region,event_type,source\n2025-12-07 23:00,Atlantis,debris,A\n");
        Files.createDirectories(dir.resolve("good"));
        Files.writeString(dir.resolve("good/rows.csv"), "occurred_at,region,event_type,source\n2025-12-07 23:00,Rostov Oblast,debris,A\n");
        List<String> args = new ArrayList<>(List.of("--input=" + dir.resolve("good"), "--output=" + dir.resolve("out"),
                "--db=jdbc:h2:mem:noise-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "--now=2025-12-10T09:00:00Z"));
        String given = option.replace("{dir}", dir.toString());
        args.removeIf(a -> a.startsWith(given.substring(0, given.indexOf('=') + 1)));
        args.add(given);

        ConsoleLines.Run run = ConsoleLines.run(args.toArray(String[]::new));

        assertThat(run.code()).as(run.output()).isEqualTo(code);
        assertThat(run.output().lines()).as(run.output())
                .noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by: ")
                        || line.matches("^[a-z]+(\\.[a-zA-Z0-9_$]+)+(Exception|Error)(: .*)?$"));
    }
}
